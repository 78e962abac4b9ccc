import { fileTypeAccepted } from '@tessera/engine';
import type { FileSpec } from '@tessera/metadata';

/** Why a chosen file is refused before it is uploaded, if it is. */
export type FileRefusal = { reason: 'tooLarge' } | { reason: 'type' };

/**
 * Checks a chosen file against the field's `x-file` (size, then type, by the engine's rule the
 * server applies after the upload) before any byte is sent.
 */
export function refuseFile(file: { size: number; type: string }, spec: FileSpec | undefined): FileRefusal | undefined {
  if (!spec) return undefined;
  if (file.size > spec.maxSize) return { reason: 'tooLarge' };
  if (spec.accept.length && !fileTypeAccepted(file.type || 'application/octet-stream', spec.accept)) return { reason: 'type' };
  return undefined;
}

/** A byte count as people read it: 512 B, 1.5 KB, 7.2 MB. */
export function formatBytes(bytes: number, locale: string): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const number = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
  return `${number} ${units[unit]}`;
}
