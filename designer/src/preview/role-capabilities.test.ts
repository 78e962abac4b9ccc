import type { AppDefinition } from '@tessera/metadata';
import { roleEntity, roleView } from './role-capabilities';

const l = (en: string) => ({ en });
const app: AppDefinition = {
  name: 'crm', label: l('CRM'), layouts: [],
  entities: [
    { type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': l('Deal'), properties: {
      title: { 'x-id': 'f1', 'x-type': 'text', 'x-label': l('Title') },
      margin: { 'x-id': 'f2', 'x-type': 'number', 'x-label': l('Margin') },
      stage: { 'x-id': 'f3', 'x-type': 'select', 'x-label': l('Stage'), 'x-options': [{ value: 'open', label: l('Open') }, { value: 'won', label: l('Won') }] },
    } },
    { type: 'object', 'x-name': 'invoice', 'x-plural': 'invoices', 'x-label': l('Invoice'), properties: { no: { 'x-id': 'f4', 'x-type': 'text', 'x-label': l('No') } } },
  ],
  dashboards: [{ name: 'sales', label: l('Sales'), cards: [{ id: 'c', title: l('By stage'), entity: 'deal', chart: 'bar', measure: 'count', group: 'stage' }] },
    { name: 'money', label: l('Money'), cards: [{ id: 'm', title: l('Invoices'), entity: 'invoice', chart: 'number', measure: 'count' }] }],
  workflows: [{ name: 'deal_flow', entity: 'deal', stateField: 'stage', machine: { initial: 'open', states: {
    open: { on: { WIN: { target: 'won' }, FORCE: { target: 'won', meta: { roles: ['manager'] } } } }, won: { type: 'final' } } } }],
  permissions: { roles: {
    sales: { entities: { deal: { actions: ['read', 'create', 'update', 'transition'], scope: 'own', fields: { margin: 'hidden', title: 'read' } } } },
    manager: { entities: { deal: { actions: ['read', 'update', 'delete', 'transition'], scope: 'all' }, invoice: { actions: ['read'], scope: 'all' } } },
  } } as unknown as AppDefinition['permissions'],
};

describe('roleView', () => {
  it('shows a role its menu, buttons, fields and events from the draft permissions', () => {
    const sales = roleView(app, 'sales');
    expect(sales.menu).toEqual(['deal']);
    expect(sales.dashboards).toEqual(['sales']);
    expect(sales.entities.deal).toEqual({ actions: ['read', 'create', 'update', 'transition'], scope: 'some', hidden: ['margin'], readOnly: ['title'] });
    expect(sales.entities.invoice.actions).toEqual([]);
    expect(sales.events.deal).toEqual(['WIN']);
    expect(Object.keys(roleEntity(app.entities[0], sales).properties)).toEqual(['title', 'stage']);
  });

  it('differs by role, and admin sees everything', () => {
    const manager = roleView(app, 'manager');
    expect(manager.menu).toEqual(['deal', 'invoice']);
    expect(manager.dashboards).toEqual(['sales', 'money']);
    expect(manager.events.deal).toEqual(['WIN', 'FORCE']);
    expect(manager.entities.deal.scope).toBe('all');
    const admin = roleView(app, 'admin');
    expect(admin.entities.invoice.actions.length).toBeGreaterThan(5);
    expect(admin.menu).toEqual(['deal', 'invoice']);
  });
});
