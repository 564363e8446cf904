/**
 * A minimal TopoJSON reader (the parts boundary files use): quantized, delta-encoded arcs and
 * Polygon / MultiPolygon geometries, turned back into GeoJSON features. Other geometry types
 * come back with their type and no coordinates, so that the loader can reject them by name.
 */

/** A TopoJSON topology as read from a file (only what this reader looks at). */
export interface Topology {
  type: 'Topology';
  objects: Record<string, { type: string; geometries?: TopoGeometry[] }>;
  arcs: number[][][];
  transform?: { scale: [number, number]; translate: [number, number] };
}

/** One geometry of a TopoJSON object: arcs are indices into `topology.arcs` (~i means reversed). */
export interface TopoGeometry {
  type: string | null;
  arcs?: unknown;
  properties?: Record<string, unknown>;
}

/** A GeoJSON feature as this reader makes it. */
export interface GeoFeature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates?: unknown } | null;
}

/** True when a parsed JSON value looks like a TopoJSON topology. */
export function isTopology(value: unknown): value is Topology {
  const v = value as Partial<Topology> | null;
  return !!v && v.type === 'Topology' && typeof v.objects === 'object' && v.objects !== null && Array.isArray(v.arcs);
}

/** Decodes the arcs of a topology into absolute [longitude, latitude] positions. */
export function decodeArcs(topology: Topology): number[][][] {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    if (!t) return arc.map((p) => [p[0]!, p[1]!]);
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      x += p[0]!;
      y += p[1]!;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}

/** The features of one object of a topology (a GeometryCollection), as GeoJSON. */
export function objectFeatures(topology: Topology, name: string, arcs: number[][][] = decodeArcs(topology)): GeoFeature[] {
  const ring = (indices: unknown): number[][] | null => {
    if (!Array.isArray(indices)) return null;
    const out: number[][] = [];
    for (const i of indices) {
      if (!Number.isInteger(i)) return null;
      const arc = arcs[i < 0 ? ~i : i];
      if (!arc) return null;
      const points = i < 0 ? [...arc].reverse() : arc;
      // Consecutive arcs share their end point: keep it once.
      out.push(...(out.length ? points.slice(1) : points));
    }
    return out;
  };
  const polygon = (rings: unknown): (number[][] | null)[] | null => (Array.isArray(rings) ? rings.map(ring) : null);
  const object = topology.objects[name];
  return (object?.geometries ?? [object]).filter((g) => g).map((g) => {
    const geometry = g as TopoGeometry;
    const type = geometry.type ?? null;
    const coordinates = type === 'Polygon' ? polygon(geometry.arcs)
      : type === 'MultiPolygon' && Array.isArray(geometry.arcs) ? geometry.arcs.map(polygon) : undefined;
    return { type: 'Feature', properties: geometry.properties ?? {}, geometry: type ? { type, coordinates } : null };
  });
}
