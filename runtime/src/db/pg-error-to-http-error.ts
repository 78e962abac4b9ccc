import { HttpError } from '../errors/http-error';

/** The fields of a PostgreSQL error both drivers (pg and PGlite) report. */
interface PgError {
  code?: string;
  constraint?: string;
  column?: string;
  detail?: string;
}

const isPgError = (err: unknown): err is PgError =>
  typeof err === 'object' && err !== null && typeof (err as PgError).code === 'string' && /^[0-9A-Z]{5}$/.test((err as PgError).code!);

// `Key (customer_id)=(…)` in the detail names the column; PostgreSQL's message wording is not stable.
const columnFromDetail = (detail?: string) => /Key \(([^)]+)\)/.exec(detail ?? '')?.[1];

/**
 * Maps a database error caused by the request's data to a clear API error naming the field;
 * returns undefined for errors that are our fault (they stay a 500).
 * `fieldOfColumn` translates a column name back to the field name the client knows.
 */
export function pgErrorToHttpError(err: unknown, op: 'write' | 'delete', fieldOfColumn: (column: string) => string = (c) => c): HttpError | undefined {
  if (!isPgError(err)) return undefined;
  const column = err.column ?? columnFromDetail(err.detail);
  const field = column ? fieldOfColumn(column) : 'id';
  switch (err.code) {
    case '23001': // ON DELETE RESTRICT
    case '23503': // foreign key (NO ACTION, or a write naming a missing record)
      if (op === 'delete') {
        return new HttpError(409, 'conflict', 'The record is still referenced by other records; remove those references first', [
          { field: 'id', rule: 'referenced', message: 'still referenced by another record' },
        ]);
      }
      return new HttpError(422, 'validation_failed', `${field}: the referenced record does not exist`, [
        { field, rule: 'relation', message: 'the referenced record does not exist' },
      ]);
    case '23505': {
      // A composite unique index (x-indexes { unique }) reports `Key (customer, email)=…`: name every field.
      const fields = column && column.includes(', ') ? column.split(', ').map(fieldOfColumn) : [field];
      if (fields.length > 1) {
        const message = `this combination of ${fields.join(', ')} is already used by another record`;
        return new HttpError(409, 'conflict', `${fields.join(', ')}: ${message}`, fields.map((f) => ({ field: f, rule: 'unique', message })));
      }
      return new HttpError(409, 'conflict', `${field}: this value is already used by another record`, [
        { field, rule: 'unique', message: 'this value is already used by another record' },
      ]);
    }
    case '23502':
      return new HttpError(422, 'validation_failed', `${field}: a value is required`, [{ field, rule: 'required', message: 'a value is required' }]);
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
    case '22001':
      return new HttpError(422, 'validation_failed', `${field}: the value has the wrong format or is out of range`, [
        { field, rule: 'format', message: 'the value has the wrong format or is out of range' },
      ]);
    default:
      return undefined;
  }
}
