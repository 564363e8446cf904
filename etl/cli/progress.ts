/**
 * A one-line progress display on a terminal (a plain line per step elsewhere, e.g. in CI logs):
 * what is being done, for which file, and for how long.
 */
export function progress(stream: NodeJS.WriteStream = process.stderr) {
  let timer: NodeJS.Timeout | null = null;
  let label = '';
  let started = 0;
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  let frame = 0;
  let percent: number | null = null;
  const draw = () => {
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    const bar = percent === null ? '' : ` [${'█'.repeat(Math.round(percent / 5)).padEnd(20, '·')}] ${percent.toFixed(0).padStart(3)} %`;
    stream.write(`\r${frames[frame++ % frames.length]} ${label}${bar} ${secs} s\x1b[K`);
  };
  return {
    /** Shows a new step. */
    step(text: string) {
      label = text;
      percent = null;
      started = Date.now();
      if (!stream.isTTY) {
        stream.write(`… ${text}\n`);
        return;
      }
      timer ??= setInterval(draw, 100);
      draw();
    },
    /** Shows how far the current step has gone (0-100). */
    progress(value: number) {
      percent = Math.max(0, Math.min(100, value));
    },
    /** Clears the line. */
    done() {
      if (timer) clearInterval(timer);
      timer = null;
      if (stream.isTTY) stream.write('\r\x1b[K');
    },
  };
}
