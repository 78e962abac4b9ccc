import type { LocalizedText } from '@tessera/metadata';
import type { ImportLocale } from './import-types';

/** A field's label in the user's language (else English, else its name). */
export const labelOf = (label: LocalizedText | undefined, name: string, locale: ImportLocale) => (locale === 'zh' ? label?.zh : undefined) || label?.en || name;

/** The import's cell problems, phrased for the person who made the spreadsheet. */
const MESSAGES = {
  missingTarget: { en: 'no {target} "{value}" exists (or you may not see it)', zh: '找不到{target}“{value}”（或您无权查看）' },
  ambiguousTarget: { en: '{count} {target} records are named "{value}": use the id', zh: '有 {count} 条{target}名为“{value}”，请改用 ID' },
  missingUser: { en: 'no active user "{value}"', zh: '找不到有效用户“{value}”' },
  ambiguousUser: { en: '{count} users match "{value}": use the username', zh: '有 {count} 个用户匹配“{value}”，请改用用户名' },
  notImportable: { en: 'this field cannot be imported', zh: '此字段不能导入' },
  required: { en: 'is required', zh: '为必填项' },
  invalid: { en: '{detail}', zh: '{detail}' },
  ambiguousMatch: { en: 'matches {count} existing records ({keys}); nothing was changed', zh: '匹配到 {count} 条已有记录（{keys}），未作更改' },
  outOfScope: { en: 'matches a record you may not change ({keys})', zh: '匹配到一条您无权修改的记录（{keys}）' },
  duplicateInFile: { en: 'repeats row {row} ({keys})', zh: '与第 {row} 行重复（{keys}）' },
  notWritten: { en: 'not written: {detail}', zh: '未写入：{detail}' },
} satisfies Record<string, Record<ImportLocale, string>>;

export type MessageKey = keyof typeof MESSAGES;

export function importMessage(key: MessageKey, locale: ImportLocale, values: Record<string, string | number> = {}): string {
  return MESSAGES[key][locale].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

/** `Founded: "2024-13-45" is not a date …` — the field named as the user knows it. */
export const withField = (fieldLabel: string, message: string, locale: ImportLocale) => (locale === 'zh' ? `${fieldLabel}：${message}` : `${fieldLabel}: ${message}`);
