import type { PlotOptions } from '@observablehq/plot';
import * as Plot from '@observablehq/plot';
import { geoArea, geoBounds, geoMercator, geoPath } from 'd3';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/** One province's boundary, as the `province-boundaries` query answers it. */
export interface Boundary {
  code: string;
  name: string;
  geometry: Polygon | MultiPolygon;
}

/** A province's estimate as the map draws it (a row of `survey-indicator` by province). */
export interface MapEstimate {
  province_code: string;
  name: string;
  estimate: number | null;
  ci_low: number | null;
  ci_high: number | null;
  flag: string;
}

/** The words the choropleth needs, in the page's language. */
export interface ChoroplethText {
  /** The indicator's name: the colour legend's label. */
  title: string;
  /** The label under the Galápagos inset. */
  inset: string;
  /** The tooltip of a province (its estimate and interval, or why there is none; no estimate when the answer has no row for it). */
  tip(name: string, estimate: MapEstimate | undefined): string;
  percent(value: number, digits?: number): string;
}

/** The province drawn apart, in an inset: Galápagos. */
export const INSET_PROVINCE = '20';

/** Reads the rows of `province-boundaries`; a row whose geometry is not a polygon is left out. */
export function parseBoundaries(rows: readonly Record<string, unknown>[]): Boundary[] {
  return rows.flatMap((r) => {
    try {
      const geometry = JSON.parse(String(r.geometry)) as Geometry;
      if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return [];
      return [{ code: String(r.code), name: String(r.name), geometry: rewind(geometry) }];
    } catch {
      return [];
    }
  });
}

/**
 * d3 draws on the sphere, where a ring's winding says which side is inside: GeoJSON files
 * (RFC 7946) wind exteriors the other way round from d3. A polygon covering more than half the
 * sphere is read inside out, so its rings are reversed.
 */
function rewind(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  const fix = (rings: Position[][]) => (geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: fix(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(fix) };
}

function shift(geometry: Polygon | MultiPolygon, dx: number, dy: number): Polygon | MultiPolygon {
  const move = (rings: Position[][]) => rings.map((ring) => ring.map(([x, y]) => [x! + dx, y! + dy]));
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: move(geometry.coordinates) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(move) };
}

type ProvinceFeature = Feature<Polygon | MultiPolygon, { code: string; name: string; estimate: number | null; row?: MapEstimate }>;

/**
 * A choropleth of an indicator by province: a Mercator projection fitted to the mainland, with
 * Galápagos moved east next to the coast inside a dashed frame labelled as an inset; published
 * estimates coloured on the same scale as the tile map (cividis), unpublishable ones hatched and
 * never coloured, estimates to use with caution outlined in dashes; a tooltip per province with
 * its estimate and 95% interval.
 */
export function choroplethOptions(boundaries: readonly Boundary[], rows: readonly MapEstimate[], width: number, text: ChoroplethText): PlotOptions {
  const byCode = new Map(rows.map((r) => [r.province_code, r]));
  const feature = (b: Boundary, geometry = b.geometry): ProvinceFeature => {
    const row = byCode.get(b.code);
    return { type: 'Feature', id: b.code, properties: { code: b.code, name: row?.name ?? b.name, estimate: row?.estimate ?? null, row }, geometry };
  };
  const mainland = boundaries.filter((b) => b.code !== INSET_PROVINCE).map((b) => feature(b));
  const features = [...mainland];
  const frame: Feature[] = [];
  const labels: { lon: number; lat: number; text: string }[] = [];
  const island = boundaries.find((b) => b.code === INSET_PROVINCE);
  if (island && mainland.length) {
    const [[west], [, north]] = geoBounds({ type: 'FeatureCollection', features: mainland }) as [[number, number], [number, number]];
    const [[iw, is], [ie, inorth]] = geoBounds(island.geometry) as [[number, number], [number, number]];
    // Moved east so its frame ends a degree west of the coast, its top level with the mainland's.
    const pad = 0.3;
    const dx = west - 1 - pad - ie;
    const dy = north - inorth;
    features.push(feature(island, shift(island.geometry, dx, dy)));
    const [x0, x1, y0, y1] = [iw + dx - pad, ie + dx + pad, is + dy - pad, inorth + dy + pad];
    frame.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [[x0, y1], [x1, y1], [x1, y0], [x0, y0], [x0, y1]] } });
    // On two lines ("Galápagos" / "(moved)"), so that it stays within the frame's width on a phone.
    labels.push({ lon: (x0 + x1) / 2, lat: y0 - 0.2, text: text.inset.replace(' (', '\n(') });
  }
  const domain: FeatureCollection = {
    type: 'FeatureCollection',
    features: [...features, ...frame, ...labels.map((l): Feature => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [l.lon, l.lat - 0.8] } }))],
  };
  const inset = 8;
  const plotWidth = Math.min(width, 720);
  const [[, top], [, bottom]] = geoPath(geoMercator().fitWidth(plotWidth - 2 * inset, domain)).bounds(domain);
  const tip = (f: ProvinceFeature) => text.tip(f.properties.name, f.properties.row);
  const shown = features.filter((f) => f.properties.estimate !== null);
  return {
    width: plotWidth,
    height: Math.ceil(bottom - top + 2 * inset),
    projection: { type: 'mercator', domain, inset },
    color: { type: 'linear', scheme: 'cividis', reverse: true, legend: true, label: text.title, tickFormat: (v: number) => text.percent(v, 0) },
    marks: [
      hatchDefs,
      // No answer for a province (yet): a plain grey shape, never a colour and never the hatching that means "not published".
      Plot.geo(features.filter((f) => !f.properties.row), { fill: '#e4e7eb', stroke: 'white', strokeWidth: 0.7, title: tip, className: 'faro-province' }),
      Plot.geo(features.filter((f) => f.properties.row && f.properties.estimate === null), { fill: 'url(#faro-hatch)', stroke: '#9aa5b1', strokeWidth: 0.7, title: tip, className: 'faro-province' }),
      Plot.geo(shown, { fill: (f: ProvinceFeature) => f.properties.estimate, stroke: 'white', strokeWidth: 0.7, title: tip, className: 'faro-province' }),
      Plot.geo(shown.filter((f) => f.properties.row?.flag === 'caution'), { fill: 'none', stroke: '#1f2933', strokeWidth: 1.3, strokeDasharray: '3,2', className: 'faro-caution' }),
      Plot.geo(frame, { stroke: '#7b8794', strokeDasharray: '4,3', className: 'faro-inset' }),
      Plot.text(labels, { x: 'lon', y: 'lat', text: 'text', lineAnchor: 'top', fill: '#3e4c59', fontSize: plotWidth < 500 ? 10 : 11, className: 'faro-inset' }),
    ],
  };
}

/** The diagonal hatching that marks a territory without a publishable estimate (`url(#faro-hatch)`). */
export function hatchDefs(): SVGElement {
  const defs = document.createElementNS('http://www.w3.org/2000/svg', 'defs');
  defs.innerHTML = '<pattern id="faro-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f5f7fa"/><line x1="0" y1="0" x2="0" y2="6" stroke="#9aa5b1" stroke-width="2"/></pattern>';
  return defs;
}
