import getRawBody from 'raw-body';
import { HttpError } from '../errors/http-error';
import type { AppContext } from '../http/http-types';

/** A form post, not an upload. */
export const FORM_BODY_LIMIT = '64kb';
const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A browser's urlencoded post or a JSON object of strings, as field → text. Bytes that are not
 * UTF-8 and broken percent-escapes are a 400, never silently replaced.
 */
export async function readFormBody(ctx: AppContext): Promise<Record<string, string>> {
  const json = ctx.is('application/json');
  if (!json && !ctx.is('application/x-www-form-urlencoded')) throw new HttpError(415, 'unsupported_media_type', 'Send the form as application/x-www-form-urlencoded or JSON');
  let text: string;
  try {
    text = fatalUtf8.decode(await getRawBody(ctx.req, { limit: FORM_BODY_LIMIT, length: ctx.request.length }));
  } catch (err) {
    if ((err as { type?: string }).type === 'entity.too.large') throw new HttpError(413, 'payload_too_large', `The form is larger than the ${FORM_BODY_LIMIT} limit`);
    throw new HttpError(400, 'invalid_body', 'The form could not be read as UTF-8 text');
  }
  const out: Record<string, string> = {};
  if (json) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new HttpError(400, 'invalid_json', 'The form is not valid JSON');
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'invalid_json', 'The form must be a JSON object');
    for (const [k, v] of Object.entries(body)) if (v !== null && v !== undefined) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
    return out;
  }
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const [k, v = ''] = pair.split('=');
    try {
      out[decodeURIComponent(k.replace(/\+/g, ' '))] = decodeURIComponent(v.replace(/\+/g, ' '));
    } catch {
      throw new HttpError(400, 'invalid_body', 'The form is not valid UTF-8 text');
    }
  }
  return out;
}
