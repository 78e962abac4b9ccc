import { once } from 'node:events';
import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Knex } from 'knex';
import type { ExportFormat } from './write-export';

export type Cell = string | number | boolean | null;
type Row = Record<string, unknown>;

/** Rows fetched per round trip: small enough to keep memory flat, large enough to stay fast. */
export const EXPORT_BATCH = 500;

export interface StreamExportInput {
  knex: Knex;
  /** The list query, without limit or offset (all that match). */
  query: Knex.QueryBuilder;
  format: ExportFormat;
  sheetName: string;
  headers: string[];
  toCells(row: Row): Cell[];
  /** After the last row (audit), with the count; or with the error that cut the file short. */
  done(rows: number, error?: Error): Promise<void> | void;
}

/**
 * The file as a stream with no row cap and constant memory: the query runs as a server-side
 * cursor in a read-only snapshot, `EXPORT_BATCH` rows per fetch, each batch written before the
 * next is read (CSV lines, or rows of a streaming XLSX writer); a client that goes away stops it.
 */
export function streamExport(input: StreamExportInput): Readable {
  const out = new PassThrough();
  const { sql, bindings } = input.query.toSQL();
  let rows = 0;
  const write = async (chunk: string) => {
    if (!out.write(chunk)) await once(out, 'drain');
  };
  const run = async () => {
    const xlsx = input.format === 'xlsx' ? new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true }) : undefined;
    // Excel refuses sheet names over 31 characters or with []:*?/\
    const sheet = xlsx?.addWorksheet(input.sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Export', { views: [{ state: 'frozen', ySplit: 1 }] });
    if (sheet) {
      const header = sheet.addRow(input.headers);
      header.font = { bold: true };
      header.commit();
    } else {
      // A BOM: without it Excel reads UTF-8 Chinese as mojibake.
      await write('\uFEFF' + stringify([input.headers]));
    }
    await input.knex.transaction(
      async (trx) => {
        await trx.raw(`declare tessera_export no scroll cursor for ${sql}`, bindings as readonly Knex.RawBinding[]);
        for (;;) {
          if (out.destroyed) return;
          const { rows: batch } = (await trx.raw(`fetch ${EXPORT_BATCH} from tessera_export`)) as { rows: Row[] };
          if (batch.length === 0) break;
          const cells = batch.map(input.toCells);
          rows += batch.length;
          if (sheet) for (const line of cells) sheet.addRow(line).commit();
          else await write(stringify(cells));
        }
      },
      { isolationLevel: 'repeatable read', readOnly: true },
    );
    if (sheet && xlsx) {
      sheet.commit();
      await xlsx.commit();
    } else out.end();
  };
  run().then(
    () => input.done(rows),
    async (err: Error) => {
      await input.done(rows, err);
      out.destroy(err);
    },
  );
  return out;
}
