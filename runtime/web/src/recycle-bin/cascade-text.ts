import type { Locale } from '@tessera/metadata';
import { localize } from '../meta/localize';
import type { CascadeCount } from './recycle-bin-api';

/**
 * "3 contacts, 2 opportunities, 5 follow-ups" / "3 个联系人、2 个商机、5 个跟进记录": the counts of
 * a cascade in the reader's language, in the server's order. English lower-cases the plural label
 * (it sits mid-sentence); Chinese puts a measure word between number and noun.
 */
export function cascadeList(counts: readonly CascadeCount[], locale: Locale): string {
  if (locale === 'zh') return counts.map((c) => `${c.count} 个${localize(c.label, 'zh')}`).join('、');
  return counts.map((c) => `${c.count} ${lowerFirst(localize(c.count === 1 && c.one ? c.one : c.label, 'en'))}`).join(', ');
}

const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text);
