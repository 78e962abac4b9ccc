import type { AppDefinition } from '@tessera/metadata';
import { placeWords, problemWords } from './problem-words';

const l = (en: string, zh?: string) => ({ en, ...(zh ? { zh } : {}) });
const published: AppDefinition = {
  name: 'crm', label: l('CRM'), layouts: [],
  entities: [{ type: 'object', 'x-name': 'ticket', 'x-plural': 'tickets', 'x-label': l('Ticket', '工单'), properties: {
    title: { 'x-id': 'f_title', 'x-type': 'text', 'x-label': l('Title', '标题') },
    priority: { 'x-id': 'f_priority', 'x-type': 'select', 'x-label': l('Priority', '优先级'), 'x-options': [{ value: 'low', label: l('Low') }] },
  } }],
  views: [{ name: 'open', entity: 'ticket', label: l('Open tickets', '未结工单'), kind: 'list', columns: ['title'] }],
  dashboards: [{ name: 'sales', label: l('Sales', '销售'), cards: [{ id: 'c1', title: l('Open tickets by priority', '按优先级'), entity: 'ticket', chart: 'bar', measure: 'count', group: 'priority' }] }],
};
const { priority: _gone, ...rest } = published.entities[0].properties;
const draft: AppDefinition = { ...published, entities: [{ ...published.entities[0], properties: rest }] };
const suffix = (label: string) => `(deleted: ${label})`;

describe('problemWords', () => {
  it('names a dependent of a deleted field by labels', () => {
    expect(problemWords('/dashboards/0/cards/0/group', published, draft, 'en', suffix)).toBe('Dashboard "Sales" card "Open tickets by priority" groups by field "Priority" (deleted: Priority)');
    expect(problemWords('/dashboards/0/cards/0/group', published, draft, 'zh', suffix)).toBe('仪表盘“销售”的卡片“按优先级”按字段“优先级”分组 (deleted: 优先级)');
  });

  it('falls back to the labelled place, never a pointer', () => {
    expect(placeWords(draft, '/views/0/columns/0', 'en')).toBe('View "Open tickets"');
    expect(placeWords(draft, '/entities/0/properties/title/x-label', 'zh')).toBe('“工单”的字段“标题”');
    expect(problemWords('/dashboards/0/cards/0/measure', undefined, draft, 'en', suffix)).toBe('Dashboard "Sales" card "Open tickets by priority"');
    expect(problemWords('/nowhere/1', published, draft, 'en', suffix)).toBeUndefined();
  });
});
