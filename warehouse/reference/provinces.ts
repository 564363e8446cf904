/** Natural regions of Ecuador. */
export type Region = 'Costa' | 'Sierra' | 'Amazonía' | 'Insular';

/** A province of Ecuador (INEC DPA), with its region and 2022 census population. */
export interface Province {
  /** Two digits, '01'-'24', or '90' for the non-delimited zones. */
  code: string;
  name: string;
  /** Null only for the non-delimited zones. */
  region: Region | null;
  /** Part of the Circunscripción Territorial Especial Amazónica. */
  amazonSpecial: boolean;
  /** Population at the 2022 census (INEC); null where none is published. */
  population: number | null;
}

const p = (code: string, name: string, region: Region | null, population: number | null, amazonSpecial = false): Province => ({
  code, name, region, population, amazonSpecial,
});

/** Ecuador's 24 provinces and the non-delimited zones (code 90). */
export const PROVINCES: readonly Province[] = [
  p('01', 'Azuay', 'Sierra', 801_609),
  p('02', 'Bolívar', 'Sierra', 199_078),
  p('03', 'Cañar', 'Sierra', 227_578),
  p('04', 'Carchi', 'Sierra', 172_828),
  p('05', 'Cotopaxi', 'Sierra', 470_210),
  p('06', 'Chimborazo', 'Sierra', 471_933),
  p('07', 'El Oro', 'Costa', 714_592),
  p('08', 'Esmeraldas', 'Costa', 553_900),
  p('09', 'Guayas', 'Costa', 4_391_923),
  p('10', 'Imbabura', 'Sierra', 469_879),
  p('11', 'Loja', 'Sierra', 485_421),
  p('12', 'Los Ríos', 'Costa', 898_652),
  p('13', 'Manabí', 'Costa', 1_592_840),
  p('14', 'Morona Santiago', 'Amazonía', 192_508, true),
  p('15', 'Napo', 'Amazonía', 131_675, true),
  p('16', 'Pastaza', 'Amazonía', 111_915, true),
  p('17', 'Pichincha', 'Sierra', 3_089_473),
  p('18', 'Tungurahua', 'Sierra', 563_532),
  p('19', 'Zamora Chinchipe', 'Amazonía', 110_973, true),
  p('20', 'Galápagos', 'Insular', 28_583),
  p('21', 'Sucumbíos', 'Amazonía', 199_014, true),
  p('22', 'Orellana', 'Amazonía', 182_166, true),
  p('23', 'Santo Domingo de los Tsáchilas', 'Costa', 492_969),
  p('24', 'Santa Elena', 'Costa', 385_735),
  p('90', 'Zonas no delimitadas', null, null),
];

/** Finds a province by its two-digit code. */
export function provinceByCode(code: string): Province | undefined {
  return PROVINCES.find((x) => x.code === code);
}
