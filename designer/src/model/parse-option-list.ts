import type { SelectOption } from '@tessera/metadata';
import { labelToName } from './label-to-name';

/**
 * Select options from one typed list: comma-, semicolon- or newline-separated entries (，、；
 * too, as typed on a Chinese keyboard). An entry is its English label and its value is the
 * label as a name ("In review" → in_review); labels already given to a value are kept.
 * Duplicates and entries that make no name are dropped.
 */
export function parseOptionList(text: string, previous: readonly SelectOption[] = []): SelectOption[] {
  const seen = new Set<string>();
  const options: SelectOption[] = [];
  for (const entry of text.split(/[,;\n，、；]/).map((s) => s.trim()).filter(Boolean)) {
    const value = labelToName(entry);
    if (!value || seen.has(value)) continue;
    seen.add(value);
    const known = previous.find((o) => o.value === value);
    options.push(known && known.label.en ? known : { value, label: { en: entry } });
  }
  return options;
}
