import ExcelJS from 'exceljs';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { LoadError } from './load-error.ts';

/**
 * Converts the first worksheet of an XLSX file to a UTF-8 CSV, row for row, so that the CSV
 * loader reads it and its line numbers are the sheet's row numbers. Dates become `YYYY-MM-DD`;
 * line breaks inside a cell become spaces (a CSV record must stay on its row's line).
 */
export async function xlsxToCsv(xlsxPath: string, csvPath: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(xlsxPath);
  } catch (error) {
    throw new LoadError(xlsxPath, 0, null, `xlsx_invalido: no se puede leer como libro de Excel (${(error as Error).message})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) throw new LoadError(xlsxPath, 0, null, 'archivo_vacio: la primera hoja no tiene filas');
  const width = sheet.getRow(1).cellCount;
  const out = createWriteStream(csvPath, 'utf8');
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(width, row.cellCount); c++) cells.push(csvCell(cellText(row.getCell(c).value)));
    while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
    if (!out.write(`${cells.join(',')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value).replace(/\r?\n|\r/g, ' ');
}

function csvCell(text: string): string {
  return /[",]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
