import { makeCedula } from '../privacy/cedula.ts';

/** One hostile input: a file's name and bytes, and whether the file as a whole must be refused. */
export interface CorpusCase {
  name: string;
  file: string;
  bytes: Buffer;
  /** 'refused': a LoadError naming the file; 'rows': loaded row by row, with rejects. */
  expect: 'refused' | 'rows';
}

const PLACEMENT_HEADER = ['id_colocacion', 'id_vacante', 'id_buscador', 'fecha_colocacion', 'salario', 'canal'];
const SEEKER_HEADER = ['id_buscador', 'cedula', 'nombres', 'apellidos', 'fecha_nacimiento', 'sexo', 'discapacidad', 'nivel_instruccion', 'codigo_canton', 'codigo_oficina', 'fecha_registro'];

/** The master data every corpus case refers to: offices, 20 seekers, one firm, 10 vacancies. */
export function corpusMasterFiles(): Record<string, string> {
  const seekers = Array.from({ length: 20 }, (_, i) =>
    [`S${i}`, makeCedula(`17${String(i % 6)}${String(100000 + i)}`), 'Ana', 'Paz', '1995-02-03', i % 2 ? 'H' : 'M', 'N', 'BASICA', '1701', 'OF-1', '2024-01-10'].join(','));
  return {
    'oficinas.csv': 'codigo_oficina,nombre_oficina,codigo_canton\nOF-1,Quito,1701\n',
    'buscadores.csv': [SEEKER_HEADER.join(','), ...seekers].join('\n') + '\n',
    'empresas.csv': 'ruc,razon_social,codigo_ciiu,numero_trabajadores,codigo_canton,codigo_oficina,fecha_registro\n1790000001001,Firma,G4711,5,1701,OF-1,2020-01-01\n',
    'vacantes.csv': ['id_vacante,ruc_empresa,codigo_oficina,fecha_publicacion,fecha_cierre,numero_puestos,codigo_ciuo,codigo_canton,salario_ofrecido',
      ...Array.from({ length: 10 }, (_, i) => `V${i},1790000001001,OF-1,2024-02-01,,5,5223,1701,470`)].join('\n') + '\n',
  };
}

/** A valid placements row of case `c`, number `i`. */
function placement(c: number, i: number): string[] {
  return [`P${c}-${i}`, `V${i % 10}`, `S${i % 20}`, `2024-0${3 + (i % 6)}-1${i % 10}`, `${450 + i}.50`, ['CONSEJERIA', 'PORTAL', 'FERIA'][i % 3]!];
}

const csv = (rows: string[][], d = ',', eol = '\n') => rows.map((r) => r.join(d)).join(eol) + eol;

/**
 * Builds at least 200 malformed inputs, deterministically: wrong delimiters, truncated lines,
 * bad encodings, bad dates, bad cédulas, duplicates, orphans, huge fields, empty files, wrong
 * headers, broken quoting, mixed line ends.
 */
