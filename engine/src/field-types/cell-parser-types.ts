import type { FieldDefinition, LocalizedText } from '@tessera/metadata';

/** One spreadsheet cell as a CSV or XLSX reader hands it over (Excel gives numbers, booleans and dates typed). */
export type ImportCell = string | number | boolean | Date | null;

/** What a cell parser may need beyond the field: the zone wall-clock times are read in. */
export interface CellParseContext {
  /** IANA time zone of the app (TESSERA_JOBS_TZ): `2024-01-05 14:30` means 14:30 there. */
  zone: string;
}

/** A parsed cell: the API value to write, or what is wrong with it in both languages. */
export type ParsedCell = { ok: true; value: unknown } | { ok: false; message: LocalizedText };

/**
 * How a field type reads an imported cell (never blank: the importer skips those). Pure; a
 * relation or user cell naming a record by its title is resolved by the importer in batches,
 * so the type's parser only reads ids.
 */
export type CellParser = (cell: ImportCell, field: FieldDefinition, ctx: CellParseContext) => ParsedCell;
