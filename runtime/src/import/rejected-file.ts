import { stringify } from 'csv-stringify/sync';
import type { Knex } from 'knex';
import type { ImportLocale, ImportRow } from './import-types';

/**
 * The rows an import did not write, as CSV: the original columns (so the user fixes them and
 * imports this very file again), then the row's line in their file and the reasons. UTF-8 with
 * a BOM, which Excel needs to show Chinese correctly.
 */
export async function rejectedFile(db: Knex, row: ImportRow, locale: ImportLocale): Promise<Buffer> {
  const rejects: { row_number: number; cells: string[]; reasons: string }[] = await db('tessera.import_rejects').where({ import_id: row.id }).orderBy('row_number').select('row_number', 'cells', 'reasons');
  const header = [...row.columns, locale === 'zh' ? '原行号' : 'Row', locale === 'zh' ? '错误原因' : 'Reason'];
  const lines = rejects.map((r) => [...row.columns.map((_, i) => r.cells[i] ?? ''), String(r.row_number), r.reasons]);
  return Buffer.concat([Buffer.from('\ufeff'), Buffer.from(stringify([header, ...lines]))]);
}
