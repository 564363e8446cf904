/** Pixels per CSS pixel in the PNG: sharp enough for a report or a slide. */
const SCALE = 2;

/** The PNG file name for a chart title: lower-case, accents dropped, words joined by hyphens. */
export function pngFileName(title: string): string {
  const slug = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${slug || 'grafico'}.png`;
}

function loadSvg(svg: SVGSVGElement): Promise<{ image: HTMLImageElement; width: number; height: number }> {
  const box = svg.getBoundingClientRect();
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(box.width));
  copy.setAttribute('height', String(box.height));
  // The page's font and colour are inherited in the page but not in a lone SVG image.
  const style = getComputedStyle(svg);
  copy.style.fontFamily = style.fontFamily;
  copy.style.color = style.color;
  const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml;charset=utf-8' }));
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      URL.revokeObjectURL(url);
      resolve({ image, width: box.width, height: box.height });
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('The chart could not be drawn as an image.'));
    };
    image.src = url;
  });
}

/**
 * Draws a chart's SVG elements (a Plot legend and plot, or a recharts surface), stacked under its
 * title, on a white canvas, and offers the result as a PNG download.
 */
export async function downloadPng(container: Element, title: string, note = ''): Promise<void> {
  const svgs = [...container.querySelectorAll('svg')].filter((s) => !s.closest('svg svg') && s.getBoundingClientRect().width > 40 && s.getBoundingClientRect().height > 10);
  if (svgs.length === 0) throw new Error('There is no chart to download.');
  const parts = await Promise.all(svgs.map(loadSvg));
  const head = 36;
  const foot = note ? 24 : 8;
  const font = getComputedStyle(container).fontFamily;
  const measure = document.createElement('canvas').getContext('2d')!;
  measure.font = `600 16px ${font}`;
  const width = Math.ceil(Math.max(...parts.map((p) => p.width), 320, measure.measureText(title).width + 16));
  const height = Math.ceil(head + parts.reduce((h, p) => h + p.height + 8, 0) + foot);
  const canvas = document.createElement('canvas');
  canvas.width = width * SCALE;
  canvas.height = height * SCALE;
  const g = canvas.getContext('2d')!;
  g.scale(SCALE, SCALE);
  g.fillStyle = '#fff';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#1f2933';
  g.font = `600 16px ${font}`;
  g.fillText(title, 8, 24, width - 16);
  let y = head;
  for (const p of parts) {
    g.drawImage(p.image, 0, y, p.width, p.height);
    y += p.height + 8;
  }
  if (note) {
    g.font = `12px ${font}`;
    g.fillStyle = '#52606d';
    g.fillText(note, 8, height - 8, width - 16);
  }
  const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed.'))), 'image/png'));
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = pngFileName(title);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
