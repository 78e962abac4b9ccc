import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { readConfig } from '../config/read-config';
import { isHttpError } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import type { RecordAccess } from '../permissions/record-access';
import { validateWritable } from '../permissions/validate-writable';
import { autoMapping, importableFields } from './import-fields';
import { importMessage, labelOf, withField } from './import-messages';
import { rememberedMapping } from './import-store';
import type { CellError, ImportLocale, ImportMapping, ImportRow } from './import-types';
import { cellText } from './parse-cell';
import { readImportBatches } from './read-import-file';
import { createReferenceResolver } from './resolve-references';
import { refusalToErrors, rowsToInputs } from './rows-to-inputs';

export const PREVIEW_ROWS = 20;

/** The mapping an import starts from: the one given, else what the user used last, else labels and names. */
export async function proposedMapping(knex: Knex, state: AppState, user: AuthUser, ra: RecordAccess, row: ImportRow): Promise<{ mapping: ImportMapping; source: 'remembered' | 'automatic' }> {
  const remembered = await rememberedMapping(knex, state.app.name, row.entity, user.id);
  const mapping = autoMapping(row.columns, importableFields(state, ra), remembered);
  const fromMemory = remembered !== undefined && row.columns.some((c) => c in remembered && remembered[c] === mapping[c] && mapping[c] !== null);
  return { mapping, source: fromMemory ? 'remembered' : 'automatic' };
}

/**
 * What the import will do, before it does anything: the columns, the mapping, the fields a
 * column may go to, and the first PREVIEW_ROWS rows parsed with each cell's problem in the
 * user's words (the field named) — including what the write door's validator would refuse
 * (a required field left empty, a text too long). Nothing is written.
 */
export async function previewImport(knex: Knex, state: AppState, user: AuthUser, entity: CompiledEntity, ra: RecordAccess, row: ImportRow, mapping: ImportMapping, locale: ImportLocale) {
  // Only the first rows are read: the upload stored the columns and the row count.
  const { value: first = [] } = await readImportBatches(row.content, row.file_name, row.columns.length, 0, PREVIEW_ROWS).next();
  const fields = importableFields(state, ra);
  const references = createReferenceResolver(knex, state, user, locale);
  const inputs = await rowsToInputs({ state, entity: entity.entity, mapping, columns: row.columns, zone: readConfig().TESSERA_JOBS_TZ, locale, references }, first, 2);
  const mappedFields = new Set(Object.values(mapping));
  const problems: CellError[] = fields
    .filter((f) => f.required && !mappedFields.has(f.name))
    .map((f) => ({ field: f.name, message: withField(labelOf(f.label, f.name, locale), `${importMessage('required', locale)}${locale === 'zh' ? '，但没有列对应它' : ', but no column maps to it'}`, locale) }));
  return {
    columns: row.columns.map((header, index) => ({ index, header, field: mapping[header] ?? null, samples: first.slice(0, 3).map((r) => cellText(r[index])) })),
    mapping,
    fields,
    problems,
    total: row.total,
    rows: inputs.map((input) => {
      const errors = [...input.errors];
      // Only where the cells parsed: the validator would just repeat the cell's own problem.
      if (errors.length === 0 && !input.id) {
        try {
          validateWritable(ra, input.data, 'create');
        } catch (err) {
          if (!isHttpError(err)) throw err;
          errors.push(...refusalToErrors(err, entity.entity, mapping, locale));
        }
      }
      return { row: input.rowNumber, cells: input.cells.map(cellText), values: input.data, errors };
    }),
  };
}
