import type { AppDefinition } from '../app/app-types';
import { describeDependent, DEPENDENT_PHRASES } from './describe-dependent';
import { valueAt } from './describe-location';
import { DEPENDENT_KINDS, expressionNames, fieldDependents } from './field-dependents';

const l = (en: string, zh?: string) => ({ en, ...(zh ? { zh } : {}) });

/**
 * One app where the ticket's `priority` is named by every kind of dependent (and every role of
 * each kind). The index does not judge types, so one field stands for them all.
 */
const app: AppDefinition = {
  name: 'crm', label: l('CRM'),
  entities: [
    {
      type: 'object', 'x-name': 'ticket', 'x-plural': 'tickets', 'x-label': l('Ticket', '工单'), 'x-display-field': 'priority',
      'x-indexes': [['priority', '-title']],
      'x-rules': [{ id: 'urgent_has_title', expr: 'priority != "high" || title != null', message: l('Say why') }, { id: 'about', expr: 'true', message: l('x'), fields: ['priority'] }],
      'x-pool': { ownerField: 'owner', returnAfterDays: 7, maxClaimsPerUser: 5, activityField: 'priority' },
      'x-record-types': { field: 'priority', types: { low: {}, high: {} } },
      properties: {
        priority: { 'x-id': 'f_priority', 'x-type': 'select', 'x-label': l('Priority', '优先级'), 'x-options': [{ value: 'low', label: l('Low') }, { value: 'high', label: l('High') }] },
        title: { 'x-id': 'f_title', 'x-type': 'text', 'x-label': l('Title') },
        score: { 'x-id': 'f_score', 'x-type': 'formula', 'x-label': l('Score'), 'x-formula': 'priority == "high" ? 2 : 1' },
        cost: { 'x-id': 'f_cost', 'x-type': 'currency', 'x-label': l('Cost'), 'x-currency-field': 'priority' },
        due: { 'x-id': 'f_due', 'x-type': 'date', 'x-label': l('Due'), 'x-reminder': { before: 'P1D', notify: 'priority' } },
        customer: { 'x-id': 'f_customer', 'x-type': 'relation', 'x-label': l('Customer'), 'x-relation': { entity: 'customer', kind: 'many-to-one' } },
      },
    },
    {
      type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': l('Customer', '客户'),
      properties: {
        name: { 'x-id': 'f_name', 'x-type': 'text', 'x-label': l('Name') },
        tickets: { 'x-id': 'f_tickets', 'x-type': 'relation', 'x-label': l('Tickets'), 'x-relation': { entity: 'ticket', kind: 'one-to-many', field: 'priority' } },
        top: { 'x-id': 'f_top', 'x-type': 'rollup', 'x-label': l('Top priority'), 'x-rollup': { relation: 'tickets', fn: 'max', field: 'priority' } },
      },
    },
  ],
  layouts: [{ name: 'ticket_form', kind: 'form', entity: 'ticket', sections: [{ id: 'main', label: l('Main', '主要'), fields: ['title', 'priority'], visibleWhen: { title: 'priority == "high"' } }] }],
  views: [
    { name: 'open_tickets', entity: 'ticket', label: l('Open tickets', '未结工单'), kind: 'list', columns: ['title', 'priority'], sort: ['-priority'], filter: { and: [{ priority: { eq: 'high' } }] } },
    { name: 'board', entity: 'ticket', label: l('Board'), kind: 'kanban', groupBy: 'priority', cardFields: ['priority'] },
    { name: 'customers', entity: 'customer', label: l('Customers'), kind: 'list', columns: ['name', 'tickets.priority'] },
  ],
  dashboards: [{ name: 'sales', label: l('Sales', '销售'), cards: [
    { id: 'by_priority', title: l('Open tickets by priority', '按优先级的未结工单'), entity: 'ticket', chart: 'bar', measure: 'count', group: 'priority', filter: { priority: { ne: 'low' } } },
    { id: 'sum', title: l('Priority sum'), entity: 'ticket', chart: 'number', measure: 'sum:priority' },
  ] }],
  permissions: { roles: { sales: { entities: { ticket: { actions: ['read'], fields: { priority: 'read' } } } } } } as unknown as AppDefinition['permissions'],
  workflows: [{
    name: 'ticket_flow', label: l('Ticket flow', '工单流程'), entity: 'ticket', stateField: 'priority',
    machine: { initial: 'open', states: {
      open: { label: l('Open', '打开'), on: { SUBMIT: { target: 'review', guard: { type: 'field', params: { expression: 'priority == "high"' } }, meta: { label: l('Submit', '提交') } } }, after: { '60000': { target: 'done', since: 'priority' } } },
      review: {
        on: { APPROVE: { target: 'done' }, REJECT: { target: 'open' } },
        approval: { onApproved: 'APPROVE', onRejected: 'REJECT', summary: ['priority'], steps: [
          { id: 'lead', approvers: { kind: 'field', field: 'priority' }, mode: 'any' },
          { id: 'boss', approvers: { kind: 'role', roles: ['admin'] }, mode: 'any', condition: 'priority == "high"' },
        ] },
      },
      done: { type: 'final' },
    } },
  }],
};

