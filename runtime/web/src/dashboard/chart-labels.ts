/**
 * Chart labels that fit: SVG text does not wrap and recharts clips what leaves the drawing, so
 * "Qualification" became "Quali". These size the room a label needs before drawing and shorten
 * what still does not fit (the full text stays in a tooltip).
 */

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Estimated width of `text` in px at `fontSize`: CJK and full-width characters are one em, Latin about 0.6. */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += WIDE.test(ch) ? 1 : /[A-Z]/.test(ch) ? 0.68 : /[il.,:;'|!]/.test(ch) ? 0.3 : 0.58;
  return Math.ceil(em * fontSize);
}

/** `text` as it fits in `maxWidth` px: whole, or cut with an ellipsis (never below one character). */
export function fitText(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, fontSize) > maxWidth) chars.pop();
  return `${chars.join('')}…`;
}

/**
 * Room beside a funnel for its stage labels: what the longest needs, at most `share` of the
 * chart's width (the funnel keeps the rest) and at least `min` px.
 */
export function labelRoom(labels: readonly string[], chartWidth: number, fontSize: number, share = 0.45, min = 48): number {
  const widest = Math.max(0, ...labels.map((l) => textWidth(l, fontSize))) + 12;
  return Math.max(min, Math.min(widest, Math.floor(chartWidth * share)));
}
