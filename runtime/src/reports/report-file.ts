import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { tableLines, type ReportTable } from './report-table';

export type ReportFileFormat = 'csv' | 'xlsx';

/** Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is written with a leading quote. */
const defused = (v: string | number) => (typeof v === 'string' && /^[=+\-@]/.test(v) ? `'${v}` : v);

/**
 * The pivot as a file: CSV (UTF-8 with a BOM, so Excel reads Chinese) or an XLSX sheet with
 * numbers as numbers, headings in bold and the totals row bold — with exceljs, as list exports.
 */
export async function reportFile(table: ReportTable, format: ReportFileFormat, sheetName: string, totalWord: string): Promise<Buffer> {
  const lines = tableLines(table, totalWord).map((line) => line.map(defused));
  if (format === 'csv') return Buffer.from('\uFEFF' + stringify(lines), 'utf8');
  const book = new ExcelJS.Workbook();
  // Excel refuses sheet names over 31 characters or with []:*?/\
  const sheet = book.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Report', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  lines.forEach((line) => sheet.addRow(line));
  sheet.getRow(1).font = { bold: true };
  if (table.totals) sheet.getRow(lines.length).font = { bold: true };
  sheet.getColumn(1).width = Math.min(40, Math.max(12, ...lines.map((l) => String(l[0]).length + 2)));
  return Buffer.from(await book.xlsx.writeBuffer());
}
