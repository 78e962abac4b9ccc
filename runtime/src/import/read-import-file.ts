import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { HttpError } from '../errors/http-error';
import type { ImportTable, RawCell } from './import-types';

/** Rows past this are refused: an import is a move of data, not a data warehouse load. */
export const MAX_IMPORT_ROWS = 100_000;

const badFile = (message: string) => new HttpError(422, 'invalid_import_file', message);

/** A file's records (header first, blank rows included) as they are read, and how it was read. */
interface ImportSource {
  format: 'csv' | 'xlsx';
  encoding?: string;
  records: AsyncIterable<RawCell[]> | Iterable<RawCell[]>;
}

/**
 * The bytes of an uploaded file as records. XLSX by its zip signature (the first sheet), the
 * old binary .xls refused by its own; anything else is CSV (or tab-separated text), decoded as
 * UTF-8 (with or without BOM), UTF-16 (Excel's "Unicode text"), else GBK/GB18030 — what Excel
 * on a Chinese Windows writes for "CSV" — and refused when it is none of them. CSV records
 * stream out of the parser as they are asked for, so a reader holds what it keeps, not the file.
 */
async function openImportFile(content: Uint8Array, fileName: string): Promise<ImportSource> {
  // PGlite hands bytea back as a plain Uint8Array.
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  if (bytes.length === 0) throw badFile('The file is empty');
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) throw badFile('This is an old Excel .xls file: save it as .xlsx or CSV and upload that');
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return { format: 'xlsx', records: await readXlsx(bytes) };
  if (/\.xlsx$/i.test(fileName)) throw badFile('The file is named .xlsx but is not an Excel workbook');
  const { text, encoding } = decodeText(bytes);
  if (!looksLikeText(text)) unreadable();
  return { format: 'csv', encoding, records: csvRecords(text) };
}

/** The whole file as a table (tests; the upload and the runner read it as a stream). */
export async function readImportFile(content: Uint8Array, fileName: string): Promise<ImportTable> {
  const { format, encoding, records } = await openImportFile(content, fileName);
  const all: RawCell[][] = [];
  for await (const record of records) all.push(record);
  return toTable(format, all, encoding);
}

/**
 * What an upload stores about its file — format, encoding, columns, row count — read in one
 * pass that keeps no rows: the same answers (and refusals) `readImportFile` gives.
 */
export async function scanImportFile(content: Uint8Array, fileName: string): Promise<Omit<ImportTable, 'rows'> & { total: number }> {
  const { format, encoding, records } = await openImportFile(content, fileName);
  let header: RawCell[] | undefined;
  let width = 0;
  let total = 0;
  for await (const record of records) {
    if (record.every(blank)) continue;
    if (!header) header = record;
    else total += 1;
    width = Math.max(width, record.length);
  }
  if (!header) throw badFile('The file has no rows');
  if (total > MAX_IMPORT_ROWS) throw tooManyRows();
  return { format, ...(encoding ? { encoding } : {}), columns: columnsOf(header, width), total };
}

/**
 * The file's data rows from the `from`-th on, `size` at a time, each as wide as `width` (the
 * stored columns): what an import run reads, one batch in memory at a time (CSV).
 */
export async function* readImportBatches(content: Uint8Array, fileName: string, width: number, from: number, size: number): AsyncGenerator<RawCell[][], void, undefined> {
  const { records } = await openImportFile(content, fileName);
  let header = false;
  let index = 0;
  let batch: RawCell[][] = [];
  for await (const record of records) {
    if (record.every(blank)) continue;
    if (!header) {
      header = true;
      continue;
    }
    if (index++ < from) continue;
    batch.push(Array.from({ length: width }, (_, i) => record[i] ?? null));
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

/** Text as the file's author meant it, and the encoding that said so. */
export function decodeText(bytes: Buffer): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: bytes.subarray(2).toString('utf16le'), encoding: 'utf-16le' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strictUtf8(bytes.subarray(3)) ?? unreadable(), encoding: 'utf-8' };
  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  // GB18030 is GBK's superset; nearly any bytes "decode", so what comes out must look like text.
  const gbk = iconv.decode(bytes, 'gb18030');
  if (!looksLikeText(gbk)) unreadable();
  return { text: gbk, encoding: 'gbk' };
}

function strictUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

// eslint-disable-next-line no-control-regex
const looksLikeText = (text: string) => !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text);

function unreadable(): never {
  throw badFile('The file is not readable text: save it as CSV (UTF-8 or GBK) or as .xlsx');
}

/** Text fed to the CSV parser this much at a time: it parses as the reader asks, never the whole file ahead. */
const CSV_CHUNK = 64 * 1024;

async function* csvRecords(text: string): AsyncGenerator<string[]> {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', '\t', ';'].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0].d;
  const chunks = function* () {
    for (let at = 0; at < text.length; ) {
      let end = Math.min(at + CSV_CHUNK, text.length);
      // Never between the two halves of a character past U+FFFF (𠮷, emoji): each chunk is encoded on its own.
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
      yield text.slice(at, end);
      at = end;
    }
  };
  const parser = Readable.from(chunks()).pipe(parse({ delimiter, relax_column_count: true, skip_empty_lines: true, bom: true, to_line: MAX_IMPORT_ROWS + 2 }));
  try {
    for await (const record of parser) yield record as string[];
  } catch (err) {
    throw badFile(`The CSV could not be read: ${(err as Error).message}`);
  } finally {
    parser.destroy();
  }
}

/** The first sheet's rows. ExcelJS loads the whole workbook: an XLSX is held in memory while it is read. */
async function readXlsx(bytes: Buffer): Promise<RawCell[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw badFile(`The Excel file could not be read: ${(err as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badFile('The Excel file has no worksheet');
  const records: RawCell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: RawCell[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(xlsxCell(row.getCell(c).value));
    records.push(cells);
  });
  return records;
}

/** An ExcelJS value as one plain cell: formulas by their result, rich text and links by their text. */
function xlsxCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  const v = value as unknown as Record<string, unknown>;
  if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((p) => p.text).join('');
  if ('result' in v) return xlsxCell(v.result as ExcelJS.CellValue);
  if (typeof v.text === 'string') return v.text;
  if ('error' in v) return null;
  return String(value);
}

const blank = (c: RawCell) => c === null || (typeof c === 'string' && c.trim() === '');
const tooManyRows = () => new HttpError(413, 'too_many_rows', `An import takes at most ${MAX_IMPORT_ROWS} rows; split the file`);

/** Headers are the mapping's keys: unique and never empty; a column past the header is `Column n`. */
function columnsOf(header: RawCell[], width: number): string[] {
  const seen = new Map<string, number>();
  return Array.from({ length: width }, (_, i) => {
    const base = header[i] === null || header[i] === undefined || String(header[i]).trim() === '' ? `Column ${i + 1}` : String(header[i]).trim();
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
}

function toTable(format: 'csv' | 'xlsx', records: RawCell[][], encoding?: string): ImportTable {
  const nonEmpty = records.filter((r) => !r.every(blank));
  if (nonEmpty.length === 0) throw badFile('The file has no rows');
  const [header, ...rows] = nonEmpty;
  if (rows.length > MAX_IMPORT_ROWS) throw tooManyRows();
  const width = rows.reduce((w, r) => Math.max(w, r.length), header.length);
  const columns = columnsOf(header, width);
  return { format, ...(encoding ? { encoding } : {}), columns, rows: rows.map((r) => columns.map((_, i) => r[i] ?? null)) };
}
