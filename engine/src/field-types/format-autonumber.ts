/** `{YYYY}`, `{YY}`, `{MM}`, `{DD}`: the record's creation date; `{0000}`: the sequence, zero-padded to that width. */
const TOKEN = /\{([^{}]*)\}/g;
const DATE_TOKENS = new Set(['YYYY', 'YY', 'MM', 'DD']);
const SEQUENCE_TOKEN = /^0+$/;

/** Problems with an autonumber format, phrased for the implementer; empty when it is usable. */
export function checkAutonumberFormat(format: string): string[] {
  const errors: string[] = [];
  let sequences = 0;
  for (const [, token] of format.matchAll(TOKEN)) {
    if (SEQUENCE_TOKEN.test(token)) sequences += 1;
    else if (!DATE_TOKENS.has(token)) errors.push(`"{${token}}" is not a known part; use {YYYY}, {YY}, {MM}, {DD} or zeros such as {0000}.`);
  }
  if (format.replace(TOKEN, '').match(/[{}]/)) errors.push('It has an unmatched "{" or "}".');
  // Without exactly one sequence part two records could get the same number.
  if (sequences !== 1) errors.push(`It needs exactly one sequence part such as {0000}; it has ${sequences}.`);
  return errors;
}

function dateParts(date: Date, timeZone: string): Record<string, string> {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const year = get('year').padStart(4, '0');
  return { YYYY: year, YY: year.slice(-2), MM: get('month'), DD: get('day') };
}

/**
 * The display value of the `seq`-th record created at `date`, e.g. `BID-{YYYY}-{0000}` →
 * `BID-2025-0042`. A sequence wider than its zeros is printed in full, never cut. Pure: the
 * runtime owns the sequence and the clock, and passes the workspace's time zone.
 */
export function formatAutonumber(format: string, seq: number, date: Date, timeZone = 'UTC'): string {
  if (!Number.isSafeInteger(seq) || seq < 1) throw new Error(`An autonumber sequence starts at 1; got ${seq}`);
  const parts = dateParts(date, timeZone);
  return format.replace(TOKEN, (whole, token: string) => {
    if (SEQUENCE_TOKEN.test(token)) return String(seq).padStart(token.length, '0');
    if (token in parts) return parts[token];
    throw new Error(`Unknown autonumber part "${whole}" in "${format}"`);
  });
}
