-- Boundaries of territories (provinces, cantons) loaded from GeoJSON or TopoJSON files with
-- INEC DPA codes, for choropleth maps. Longitude/latitude (WGS84), rounded to 4 decimals;
-- the geometry is a GeoJSON Polygon or MultiPolygon kept as text (no spatial extension).
-- A file replaces every earlier boundary of the levels it brings.
CREATE TABLE boundary (
  level          VARCHAR NOT NULL CHECK (level IN ('province', 'canton')),
  code           VARCHAR NOT NULL,      -- DPA code: 2-digit province, 4-digit canton
  name           VARCHAR NOT NULL,      -- as written in the file
  geometry_json  VARCHAR NOT NULL,      -- GeoJSON geometry object
  load_id        INTEGER NOT NULL,
  PRIMARY KEY (level, code)
);
