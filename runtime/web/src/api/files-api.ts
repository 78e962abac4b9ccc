import { ApiError } from './api-error';
import { getCsrfToken, notifySignedOut } from './session-state';

/** An uploaded file as the API describes it (`POST /api/files` answers `{ data: … }`). */
export interface UploadedFile {
  id: string;
  name: string;
  size: number;
  mime?: string;
}

/** Where a file downloads from (always as an attachment, for whoever may read its record). */
export const fileUrl = (id: string) => `/api/files/${encodeURIComponent(id)}`;

/**
 * Uploads one file for a record's file field (`POST /api/files?entity=&field=`, multipart part
 * `file`). XMLHttpRequest rather than fetch: only it reports upload progress (0–1 to `onProgress`).
 */
export function uploadFile(entity: string, field: string, file: File, onProgress: (fraction: number) => void): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/files?${new URLSearchParams({ entity, field })}`);
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new Error('network error'));
    xhr.onload = () => {
      let payload: { data?: UploadedFile; error?: { code?: string; message?: string; details?: ApiError['details'] } } | undefined;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        payload = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && payload?.data) {
        onProgress(1);
        resolve(payload.data);
        return;
      }
      if (xhr.status === 401 && payload?.error?.code === 'unauthenticated') notifySignedOut();
      reject(new ApiError(xhr.status, payload?.error?.code ?? `http-${xhr.status}`, payload?.error?.message ?? (xhr.statusText || `HTTP ${xhr.status}`), payload?.error?.details ?? []));
    };
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
}

/** The file name from a Content-Disposition header (RFC 6266: `filename*` first). */
export function dispositionName(header: string | null): string | undefined {
  if (!header) return undefined;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* a malformed escape: fall back to the plain name */
    }
  }
  const plain = /filename\s*=\s*"((?:[^"\\]|\\.)*)"|filename\s*=\s*([^;]+)/.exec(header);
  return plain ? (plain[1] ?? plain[2]).replace(/\\(.)/g, '$1').trim() : undefined;
}

/**
 * The name and size of a file already attached to a record, from the download's headers: the
 * body is abandoned as soon as they arrive (the API has no separate "describe a file" route).
 */
export async function fileInfo(id: string): Promise<UploadedFile | undefined> {
  const controller = new AbortController();
  try {
    const response = await fetch(fileUrl(id), { credentials: 'same-origin', signal: controller.signal });
    if (!response.ok) return undefined;
    const name = dispositionName(response.headers.get('content-disposition')) ?? id;
    const size = Number(response.headers.get('content-length') ?? NaN);
    return { id, name, size, mime: response.headers.get('content-type') ?? undefined };
  } catch {
    return undefined;
  } finally {
    controller.abort();
  }
}
