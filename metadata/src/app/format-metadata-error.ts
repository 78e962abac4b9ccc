import type { MetadataError } from '../validation/validation-types';

/** One line for a CLI or log: `entities/customer.entity.json:12:7 code: message (hint)`. */
export function formatMetadataError(e: MetadataError): string {
  const where = e.file ? [e.file, e.line, e.column].filter((x) => x !== undefined).join(':') : e.pointer || '/';
  return `${where} ${e.code}: ${e.message} (${e.hint})`;
}
