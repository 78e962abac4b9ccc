/** One problem in a piece of metadata, phrased for an implementer, not a programmer. */
export interface MetadataError {
  /** JSON pointer into the app (`/entities/0/properties/name/x-type`), or into the file. */
  pointer: string;
  /** Stable machine code, e.g. `unknown-field-type`; UIs translate by code. */
  code: string;
  message: string;
  /** What to do about it. */
  hint: string;
  /** Where it came from, when the metadata was read from files. */
  file?: string;
  line?: number;
  column?: number;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: MetadataError[] };

/** What the validator needs to know about the field types the engine has registered. */
export interface KnownFieldType {
  name: string;
  /** Keywords of FieldDefinition this type accepts beyond the common ones. */
  requiresOptions?: boolean;
  requiresRelation?: boolean;
  /** Its values are numbers kept in a column (a plugin's rating): a rollup may sum or average it. */
  numeric?: boolean;
}
