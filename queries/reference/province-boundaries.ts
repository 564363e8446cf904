import { z } from 'zod';
import { defineQuery } from '../catalogue/query-definition.ts';

/**
 * The boundaries of the provinces loaded from a boundary file (see the ETL's boundary loader),
 * for choropleth maps: one row per province, its geometry as GeoJSON text with coordinates cut
 * to 3 decimals (about 110 m, finer than the simplified boundaries themselves). Empty when no
 * boundary file was loaded: the dashboard then draws its tile map.
 */
export const provinceBoundaries = defineQuery({
  name: 'province-boundaries',
  audience: 'public',
  title: { es: 'Límites de las provincias', en: 'Province boundaries' },
  description: {
    es: 'Límites de las provincias del Ecuador (códigos DPA del INEC) cargados de un archivo GeoJSON o TopoJSON, como geometrías GeoJSON (longitud/latitud, 3 decimales). ' +
      'Son datos de referencia de unos 270 KB para las 24 provincias, fuera del límite de 16 KB de las respuestas agregadas; no cambian entre cargas y se guardan en caché. Vacío si no se cargó ningún archivo de límites.',
    en: "Boundaries of Ecuador's provinces (INEC DPA codes) loaded from a GeoJSON or TopoJSON file, as GeoJSON geometries (longitude/latitude, 3 decimals). " +
      'Reference data of about 270 KB for the 24 provinces, outside the 16 KB budget of aggregated answers; they do not change between loads and are cached. Empty when no boundary file was loaded.',
  },
  sources: ['boundary', 'territory'],
  params: z.strictObject({}),
  columns: [
    { name: 'code', kind: 'string', label: { es: 'Código', en: 'Code' } },
    { name: 'name', kind: 'string', label: { es: 'Provincia', en: 'Province' } },
    { name: 'geometry', kind: 'string', label: { es: 'Geometría (GeoJSON)', en: 'Geometry (GeoJSON)' } },
  ],
  build: () => ({
    // Cutting decimals in the text keeps shared borders shared: the same input digits give the same output.
    sql: `SELECT b.code, coalesce(t.name, b.name) AS name, regexp_replace(b.geometry_json, '(\\.\\d{3})\\d+', '\\1', 'g') AS geometry
      FROM boundary b LEFT JOIN territory t ON t.code = b.code AND t.level = 'province'
      WHERE b.level = 'province' ORDER BY b.code`,
    params: {},
  }),
});
