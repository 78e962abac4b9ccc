import type { RangePeriod } from './report-types';

export type ReportLocale = 'en' | 'zh';

/**
 * The words a report carries when the server writes it (a scheduled message, an exported sheet),
 * in English and Chinese — the same words the report builder shows (web i18n `reports.*`).
 */
const TEXT = {
  en: {
    subject: 'Scheduled report: {label}',
    intro: 'Your numbers for “{label}” ({measure}{range}).',
    notRunnable: '“{label}” cannot be shown to you: it uses records or fields you may not see.',
    noData: 'No records match this report.',
    more: '…and {n} more rows.',
    total: 'Total',
    empty: '(empty)',
    other: '(other)',
    yes: 'Yes',
    no: 'No',
    fns: { count: 'Count', sum: 'Sum', avg: 'Average', min: 'Minimum', max: 'Maximum', distinct: 'Distinct values' } as Record<string, string>,
    ranges: { 'this-month': 'this month', 'this-quarter': 'this quarter', 'this-year': 'this year', 'last-30-days': 'last 30 days' } as Record<RangePeriod, string>,
    system: { owner: 'Owner', created_at: 'Created', updated_at: 'Updated', created_by: 'Created by' } as Record<string, string>,
    sep: ', ',
  },
  zh: {
    subject: '定期报表：{label}',
    intro: '你在“{label}”中的数字（{measure}{range}）。',
    notRunnable: '“{label}”无法向你显示：它用到了你无权查看的记录或字段。',
    noData: '没有符合此报表的记录。',
    more: '……另有 {n} 行。',
    total: '合计',
    empty: '（空）',
    other: '（其他）',
    yes: '是',
    no: '否',
    fns: { count: '计数', sum: '合计', avg: '平均值', min: '最小值', max: '最大值', distinct: '不同值个数' } as Record<string, string>,
    ranges: { 'this-month': '本月', 'this-quarter': '本季度', 'this-year': '今年', 'last-30-days': '最近 30 天' } as Record<RangePeriod, string>,
    system: { owner: '负责人', created_at: '创建时间', updated_at: '更新时间', created_by: '创建人' } as Record<string, string>,
    sep: '，',
  },
};

export type ReportWords = (typeof TEXT)['en'];

export const reportWords = (locale: ReportLocale): ReportWords => TEXT[locale];

/** `{name}` placeholders filled from `values`. */
export const fill = (template: string, values: Record<string, string | number>): string => template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));

/** `{ en, zh }` label in `locale`, English when it has no Chinese. */
export const localized = (label: { en?: string; zh?: string } | string | undefined, locale: ReportLocale, fallback: string): string =>
  typeof label === 'string' ? label : (locale === 'zh' ? label?.zh : undefined) || label?.en || fallback;
