import type { MetadataError } from '../validation/validation-types';
import { textPosition } from './text-position';

interface Explanation {
  offset: number;
  message: string;
  hint: string;
}

const previousNonSpace = (text: string, offset: number): number => {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i;
};

// The parser says only which character surprised it; look around it for the usual mistakes.
function explain(text: string, offset: number): Explanation {
  if (offset >= text.length) {
    return { offset: text.length, message: 'The file ends too early.', hint: 'A closing "}", "]" or quote is missing; check that every bracket you open is closed.' };
  }
  const c = text[offset];
  const prevAt = previousNonSpace(text, offset);
  const prev = prevAt >= 0 ? text[prevAt] : '';
  if ((c === '}' || c === ']') && prev === ',') {
    return { offset: prevAt, message: `There is a comma before "${c}" with nothing after it.`, hint: 'Remove the comma after the last item: JSON does not allow trailing commas.' };
  }
  if (c === "'") return { offset, message: 'A text or key is in single quotes.', hint: 'Use double quotes ("), e.g. "x-label".' };
  if (c === '/' ) return { offset, message: 'There is a comment.', hint: 'Remove it: JSON does not allow comments. Put notes in "description".' };
  if ((c === '"' || c === '{' || c === '[' || /[-0-9tfn]/.test(c)) && /["}\]0-9el]/.test(prev)) {
    return { offset, message: 'A comma is missing between two items.', hint: `Add a comma before this ${c === '"' ? 'key or text' : 'value'}.` };
  }
  if (/[A-Za-z_$]/.test(c) && (prev === '{' || prev === ',')) {
    return { offset, message: 'A key is not in double quotes.', hint: 'Write keys in double quotes, e.g. "x-label": ...' };
  }
  if (prev === '"' && c !== ':' && c !== ',') {
    return { offset, message: `Expected ":" or "," but found "${c}".`, hint: 'Put ":" between a key and its value, and "," between items.' };
  }
  if (prev === ':') {
    return { offset, message: `Expected a value but found "${c}".`, hint: 'Write a value: "text" in double quotes, a number, true, false, null, { ... } or [ ... ].' };
  }
  return { offset, message: `Unexpected "${c}".`, hint: 'Check the punctuation just before this point: a missing comma, colon, quote or bracket.' };
}

/** A JSON syntax error as a MetadataError with the file, line and column where it went wrong. */
export function jsonSyntaxError(file: string, text: string, error: unknown): MetadataError {
  const raw = error instanceof Error ? error.message : String(error);
  const at = /at position (\d+)/.exec(raw);
  const found = explain(text, at ? Number(at[1]) : text.length);
  const { line, column } = textPosition(text, found.offset);
  return { pointer: '', code: 'invalid-json', message: `${file} is not valid JSON: ${found.message}`, hint: found.hint, file, line, column };
}
