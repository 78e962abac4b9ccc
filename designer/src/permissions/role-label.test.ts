import type { AppDefinition } from '@tessera/metadata';
import { setRoleLabel } from './role-label';

const app = {
  name: 'crm', label: { en: 'CRM' }, entities: [], layouts: [],
  permissions: { roles: { sales_rep: { label: { en: 'sales_rep' }, entities: {} }, ops: { label: { en: 'Ops' }, entities: {} } } },
} as unknown as AppDefinition;

describe('role labels', () => {
  it('sets a role\'s label in both languages and leaves the other roles alone', () => {
    const next = setRoleLabel(app, 'sales_rep', { en: 'Sales rep', zh: '销售代表' });
    expect(next.permissions!.roles.sales_rep).toEqual({ label: { en: 'Sales rep', zh: '销售代表' }, entities: {} });
    expect(next.permissions!.roles.ops).toBe(app.permissions!.roles.ops);
  });

  it('falls back to the role name for an emptied English label and drops an empty Chinese one', () => {
    expect(setRoleLabel(app, 'ops', { en: '', zh: '' }).permissions!.roles.ops.label).toEqual({ en: 'ops' });
    expect(setRoleLabel(app, 'nobody', { en: 'X' })).toBe(app);
  });

});