export function malformedCorpus(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  let n = 0;
  const add = (name: string, content: string | Buffer, expect: CorpusCase['expect'] = 'rows', file = `colocaciones_${n}.csv`) => {
    cases.push({ name: `${n} ${name}`, file, bytes: typeof content === 'string' ? Buffer.from(content, 'utf8') : content, expect });
    n++;
  };
  const base = (c: number, k = 8) => [[...PLACEMENT_HEADER], ...Array.from({ length: k }, (_, i) => placement(c, i))];

  for (const d of [';', '\t', '|']) for (let k = 0; k < 4; k++) add(`delimiter ${JSON.stringify(d)}`, csv(base(n, 3 + k), d));
  for (let k = 0; k < 4; k++) {
    const rows = base(n);
    add('header with comma, rows with semicolons', csv([rows[0]!]) + csv(rows.slice(1), ';'));
  }
  for (let cut = 1; cut <= 24; cut++) {
    const rows = base(n).map((r) => r.join(','));
    const i = 1 + (cut % 8);
    rows[i] = rows[i]!.slice(0, Math.max(1, rows[i]!.length - cut * 2));
    add(`truncated line ${i + 1} by ${cut * 2} chars`, rows.join('\n') + '\n');
  }
  for (let k = 0; k < 3; k++) {
    const rows = base(n).map((r) => r.join(','));
    for (let i = 2; i < 4 + k; i++) rows[i] = rows[i]!.slice(0, 5);
    add(`${2 + k} consecutive truncated lines`, rows.join('\n') + '\n');
  }
  for (let k = 0; k < 6; k++) {
    const text = csv(base(n));
    add('whole file truncated mid-line', text.slice(0, Math.floor(text.length * (0.3 + k * 0.1))));
  }
  const badBytes = [[0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf8, 0x88, 0x80, 0x80, 0x80]];
  for (const [k, bytes] of badBytes.entries()) {
    for (const line of [2, 5]) {
      const rows = base(n).map((r) => Buffer.from(r.join(',') + '\n'));
      rows[line - 1] = Buffer.concat([Buffer.from(`P${n}-x${k},V1,S1,2024-03-10,4`), Buffer.from(bytes), Buffer.from('0,PORTAL\n')]);
      add(`invalid UTF-8 ${bytes.map((b) => b.toString(16)).join(' ')} on line ${line}`, Buffer.concat(rows));
    }
  }
  for (let k = 0; k < 4; k++) add('Latin-1 encoded file', Buffer.from(csv([...base(n), [`P${n}-ñ`, 'V1', 'S1', '2024-03-10', '500', 'CONSEJERÍA']]), 'latin1'));
  const badDates = ['2024-02-30', '2024-13-01', '31/02/2024', '2024/03/01', '03-01-2024', 'ayer', '0000-00-00', '1899-12-31', '2999-01-01', '2024-3-1', '20240301', '2024-03-01T10:00', ' ', '""', '2024-00-10', '29/02/2023'];
  for (const d of badDates) {
    const rows = base(n);
    rows[3]![3] = d;
    add(`bad date ${JSON.stringify(d)}`, csv(rows));
  }
  const badAmounts = ['1.234,50', 'abc', '-5', '1e9', '12,5,0', '999999999', 'NaN', '$450'];
  for (const a of badAmounts) {
    const rows = base(n);
    rows[2]![4] = a.includes(',') ? `"${a}"` : a;
    add(`bad salary ${JSON.stringify(a)}`, csv(rows));
  }
  for (const c of ['TELEPATIA', 'consejeria', 'Consejería', '', 'FERIA ', '1']) {
    const rows = base(n);
    rows[4]![5] = c;
    add(`channel ${JSON.stringify(c)}`, csv(rows));
  }
  const badCedulas = ['1710034064', '2510034065', '1770034065', '171003406', '17100340655', 'ABCDEFGHIJ', '0000000000', '', '30012345', '1710034065 '];
  for (const [k, ced] of badCedulas.entries()) {
    const rows = [SEEKER_HEADER, [`Z${n}`, ced, 'Luis', 'Vera', '1990-01-01', 'H', 'N', '', '1701', 'OF-1', '2024-01-02'], [`Z${n}b`, makeCedula(`0912${String(34560 + k)}`), 'Eva', 'Mora', '1992-03-04', 'M', 'S', 'SUPERIOR', '0901', 'OF-1', '2024-02-02']];
    add(`seeker with cédula ${JSON.stringify(ced)}`, csv(rows), 'rows', `buscadores_${n}.csv`);
  }
  for (const [k, bad] of [['sexo', 'X'], ['fecha_nacimiento', '2015-01-01'], ['fecha_nacimiento', '1900-01-01'], ['codigo_canton', '9999'], ['codigo_canton', '17'], ['codigo_oficina', 'OF-404'], ['discapacidad', 'quizá'], ['nivel_instruccion', 'DOCTORADO']].entries()) {
    const row = [`Y${n}`, makeCedula(`1101${String(10000 + k)}`), 'Rosa', 'Tene', '1988-08-08', 'M', 'N', 'BASICA', '1701', 'OF-1', '2024-01-05'];
    row[SEEKER_HEADER.indexOf(bad[0]!)] = bad[1]!;
    add(`seeker with ${bad[0]} ${bad[1]}`, csv([SEEKER_HEADER, row]), 'rows', `buscadores_${n}.csv`);
  }
  for (let k = 0; k < 10; k++) {
    const rows = base(n);
    rows.push([...rows[1 + (k % 8)]!]);
    if (k % 2) rows.push([...rows[2]!]);
    add('duplicate placement ids', csv(rows));
  }
  for (let k = 0; k < 10; k++) {
    const rows = base(n);
    rows[2]![1] = `V${100 + k}`;
    if (k % 2) rows[3]![2] = `S${100 + k}`;
    add('orphan vacancy or seeker', csv(rows));
  }
  for (let k = 0; k < 6; k++) {
    const rows = base(n);
    rows[2]![1] = 'V'.repeat([300, 5_000, 100_000, 2_500_000, 50, 41][k]!);
    add(`huge field of ${rows[2]![1].length} chars`, csv(rows));
  }
  add('empty file', '', 'refused');
  add('only a byte-order mark', '\ufeff', 'refused');
  add('only blank lines', '\n\n\n', 'refused');
  add('only whitespace', '   \n  \n', 'refused');
  add('header only', csv([PLACEMENT_HEADER]));
  add('header only without newline', PLACEMENT_HEADER.join(','));
  for (const missing of PLACEMENT_HEADER.filter((h) => h !== 'salario')) {
    const rows = base(n);
    const i = rows[0]!.indexOf(missing);
    add(`missing column ${missing}`, csv(rows.map((r) => r.filter((_, j) => j !== i))), 'refused');
  }
  add('missing optional column salario', csv(base(n).map((r) => r.filter((_, j) => j !== 4))));
  for (const k of [0, 2, 5]) {
    const rows = base(n);
    rows[0]![k] = rows[0]![(k + 1) % 6]!;
    add(`duplicated header ${rows[0]![k]}`, csv(rows), 'refused');
  }
  for (const k of [1, 3]) {
    const rows = base(n);
    rows[0]![k] = '';
    add('blank header name', csv(rows), 'refused');
  }
  for (const k of [0, 1]) {
    const rows = base(n);
    rows[0] = rows[0]!.map((h) => (k ? h.toUpperCase() : ` "${h}" `));
    add(k ? 'upper-case headers' : 'quoted headers with spaces', csv(rows));
  }
  {
    const rows = base(n);
    add('reordered columns', csv(rows.map((r) => [r[5]!, r[0]!, r[3]!, r[1]!, r[4]!, r[2]!])));
  }
  for (let k = 0; k < 4; k++) {
    const rows = base(n);
    rows.forEach((r, i) => r.push(i === 0 ? `extra${k}` : 'x'));
    add('extra column', csv(rows));
  }
  for (let k = 0; k < 8; k++) {
    const rows = base(n).map((r) => r.join(','));
    const i = 1 + k;
    rows[i] = [`"${rows[i]!.slice(0, 4)}`, `a"b,"c`, `"x""`, `,,,,,,,,`, `"P,${n}"`, `"\n"`, `"line\nbreak",V1,S1,2024-03-10,1,PORTAL`, `,`][k]! + (k > 3 ? '' : rows[i]!.slice(4));
    add(`broken quoting variant ${k}`, rows.join('\n') + '\n');
  }
  for (let k = 0; k < 6; k++) {
    const rows = base(n).map((r) => r.join(','));
    const text = rows.map((r, i) => r + (i % (k + 2) === 0 ? '\r\n' : '\n')).join('');
    add('mixed line endings', k % 2 ? `\ufeff${text}` : text);
  }
  for (let k = 0; k < 6; k++) {
    const rows = base(n).map((r) => r.join(','));
    rows.splice(2 + k, 0, ...Array(1 + (k % 3)).fill(''));
    add('blank lines inside', rows.join('\n') + '\n');
  }
  for (let k = 0; k < 6; k++) {
    const rows = base(n);
    rows[1 + k]![0] = ['', ' ', 'P'.repeat(41), 'P\u0000', '=cmd|calc', "P'; DROP TABLE placement; --"][k]!;
    add(`odd id ${JSON.stringify(rows[1 + k]![0]).slice(0, 20)}`, csv(rows));
  }
  const REFERRAL_HEADER = ['id_derivacion', 'id_vacante', 'id_buscador', 'fecha_derivacion', 'entrevistado'];
  const referralValues: [number, string][] = [[4, 'S'], [4, 'si'], [4, 'SÍ'], [4, 'no'], [4, 'x'], [4, ''], [4, 'TRUE'], [4, '2'],
    [3, '15/03/2024'], [3, '2024-03-15 '], [3, '2024-02-29'], [3, '2023-02-29'], [1, 'V99'], [2, 'S99'], [0, ''], [1, '']];
  for (const [col, value] of referralValues) {
    const row = [`D${n}`, 'V1', 'S1', '2024-03-15', 'S'];
    row[col] = value;
    add(`referral ${REFERRAL_HEADER[col]} ${JSON.stringify(value)}`, csv([REFERRAL_HEADER, row, [`D${n}b`, 'V2', 'S2', '2024-03-16', 'N']]), 'rows', `derivaciones_${n}.csv`);
  }
  return cases;
}
