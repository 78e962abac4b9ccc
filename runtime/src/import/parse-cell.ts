import type { FieldDefinition } from '@tessera/metadata';
import {
  cellText as engineCellText, localize, parseBooleanCell, parseDateCell, parseDateTimeCell, parseNumberCell, parseOptionText, splitCellList,
  type FieldTypeDefinition, type ParsedCell,
} from '@tessera/engine';
import { importMessage } from './import-messages';
import type { ImportLocale, RawCell } from './import-types';

export type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

/** The cell as the user typed it (for messages and the result file). */
export const cellText = (cell: RawCell): string => engineCellText(cell);

export const isBlank = (cell: RawCell) => cellText(cell) === '';

/** Separators of several values in one cell: commas, semicolons, the Chinese 、，；, pipes and new lines. */
export const splitList = splitCellList;

/** A field type's answer in the importing user's language. */
const inLocale = (parsed: ParsedCell, locale: ImportLocale): Parsed => (parsed.ok ? parsed : { ok: false, message: localize(parsed.message, locale) });

// The engine's shared readers, answering in one language (the import's own tests read them so).
export const parseNumber = (cell: RawCell, kind: 'number' | 'integer', locale: ImportLocale, percent = false) => inLocale(parseNumberCell(cell, kind, percent), locale);
export const parseDate = (cell: RawCell, locale: ImportLocale) => inLocale(parseDateCell(cell), locale);
export const parseDateTime = (cell: RawCell, zone: string, locale: ImportLocale) => inLocale(parseDateTimeCell(cell, zone), locale);
export const parseBoolean = (cell: RawCell, locale: ImportLocale) => inLocale(parseBooleanCell(cell), locale);
export const parseOption = (text: string, field: FieldDefinition, locale: ImportLocale) => inLocale(parseOptionText(text, field), locale);

/**
 * A non-blank cell for a field whose value needs no lookup (relation and user titles are
 * resolved in batches by resolve-references), read by the field's own type: `parseCell` on its
 * definition, so a plugin's type parses its cells the way its author wrote. A type that says no
 * cell carries its values (`parseCell: null`) is never offered for import; one that says
 * nothing (a plugin written before parsers existed) is refused by name rather than guessed.
 */
export function parseCell(cell: RawCell, field: FieldDefinition, type: FieldTypeDefinition, zone: string, locale: ImportLocale): Parsed {
  if (!type.parseCell) return { ok: false, message: importMessage('notImportable', locale) };
  return inLocale(type.parseCell(cell, field, { zone }), locale);
}
