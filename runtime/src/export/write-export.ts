import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';

export type ExportFormat = 'csv' | 'xlsx';
type Cell = string | number | boolean | null;

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The rows as a file. CSV starts with a BOM: without it Excel reads UTF-8 Chinese as mojibake. */
export async function writeExport(format: ExportFormat, sheetName: string, headers: string[], rows: Cell[][]): Promise<Buffer> {
  if (format === 'csv') return Buffer.from('\uFEFF' + stringify([headers, ...rows]), 'utf8');
  const workbook = new ExcelJS.Workbook();
  // Excel refuses sheet names over 31 characters or with []:*?/\
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Export');
  sheet.addRow(headers).font = { bold: true };
  sheet.addRows(rows);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
