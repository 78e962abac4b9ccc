import type { LocalizedText } from '@tessera/metadata';

/** The cell problems a parser reports, phrased for the person who made the spreadsheet. */
const MESSAGES = {
  notNumber: { en: '"{value}" is not a number (write 1234.56, 1,234.56, ¥1,234.56 or 1.5万)', zh: '“{value}”不是数字（可写 1234.56、1,234.56、¥1,234.56 或 1.5万）' },
  notInteger: { en: '"{value}" is not a whole number', zh: '“{value}”不是整数' },
  notDate: { en: '"{value}" is not a date (write 2024-01-05, 2024/1/5, 2024年1月5日 or 01/05/2024)', zh: '“{value}”不是日期（可写 2024-01-05、2024/1/5、2024年1月5日 或 01/05/2024）' },
  notDateTime: { en: '"{value}" is not a date and time (write 2024-01-05 14:30 or 2024年1月5日 下午2:30)', zh: '“{value}”不是日期时间（可写 2024-01-05 14:30 或 2024年1月5日 下午2:30）' },
  notBoolean: { en: '"{value}" is not yes or no (write yes/no, true/false or 是/否)', zh: '“{value}”不是“是”或“否”（可写 是/否、yes/no 或 true/false）' },
  unknownOption: { en: '"{value}" is not one of the options: {options}', zh: '“{value}”不在选项中：{options}' },
  notId: { en: '"{value}" is not a record id', zh: '“{value}”不是记录 ID' },
  notJson: { en: '"{value}" is not JSON (write {"key": "value"}, [1, 2] or "text")', zh: '“{value}”不是 JSON（可写 {"key": "value"}、[1, 2] 或 "text"）' },
} satisfies Record<string, LocalizedText & { zh: string }>;

export type CellMessageKey = keyof typeof MESSAGES;

/**
 * A cell message in both languages, `{name}` filled from `values`; a value may itself differ
 * by language (an option list's labels).
 */
export function cellMessage(key: CellMessageKey, values: Record<string, string | number | LocalizedText> = {}): LocalizedText {
  const fill = (lang: 'en' | 'zh') => MESSAGES[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) return '';
    return typeof value === 'object' ? (lang === 'zh' ? value.zh || value.en : value.en) : String(value);
  });
  return { en: fill('en'), zh: fill('zh') };
}
