/**
 * Rules that classify a job title into a CIUO-08 (ISCO-08) major group, tried in order on the
 * title lower-cased without accents; the first match wins. More specific phrases come before
 * generic words ("auxiliar contable" is a technician, "auxiliar limpieza" elementary). Titles no
 * rule matches stay unclassified, and the load reports their share.
 */
export const OCCUPATION_RULES: readonly (readonly [pattern: string, major: string, label: string])[] = [
  ['\\b(gerente|director|directora|subgerente|jefe|jefa|coordinador general)\\b', '1', 'directivos: gerente, director, jefe'],
  ['\\b(policia|militar|soldado|marino)\\b', '5', 'protección: policía'],
  ['\\b(medico|medica|ingenier|licenciad|abogad|arquitect|psicolog|docente|maestr[oa]|profesor|desarrollador|programador|contador publico|quimico|nutriolog|odontolog|farmaceutic|auditor|optometrista)', '2', 'profesionales: médico, ingeniero, docente, programador'],
  ['\\b(auxiliar contable|contador|tecnico|tecnica|supervisor|supervisora|inspector|enfermer|laboratorista|dibujante|asesor financiero|asesor credito|analista|ejecutivo|ejecutiva|diseñador|disenador|gestor|residente obra|reclutador|auxiliar (sistemas|calidad|farmacia)|oficial comercio exterior|coordinador)', '3', 'técnicos: técnico, supervisor, enfermería, ejecutivo, analista'],
  ['\\b(auxiliar administrativ|administrativ|recepcionista|capturista|secretari|cajer|almacenista|auxiliar almacen|asistente|apoyo administrativo|call center|telefonista|facturista|atencion (a )?clientes|archivista|cobranza|auxiliar (recursos humanos|oficina|compras|inventarios|nominas|contabilidad)|cuentas por (cobrar|pagar)|asesor telefonico|telemarketing|cobrador|encargado (almacen|compras))', '4', 'apoyo administrativo: auxiliar administrativo, cajero, almacenista'],
  ['\\b(vendedor|vendedora|ventas|guardia|seguridad|vigilante|mesero|mesera|cociner|estilista|demostrador|empleado mostrador|dependiente|cuidador|niñera|camarista|recamarera|barista|despachador|promotor|promotora|tablajero|bartender|cantinero|barman|emplead[oa] (mostrador|piso)|encargad[oa] (tienda|sucursal)|surtidor|preventista|asesor comercial|hostess|parrillero|recamarista|custodio|monitorista)', '5', 'servicios y ventas: vendedor, guardia, mesero, cocinero'],
  ['\\b(agricola|jornalero agricola|ganader|jardiner|campo|avicola|pescador)', '6', 'agropecuarios: agrícola, jardinero'],
  ['\\b(soldador|electricista|mecanic|carpinter|albañil|albanil|plomer|pintor|costurer|tornero|panader|herrer|fresador|instalador|mantenimiento|tapicer|electronico|carnicero|electromecanic|electrico|pulidor|fierrero|laminero|pailero)', '7', 'oficios: soldador, mecánico, electricista, mantenimiento'],
  ['\\b(operador|operadora|operario|operaria|chofer|conductor|montacarg|ensamblador|maquinista|repartidor)', '8', 'operadores: operador, chofer, montacarguista'],
  ['\\b(ayudante|limpieza|intendente|empacador|cargador|lavaplatos|lavalozas|mozo|afanador|barrendero|peon|estibador|jornalero|auxiliar cocina|auxiliar general|steward|velador|mensajero|auxiliar (produccion|bodega|piso|lavanderia|servicios)|obrero|bodeguero|lavador|lava ?loza|intendencia|garrotero|empleado general)', '9', 'elementales: ayudante general, limpieza, empacador'],
];

/** The SQL CASE expression applying the rules to a title expression: the major group, or NULL. */
export function occupationSql(title: string, what: 'code' | 'label'): string {
  const t = `lower(strip_accents(${title}))`;
  const branches = OCCUPATION_RULES.map(([pattern, major, label]) => `WHEN regexp_matches(${t}, '${pattern.replaceAll("'", "''")}') THEN '${what === 'code' ? major : label.replaceAll("'", "''")}'`);
  return `CASE ${branches.join(' ')} END`;
}
