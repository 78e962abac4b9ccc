/** One problem with a record a client sent; `rule` is stable so UIs can translate by it. */
export interface FieldError {
  /** Property name; '' for the body as a whole. */
  field: string;
  /** `required`, `type`, `maxLength`, `format`, `enum`, `minimum`, `read-only`, `unknown-field`… */
  rule: string;
  message: string;
  params?: Record<string, unknown>;
}

export type RecordValidationMode = 'create' | 'update';

export type RecordValidationResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; errors: FieldError[] };

/** Validates a client's body; on success `value` is a copy with create-mode defaults applied. */
export type EntityValidator = (data: unknown, mode: RecordValidationMode) => RecordValidationResult;