describe('fieldDependents', () => {
  const dependents = fieldDependents(app, 'ticket', 'priority');

  it.each(DEPENDENT_KINDS.map((kind) => [kind]))('finds a dependent of kind %s', (kind) => {
    expect(dependents.some((d) => d.kind === kind)).toBe(true);
  });

  it('covers every phrase (kind and role) the words know', () => {
    const phrases = new Set(dependents.map((d) => (d.role && DEPENDENT_PHRASES.includes(`${d.kind}:${d.role}`) ? `${d.kind}:${d.role}` : d.kind)));
    expect([...phrases].sort()).toEqual([...DEPENDENT_PHRASES].sort());
  });

  it('points at a place that exists in the app, for every dependent', () => {
    for (const d of dependents) expect({ pointer: d.pointer, found: valueAt(app, d.pointer) !== undefined }).toEqual({ pointer: d.pointer, found: true });
  });

  it.each([['en' as const, 'Priority'], ['zh' as const, '优先级']])('describes every dependent with labels, not pointers (%s)', (locale, target) => {
    for (const d of dependents) {
      const words = describeDependent(app, d, app.entities[0].properties.priority['x-label'], locale);
      expect(words).toContain(target);
      expect(words).not.toMatch(/\/(dashboards|views|entities|layouts|workflows|permissions)\//);
      expect(words).not.toMatch(/""|“”/);
    }
  });

  it('names a card in the implementer\'s words', () => {
    const card = dependents.find((d) => d.kind === 'card' && d.role === 'group')!;
    expect(describeDependent(app, card, 'Priority')).toBe('Dashboard "Sales" card "Open tickets by priority" groups by field "Priority"');
    expect(describeDependent(app, card, l('Priority', '优先级'), 'zh')).toBe('仪表盘“销售”的卡片“按优先级的未结工单”按字段“优先级”分组');
  });

  it('finds nothing for a field nothing names, and does not confuse names inside strings or after a dot', () => {
    expect(fieldDependents(app, 'ticket', 'due')).toEqual([]);
    expect(fieldDependents(app, 'customer', 'name').map((d) => d.pointer)).toEqual(['/views/2/columns']);
    expect([...expressionNames('a.priority == "priority" && $user.id != null && b')]).toEqual(['a', 'b']);
  });

  it('finds a field named inside an approval step\'s "any of" rules', () => {
    const union = structuredClone(app);
    union.workflows![0].machine.states.review.approval!.steps[0].approvers = { kind: 'any', of: [{ kind: 'role', roles: ['admin'] }, { kind: 'field', field: 'priority' }] };
    expect(fieldDependents(union, 'ticket', 'priority').filter((d) => d.kind === 'approval' && d.role === 'approver').map((d) => d.step)).toEqual(['lead']);
    union.workflows![0].machine.states.review.approval!.steps[0].approvers = { kind: 'any', of: [{ kind: 'role', roles: ['admin'] }, { kind: 'manager' }] };
    expect(fieldDependents(union, 'ticket', 'priority').filter((d) => d.kind === 'approval' && d.role === 'approver')).toEqual([]);
  });
});

describe('fieldDependents of a rollup over matching records', () => {
  const targets: AppDefinition = {
    name: 'crm', label: l('CRM'), layouts: [],
    entities: [
      {
        type: 'object', 'x-name': 'target', 'x-plural': 'targets', 'x-label': l('Target'),
        properties: {
          assignee: { 'x-id': 'f_as', 'x-type': 'user', 'x-label': l('Salesperson') },
          year: { 'x-id': 'f_y', 'x-type': 'number', 'x-label': l('Year') },
          month: { 'x-id': 'f_m', 'x-type': 'number', 'x-label': l('Month') },
          achieved: { 'x-id': 'f_ach', 'x-type': 'rollup', 'x-label': l('Achieved'), 'x-rollup': { entity: 'payment', match: { field: 'credited_to', equals: 'assignee' }, period: { date: 'received_on', year: 'year', month: 'month' }, fn: 'sum', field: 'amount' } },
        },
      },
      {
        type: 'object', 'x-name': 'payment', 'x-plural': 'payments', 'x-label': l('Payment'),
        properties: {
          amount: { 'x-id': 'f_a', 'x-type': 'number', 'x-label': l('Amount') },
          credited_to: { 'x-id': 'f_cr', 'x-type': 'user', 'x-label': l('Credited to') },
          received_on: { 'x-id': 'f_ro', 'x-type': 'date', 'x-label': l('Received on') },
        },
      },
    ],
  };
  const pointers = (entity: string, name: string) => fieldDependents(targets, entity, name).map((d) => [d.kind, d.pointer]);
  const at = '/entities/0/properties/achieved/x-rollup';

  it('finds the match, period and value fields on both sides', () => {
    expect(pointers('target', 'assignee')).toEqual([['rollup', `${at}/match/equals`]]);
    expect(pointers('target', 'month')).toEqual([['rollup', `${at}/period/month`]]);
    expect(pointers('payment', 'credited_to')).toEqual([['rollup', `${at}/match/field`]]);
    expect(pointers('payment', 'received_on')).toEqual([['rollup', `${at}/period/date`]]);
    expect(pointers('payment', 'amount')).toEqual([['rollup', `${at}/field`]]);
  });
});

describe('fieldDependents: record types', () => {
  it('lists the type field and the types that list or require the field, in words', () => {
    const l = (en: string) => ({ en });
    const app = {
      name: 'crm', label: l('CRM'), layouts: [],
      entities: [{ type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': l('Customer'),
        'x-record-types': { field: 'kind', types: { end: {}, dist: { fields: ['territory'], required: ['territory'] } } },
        properties: {
          kind: { 'x-id': 'k', 'x-type': 'select', 'x-label': l('Kind'), 'x-options': [{ value: 'end', label: l('End') }, { value: 'dist', label: l('Distributor') }] },
          territory: { 'x-id': 't', 'x-type': 'text', 'x-label': l('Territory') },
        } }],
    } as unknown as Parameters<typeof fieldDependents>[0];
    expect(fieldDependents(app, 'customer', 'kind').map((d) => [d.kind, d.pointer])).toEqual([['record-type', '/entities/0/x-record-types/field']]);
    const territory = fieldDependents(app, 'customer', 'territory');
    expect(territory.map((d) => [d.kind, d.pointer])).toEqual([['record-type', '/entities/0/x-record-types/types/dist']]);
    expect(describeDependent(app, territory[0], l('Territory'))).toBe('The record types of "Customer" use field "Territory"');
  });
});
