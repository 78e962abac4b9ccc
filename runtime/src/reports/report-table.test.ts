import type { EntityDefinition } from '@tessera/metadata';
import { reportMessage } from './report-message';
import { reportTable, tableLines } from './report-table';

const entity = {
  type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': { en: 'Deal' },
  properties: {
    stage: { 'x-id': 's', 'x-type': 'select', 'x-label': { en: 'Stage' }, 'x-options': [{ value: 'open', label: { en: 'Open' } }, { value: 'won', label: { en: 'Won' } }] },
    closed: { 'x-id': 'c', 'x-type': 'date', 'x-label': { en: 'Closed' } },
  },
} as unknown as EntityDefinition;
const label = (group: string, key: string) => (key === '' ? '(empty)' : group.startsWith('closed') ? key.slice(0, 7) : key.toUpperCase());
const headers = { row: 'Stage', measure: 'Sum · Amount' };

describe('a report as a table', () => {
  it('lays two groups out as a pivot: options in declared order, dates in time order, empty last, totals', () => {
    const rows = [
      { stage: 'won', 'closed:month': '2026-02-01', 'sum:amount': 5 },
      { stage: null, 'closed:month': '2026-01-01', 'sum:amount': 1 },
      { stage: 'open', 'closed:month': '2026-02-01', 'sum:amount': 2 },
      { stage: 'won', 'closed:month': '2026-01-01', 'sum:amount': 3 },
    ];
    const table = reportTable({ entity, groups: ['stage', 'closed:month'], measure: 'sum:amount', rows, label, headers });
    expect(tableLines(table, 'Total')).toEqual([
      ['Stage', '2026-01', '2026-02', 'Total'],
      ['OPEN', 0, 2, 2],
      ['WON', 3, 5, 8],
      ['(empty)', 1, 0, 1],
      ['Total', 4, 7, 11],
    ]);
  });

  it('has no totals for measures that do not add up, and one number without a group', () => {
    const avg = reportTable({ entity, groups: ['stage'], measure: 'avg:amount', rows: [{ stage: 'won', 'avg:amount': 2.5 }], label, headers: { row: 'Stage', measure: 'Average' } });
    expect(tableLines(avg, 'Total')).toEqual([['Stage', 'Average'], ['WON', 2.5]]);
    const one = reportTable({ entity, groups: [], measure: 'count', rows: [{ count: 42 }], label, headers: { row: '', measure: 'Count' } });
    expect(tableLines(one, 'Total')).toEqual([['Count'], [42]]);
  });

  it('reads as a message: a line per row, a two-way row with its columns and total, values escaped', () => {
    const table = reportTable({ entity, groups: ['stage', 'closed:month'], measure: 'count', rows: [{ stage: 'won', 'closed:month': '2026-01-01', count: 1200 }, { stage: 'won', 'closed:month': '2026-02-01', count: 3 }], label, headers: { row: 'Stage', measure: 'Count' } });
    const msg = reportMessage({ label: 'R&D <deals>', measure: 'Count', range: 'this-year', table, locale: 'en' });
    expect(msg.subject).toBe('Scheduled report: R&#38;D &#60;deals&#62;');
    expect(msg.body).toBe('Your numbers for “R&#38;D &#60;deals&#62;” (Count, this year).\nWON: 2026-01 1,200, 2026-02 3 (Total 1,203)\nTotal: 1,203');
    const zh = reportMessage({ label: 'R', measure: '计数', table: reportTable({ entity, groups: [], measure: 'count', rows: [], label, headers }), locale: 'zh' });
    expect(zh.body).toBe('你在“R”中的数字（计数）。\n没有符合此报表的记录。');
  });
});
