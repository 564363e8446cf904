/** A section of the CIIU Rev.4 (ISIC Rev.4) classification of economic activities. */
export interface Sector {
  code: string;
  nameEs: string;
  nameEn: string;
}

/** CIIU Rev.4 sections A-U, with INEC's Spanish names and ISIC's English ones. */
export const SECTORS: readonly Sector[] = [
  { code: 'A', nameEs: 'Agricultura, ganadería, silvicultura y pesca', nameEn: 'Agriculture, forestry and fishing' },
  { code: 'B', nameEs: 'Explotación de minas y canteras', nameEn: 'Mining and quarrying' },
  { code: 'C', nameEs: 'Industrias manufactureras', nameEn: 'Manufacturing' },
  { code: 'D', nameEs: 'Suministro de electricidad, gas, vapor y aire acondicionado', nameEn: 'Electricity, gas, steam and air conditioning supply' },
  { code: 'E', nameEs: 'Distribución de agua, alcantarillado y gestión de desechos', nameEn: 'Water supply; sewerage, waste management and remediation' },
  { code: 'F', nameEs: 'Construcción', nameEn: 'Construction' },
  { code: 'G', nameEs: 'Comercio al por mayor y al por menor; reparación de vehículos', nameEn: 'Wholesale and retail trade; repair of motor vehicles' },
  { code: 'H', nameEs: 'Transporte y almacenamiento', nameEn: 'Transportation and storage' },
  { code: 'I', nameEs: 'Actividades de alojamiento y de servicio de comidas', nameEn: 'Accommodation and food service activities' },
  { code: 'J', nameEs: 'Información y comunicación', nameEn: 'Information and communication' },
  { code: 'K', nameEs: 'Actividades financieras y de seguros', nameEn: 'Financial and insurance activities' },
  { code: 'L', nameEs: 'Actividades inmobiliarias', nameEn: 'Real estate activities' },
  { code: 'M', nameEs: 'Actividades profesionales, científicas y técnicas', nameEn: 'Professional, scientific and technical activities' },
  { code: 'N', nameEs: 'Actividades de servicios administrativos y de apoyo', nameEn: 'Administrative and support service activities' },
  { code: 'O', nameEs: 'Administración pública y defensa; seguridad social obligatoria', nameEn: 'Public administration and defence; compulsory social security' },
  { code: 'P', nameEs: 'Enseñanza', nameEn: 'Education' },
  { code: 'Q', nameEs: 'Atención de la salud humana y asistencia social', nameEn: 'Human health and social work activities' },
  { code: 'R', nameEs: 'Artes, entretenimiento y recreación', nameEn: 'Arts, entertainment and recreation' },
  { code: 'S', nameEs: 'Otras actividades de servicios', nameEn: 'Other service activities' },
  { code: 'T', nameEs: 'Actividades de los hogares como empleadores', nameEn: 'Activities of households as employers' },
  { code: 'U', nameEs: 'Actividades de organizaciones extraterritoriales', nameEn: 'Activities of extraterritorial organizations' },
];

/** INEC's survey code `rama1` 1-21 for sections A-U (22 means not specified). */
export const SECTION_BY_NUMBER: Readonly<Record<number, string>> = Object.fromEntries(SECTORS.map((s, i) => [i + 1, s.code]));
