import type { ItemMatches } from './check-duplicates';

type Locale = 'en' | 'zh';

/**
 * The rejection texts. Hook contexts carry no locale yet, so hooks answer in English; the zh
 * text is here so the answer can follow the user once they do (and for the web panel).
 */
const TEXT = {
  visible: { en: (id: string, fields: string) => `Possible duplicate of ${id} (same ${fields})`, zh: (id: string, fields: string) => `疑似与 ${id} 重复（${fields} 相同）` },
  hidden: {
    en: (entity: string, field: string) => `A ${entity} with this ${field} already exists (owned by another team)`,
    zh: (entity: string, field: string) => `已存在 ${field} 相同的 ${entity}（属于其他团队）`,
  },
};

/** The message and field a write is rejected with, or undefined for no duplicate. A visible match wins: it names a record the user can open. */
export function duplicateMessage(entity: string, found: ItemMatches, locale: Locale = 'en'): { message: string; field: string } | undefined {
  const [first] = found.visible;
  if (first) return { message: TEXT.visible[locale](first.id, first.matches.join(', ')), field: first.matches[0] };
  const [field] = found.hidden;
  // Nothing about the other record (id, name, owner) leaves: only that one exists.
  if (field) return { message: TEXT.hidden[locale](entity, field), field };
  return undefined;
}
