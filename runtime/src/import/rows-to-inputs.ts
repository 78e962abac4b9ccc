import type { EntityDefinition } from '@tessera/metadata';
import { isHttpError, type ErrorDetail } from '../errors/http-error';
import type { AppState } from '../meta/compile-app-state';
import { importMessage, labelOf, withField } from './import-messages';
import type { CellError, ImportLocale, ImportMapping, RawCell } from './import-types';
import { cellText, isBlank, parseCell, type Parsed } from './parse-cell';
import type { createReferenceResolver } from './resolve-references';

/** One data row of the file, as the write door will receive it. */
export interface RowInput {
  /** The row's line in the spreadsheet (the header is row 1). */
  rowNumber: number;
  cells: RawCell[];
  /** Field → parsed value; blank cells are left out (an import never clears a field). */
  data: Record<string, unknown>;
  /** `id` when a column maps to it: the record to match, not a value to write. */
  id?: string;
  errors: CellError[];
}

export interface RowsContext {
  state: AppState;
  entity: EntityDefinition;
  mapping: ImportMapping;
  columns: readonly string[];
  zone: string;
  locale: ImportLocale;
  references: ReturnType<typeof createReferenceResolver>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Parses a batch of rows by the mapping: each cell by its field's type, references in one lookup per field. */
export async function rowsToInputs(ctx: RowsContext, rows: readonly RawCell[][], firstRowNumber: number): Promise<RowInput[]> {
  const { entity, mapping, columns, locale } = ctx;
  const mapped = columns.map((column, index) => ({ column, index, field: mapping[column] ?? null })).filter((m): m is { column: string; index: number; field: string } => m.field !== null);
  const inputs: RowInput[] = rows.map((cells, i) => ({ rowNumber: firstRowNumber + i, cells, data: {}, errors: [] }));
  for (const { column, index, field } of mapped) {
    const def = entity.properties[field];
    const label = def ? labelOf(def['x-label'], field, locale) : 'ID';
    const cellError = (input: RowInput, message: string) => input.errors.push({ column, field, message: withField(label, message, locale) });
    if (field === 'id') {
      for (const input of inputs) {
        const text = cellText(input.cells[index]);
        if (text === '') continue;
        if (UUID.test(text)) input.id = text.toLowerCase();
        else cellError(input, locale === 'zh' ? `“${text}”不是记录 ID` : `"${text}" is not a record id`);
      }
      continue;
    }
    if (!def) continue;
    if (ctx.references.needsLookup(def)) {
      const texts = [...new Set(inputs.map((r) => cellText(r.cells[index])).filter(Boolean))];
      const resolved = await ctx.references.resolve(def, texts);
      for (const input of inputs) apply(input, resolved.get(cellText(input.cells[index])), field, (m) => cellError(input, m));
      continue;
    }
    const type = ctx.state.registry.get(def['x-type']);
    for (const input of inputs) {
      const cell = input.cells[index];
      if (isBlank(cell)) continue;
      apply(input, parseCell(cell, def, type, ctx.zone, locale), field, (m) => cellError(input, m));
    }
  }
  return inputs;
}

function apply(input: RowInput, parsed: Parsed | undefined, field: string, error: (message: string) => void) {
  if (!parsed) return;
  if (parsed.ok) input.data[field] = parsed.value;
  else error(parsed.message);
}

/** A write door refusal (422 details, 403, 409…) as the row's errors, each naming its field as the user knows it. */
export function refusalToErrors(err: unknown, entity: EntityDefinition, mapping: ImportMapping, locale: ImportLocale): CellError[] {
  if (!isHttpError(err)) throw err;
  const columnOf = (field: string) => Object.entries(mapping).find(([, f]) => f === field)?.[0];
  const details = (err.details ?? []).filter((d): d is ErrorDetail => typeof d === 'object' && d !== null && 'message' in d && 'field' in d);
  if (details.length === 0) return [{ message: err.message }];
  return details.map((d) => {
    const field = d.field.split(/[./[]/)[0];
    const def = entity.properties[field];
    const label = def ? labelOf(def['x-label'], field, locale) : field || (locale === 'zh' ? '记录' : 'Record');
    const message = d.rule === 'required' ? importMessage('required', locale) : d.message;
    const column = columnOf(field);
    return { ...(column ? { column } : {}), ...(field ? { field } : {}), message: withField(label, message, locale) };
  });
}
