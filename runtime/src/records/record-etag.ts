import { HttpError } from '../errors/http-error';

/** A record's ETag: its version, weak because the representation may vary (fields=, expand=). */
export const etagOf = (version: unknown) => `W/"${Number(version)}"`;

/**
 * The version an `If-Match` header demands: undefined when absent or `*` (no precondition).
 * A header naming no version of ours can never match, so it is a 412 like a stale one.
 */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!match) throw preconditionFailed(`If-Match "${header.slice(0, 60)}" is not an ETag this API issued`);
  return Number(match[1]);
}

export const preconditionFailed = (message: string) => new HttpError(412, 'precondition_failed', message);

/**
 * Whether an `If-None-Match` list names this version (weak comparison, `*` matches anything).
 * Compared here rather than with Koa's `ctx.fresh`, which treats every request carrying
 * `Cache-Control: no-cache` as stale — and fetch() adds that header to any conditional request.
 */
export function ifNoneMatchHolds(header: string | undefined, version: unknown): boolean {
  if (!header) return false;
  const wanted = String(Number(version));
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || /^(?:W\/)?"(\d{1,9})"$/.exec(trimmed)?.[1] === wanted;
  });
}
