import type { MetadataErrorCode } from './error-codes';
import type { MetadataError } from './validation-types';

export function metadataError(code: MetadataErrorCode, pointer: string, message: string, hint: string): MetadataError {
  return { pointer, code, message, hint };
}
