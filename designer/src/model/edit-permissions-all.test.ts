import { PERMISSION_ACTIONS, type AppDefinition } from '@tessera/metadata';
import { addRole, toggleAction, toggleAllActions } from './edit-permissions';

const app: AppDefinition = { name: 'crm', label: { en: 'CRM' }, layouts: [], entities: [] };

describe('toggleAllActions', () => {
  it('grants every action, then revokes them all (dropping the entry)', () => {
    const withRole = addRole(app, 'manager', { en: 'Manager' });
    const all = toggleAllActions(toggleAction(withRole, 'manager', 'bid', 'read'), 'manager', 'bid');
    expect(all.permissions!.roles.manager.entities.bid.actions).toEqual([...PERMISSION_ACTIONS]);
    const none = toggleAllActions(all, 'manager', 'bid');
    expect(none.permissions!.roles.manager.entities).toEqual({});
  });
});
