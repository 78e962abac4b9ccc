import { defineFieldType } from './define-field-type';
import { typeKeywords } from './keyword-schema';

const uuid = { type: 'string', format: 'uuid' } as const;

/**
 * Uploaded files: the column holds ids of `tessera.files` rows (uuid, or uuid[] with
 * `x-file.multiple`); the bytes live on disk by sha256. Uploading is `POST /api/files`; a
 * record write only attaches ids the writer uploaded for this very field.
 */
export const fileFieldType = defineFieldType({
  name: 'file',
  label: { en: 'File', zh: '附件' },
  widget: 'file',
  // A cell cannot carry a file's bytes.
  parseCell: null,
  ...typeKeywords(['x-file'], { required: ['x-file'], defaults: { 'x-file': { maxSize: 10 * 1024 * 1024, accept: ['image/*', 'application/pdf'] } } }),
  filterOperators: ['isNull'],
  jsonSchema: (field) => (field['x-file']?.multiple ? { type: 'array', items: uuid, uniqueItems: true, maxItems: 100 } : { ...uuid }),
  column: (field) => (field['x-file']?.multiple ? { kind: 'uuid-array' } : { kind: 'uuid' }),
  checkField: (field) => (field['x-file'] ? [] : ['a file field needs "x-file": { "maxSize": <bytes>, "accept": ["image/*", "application/pdf"] }']),
});

/** Whether a declared MIME type is one of `accept` (exact, or a `family/*` entry). */
export function fileTypeAccepted(mime: string, accept: readonly string[]): boolean {
  const type = mime.toLowerCase().split(';')[0].trim();
  return accept.some((entry) => (entry.endsWith('/*') ? type.startsWith(entry.slice(0, -1)) : type === entry));
}
