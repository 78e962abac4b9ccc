import type { ReportTable } from './report-table';
import { fill, reportWords, type ReportLocale } from './report-text';
import type { RangePeriod } from './report-types';

/** Lines of a message before "…and N more": a glance, the report itself is one click away. */
export const MAX_MESSAGE_ROWS = 30;

// As the workflow notify action renders its values: bodies may be sent as HTML mail.
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface ReportMessage {
  subject: string;
  body: string;
}

export interface MessageInput {
  label: string;
  measure: string;
  range?: RangePeriod;
  table: ReportTable;
  locale: ReportLocale;
}

/**
 * A scheduled report as one recipient's notification, in their language: the title, the
 * measure and range, then a line per row of their own pivot (a two-way pivot's columns on the
 * row's line, with its total), then the total.
 */
export function reportMessage({ label, measure, range, table, locale }: MessageInput): ReportMessage {
  const words = reportWords(locale);
  const number = new Intl.NumberFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 });
  const n = (v: number) => number.format(v);
  const lines = [fill(words.intro, { label: escape(label), measure: escape(measure), range: range ? `${words.sep}${words.ranges[range]}` : '' })];
  if (table.rows.length === 0) lines.push(words.noData);
  else if (table.columns.length === 0) lines.push(`${escape(measure)}: ${n(table.rows[0].cells[0])}`);
  else {
    for (const row of table.rows.slice(0, MAX_MESSAGE_ROWS)) {
      const cells = table.twoWay
        ? table.columns.map((c, i) => ({ c, v: row.cells[i] })).filter((x) => x.v !== 0).map((x) => `${escape(x.c)} ${n(x.v)}`).join(words.sep) + (row.total !== undefined ? ` (${words.total} ${n(row.total)})` : '')
        : n(row.cells[0]);
      lines.push(`${escape(row.label)}: ${cells}`);
    }
    if (table.rows.length > MAX_MESSAGE_ROWS) lines.push(fill(words.more, { n: table.rows.length - MAX_MESSAGE_ROWS }));
    if (table.totals) lines.push(`${words.total}: ${n(table.totals.total)}`);
  }
  return { subject: fill(words.subject, { label: escape(label) }), body: lines.join('\n') };
}

/** The message of a report that cannot be shown to this recipient (a field they may not see, records they may not read). */
export function notRunnableMessage(label: string, locale: ReportLocale): ReportMessage {
  const words = reportWords(locale);
  return { subject: fill(words.subject, { label: escape(label) }), body: fill(words.notRunnable, { label: escape(label) }) };
}
