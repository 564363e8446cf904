/** A major group of the CIUO-08 (ISCO-08) classification of occupations. */
export interface Occupation {
  code: string;
  nameEs: string;
  nameEn: string;
}

/** CIUO-08 major groups 0-9. */
export const OCCUPATIONS: readonly Occupation[] = [
  { code: '0', nameEs: 'Ocupaciones militares', nameEn: 'Armed forces occupations' },
  { code: '1', nameEs: 'Directores y gerentes', nameEn: 'Managers' },
  { code: '2', nameEs: 'Profesionales científicos e intelectuales', nameEn: 'Professionals' },
  { code: '3', nameEs: 'Técnicos y profesionales del nivel medio', nameEn: 'Technicians and associate professionals' },
  { code: '4', nameEs: 'Personal de apoyo administrativo', nameEn: 'Clerical support workers' },
  { code: '5', nameEs: 'Trabajadores de los servicios y vendedores', nameEn: 'Service and sales workers' },
  { code: '6', nameEs: 'Agricultores y trabajadores calificados agropecuarios, forestales y pesqueros', nameEn: 'Skilled agricultural, forestry and fishery workers' },
  { code: '7', nameEs: 'Oficiales, operarios y artesanos', nameEn: 'Craft and related trades workers' },
  { code: '8', nameEs: 'Operadores de instalaciones y máquinas y ensambladores', nameEn: 'Plant and machine operators and assemblers' },
  { code: '9', nameEs: 'Ocupaciones elementales', nameEn: 'Elementary occupations' },
];
