import type { LocalizedText } from '@tessera/metadata';
import type { ErrorDetail } from '../errors/http-error';

type Locale = 'en' | 'zh';

/**
 * Why a transfer is refused, in the words of the person who asked for it (the transfer dialog)
 * or approved it (the inbox): each detail names its field, and the web shows the message in the
 * user's language (`messages`), as it does a conflict check's.
 */
const MESSAGES = {
  ownerNotActive: { en: 'must be the id of an active user', zh: '必须是有效（未停用）的用户' },
  receiverEmpty: { en: 'is empty: choose the user who receives it', zh: '为空：请选择接收人' },
  receiverNotActive: { en: 'must be an active user', zh: '必须是有效（未停用）的用户' },
  recordEmpty: { en: 'is empty: there is no {entity} to transfer', zh: '为空：没有可转移的{entity}' },
  recordGone: { en: 'the {entity} no longer exists', zh: '该{entity}已不存在' },
} satisfies Record<string, Record<Locale, string>>;

export type TransferMessageKey = keyof typeof MESSAGES;

/** A refusal of one field, in both languages; `message` is the English one. */
export interface TransferProblem extends ErrorDetail {
  messages: Record<Locale, string>;
}

/** An entity's label as a noun inside a sentence: lower-cased in English, as is in Chinese. */
export function entityNoun(label: LocalizedText | undefined, name: string): Record<Locale, string> {
  const en = (label?.en ?? name).toLowerCase();
  return { en, zh: label?.zh ?? en };
}

/** The refusal `key` of `field`, its `{placeholders}` filled per language. */
export function transferProblem(field: string, rule: string, key: TransferMessageKey, values: Record<string, Record<Locale, string>> = {}): TransferProblem {
  const text = (locale: Locale) => MESSAGES[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => values[name]?.[locale] ?? '');
  const messages = { en: text('en'), zh: text('zh') };
  return { field, rule, message: messages.en, messages };
}
