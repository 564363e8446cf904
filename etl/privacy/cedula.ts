/**
 * Ecuadorian cédulas de identidad: 10 digits; the first two are the province of issue
 * (01-24, or 30 for Ecuadorians registered abroad); the third is below 6 (natural persons);
 * the tenth is a modulus-10 check digit over the first nine with weights 2,1,2,1,...
 */

/** Why a string is not a valid cédula, or null when it is one. */
export function cedulaProblem(value: string): string | null {
  if (!/^[0-9]{10}$/.test(value)) return 'debe tener 10 dígitos';
  const province = Number(value.slice(0, 2));
  if (!((province >= 1 && province <= 24) || province === 30)) return 'código de provincia inválido (01-24 o 30)';
  if (Number(value[2]) >= 6) return 'el tercer dígito debe ser menor que 6';
  if (cedulaCheckDigit(value.slice(0, 9)) !== Number(value[9])) return 'dígito verificador incorrecto';
  return null;
}

/** True when the string is a valid cédula. */
export function isValidCedula(value: string): boolean {
  return cedulaProblem(value) === null;
}

/** The modulus-10 check digit of the first nine digits of a cédula. */
export function cedulaCheckDigit(firstNine: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let d = Number(firstNine[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Completes nine digits with their check digit. */
export function makeCedula(firstNine: string): string {
  return firstNine + String(cedulaCheckDigit(firstNine));
}

/**
 * The same check written in SQL over a VARCHAR expression, for set-based validation at load.
 * True when the value is a valid cédula.
 */
export function cedulaValidSql(expr: string): string {
  const digit = (i: number) => `(ascii(substr(${expr}, ${i}, 1)) - 48)`;
  const terms = Array.from({ length: 9 }, (_, k) => {
    const w = k % 2 === 0 ? 2 : 1;
    return w === 2 ? `(CASE WHEN ${digit(k + 1)} * 2 > 9 THEN ${digit(k + 1)} * 2 - 9 ELSE ${digit(k + 1)} * 2 END)` : digit(k + 1);
  });
  return `(regexp_full_match(${expr}, '[0-9]{10}')
    AND (substr(${expr}, 1, 2) BETWEEN '01' AND '24' OR substr(${expr}, 1, 2) = '30')
    AND substr(${expr}, 3, 1) < '6'
    AND (10 - ((${terms.join(' + ')}) % 10)) % 10 = ${digit(10)})`;
}
