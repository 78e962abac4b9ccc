import type { AppDefinition } from '@tessera/metadata';
import { addRole, setFieldAccess, setScope, toggleAction } from './edit-permissions';

const app = {
  name: 'a', label: { en: 'A' }, entities: [], layouts: [],
  permissions: { roles: { rep: { label: { en: 'Rep' }, entities: { quote: { actions: ['read', 'create'], scope: 'own' } } } } },
} as unknown as AppDefinition;
const quote = (x: AppDefinition) => x.permissions!.roles.rep.entities.quote;

describe('edit-permissions', () => {
  it('toggles actions in canonical order and drops an entry with none left', () => {
    expect(quote(toggleAction(app, 'rep', 'quote', 'export')).actions).toEqual(['read', 'create', 'export']);
    expect(quote(toggleAction(toggleAction(app, 'rep', 'quote', 'read'), 'rep', 'quote', 'create'))).toBeUndefined();
    expect(toggleAction(app, 'rep', 'lead', 'read').permissions!.roles.rep.entities.lead).toEqual({ actions: ['read'], scope: 'own' });
  });

  it('sets scope and field access, and adds roles', () => {
    expect(quote(setScope(app, 'rep', 'quote', 'team')).scope).toBe('team');
    const hidden = setFieldAccess(app, 'rep', 'quote', 'total', 'hidden');
    expect(quote(hidden).fields).toEqual({ total: 'hidden' });
    expect(quote(setFieldAccess(hidden, 'rep', 'quote', 'total', 'default'))).not.toHaveProperty('fields');
    expect(Object.keys(addRole(app, 'ops', { en: 'Ops' }).permissions!.roles)).toEqual(['rep', 'ops']);
  });
});
