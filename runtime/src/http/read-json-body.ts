import { findTextProblem, jsonDepthExceeds, MAX_JSON_DEPTH } from '@tessera/engine';
import getRawBody from 'raw-body';
import { HttpError, validationFailed } from '../errors/http-error';
import type { AppContext } from './http-types';

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The field (a dotted path into the body) holding the first NUL or lone surrogate, if any. */
function badTextAt(body: unknown): { field: string; problem: 'nul' | 'surrogate' } | undefined {
  if (findTextProblem(body) === undefined) return undefined; // the common case: one pass, no paths built
  const stack: { value: unknown; path: string }[] = [{ value: body, path: '' }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    const own = typeof value === 'string' ? findTextProblem(value) : undefined;
    if (own) return { field: path, problem: own };
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      const inKey = findTextProblem(key);
      if (inKey) return { field: at, problem: inKey };
      stack.push({ value: child, path: at });
    }
  }
  return undefined;
}

/**
 * Reads a JSON request body within `limit`: 415 unless it says JSON (and is not compressed),
 * 413 past the limit, 400 for bytes that are not UTF-8 (never silently replaced), text that is
 * not a JSON object or array, or nesting deeper than MAX_JSON_DEPTH; 422 naming the field for
 * a NUL or a lone surrogate in any string, which no stored text may hold. The exact text is
 * kept on `ctx.request.rawBody` for signature checks.
 */
export async function readJsonBody(ctx: AppContext, limit: string): Promise<void> {
  // A write with no body at all (`POST /api/auth/logout`) has nothing to parse; the route decides whether it needed one.
  if (!ctx.request.length && !ctx.get('transfer-encoding')) return;
  if (!ctx.is('application/json', '+json')) throw new HttpError(415, 'unsupported_media_type', `Content-Type must be application/json (got ${ctx.get('content-type') || 'none'})`);
  const encoding = ctx.get('content-encoding');
  if (encoding && encoding !== 'identity') throw new HttpError(415, 'unsupported_media_type', `Content-Encoding "${encoding}" is not supported; send the JSON uncompressed`);
  let bytes: Buffer;
  try {
    bytes = await getRawBody(ctx.req, { limit, length: ctx.request.length });
  } catch (err) {
    if ((err as { type?: string }).type === 'entity.too.large') throw new HttpError(413, 'payload_too_large', `The request body is larger than the ${limit} limit`);
    throw new HttpError(400, 'invalid_body', 'The request body could not be read completely');
  }
  let text: string;
  try {
    text = fatalUtf8.decode(bytes);
  } catch {
    throw new HttpError(400, 'invalid_encoding', 'The request body is not valid UTF-8 text');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON (an object or array is expected)');
  }
  if (typeof body !== 'object' || body === null) throw new HttpError(400, 'invalid_json', 'The request body is not valid JSON (an object or array is expected)');
  if (jsonDepthExceeds(body, MAX_JSON_DEPTH)) throw new HttpError(400, 'too_deep', `The request body is nested more than ${MAX_JSON_DEPTH} levels deep`);
  const bad = badTextAt(body);
  if (bad) {
    throw validationFailed([bad.problem === 'nul'
      ? { field: bad.field, rule: 'control-character', message: 'must not contain control characters' }
      : { field: bad.field, rule: 'unicode', message: 'must be valid Unicode text' }]);
  }
  ctx.request.body = body;
  (ctx.request as { rawBody?: string }).rawBody = text;
}

/** 400 for a query string whose percent-escapes are not UTF-8 or that carries a NUL. */
export function assertCleanQuery(ctx: AppContext): void {
  const raw = ctx.querystring;
  if (!raw.includes('%')) return;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    throw new HttpError(400, 'invalid_query', 'The query string is not valid UTF-8 text');
  }
  if (decoded.includes('\u0000')) throw new HttpError(400, 'invalid_query', 'The query string must not contain control characters');
}
