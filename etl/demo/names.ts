/** Common given names in Ecuador (for the seekers file's name columns, read only for duplicate checks). */
export const GIVEN_NAMES_F = ['María', 'Ana', 'Gabriela', 'Daniela', 'Andrea', 'Carmen', 'Rosa', 'Valeria', 'Fernanda', 'Jessica', 'Paola', 'Diana', 'Mishel', 'Karla', 'Nayeli', 'Sisa'] as const;
/** Common male given names. */
export const GIVEN_NAMES_M = ['José', 'Luis', 'Carlos', 'Juan', 'Jorge', 'Miguel', 'Andrés', 'Kevin', 'Bryan', 'David', 'Fernando', 'Segundo', 'Javier', 'Diego', 'Anthony', 'Wilson'] as const;
/** Common surnames (two are drawn). */
export const SURNAMES = ['Zambrano', 'Vera', 'Mendoza', 'Cedeño', 'Mora', 'Pérez', 'García', 'Rodríguez', 'Sánchez', 'Morales', 'Torres', 'Quishpe', 'Guamán', 'Chávez', 'Castillo', 'Vargas', 'Ortiz', 'Andrade', 'Cevallos', 'Macías', 'Paredes', 'Salazar', 'Tenesaca', 'Yánez'] as const;
/** Words for demo firm names. */
export const FIRM_WORDS = ['Comercial', 'Distribuidora', 'Servicios', 'Agrícola', 'Industrias', 'Constructora', 'Transportes', 'Restaurante', 'Importadora', 'Textiles', 'Ferretería', 'Panificadora', 'Camaronera', 'Florícola', 'Hostal', 'Consultora'] as const;
/** Legal-form suffixes. */
export const FIRM_SUFFIXES = ['', ' S.A.', ' Cía. Ltda.', ' S.A.S.', ' y Asociados'] as const;
