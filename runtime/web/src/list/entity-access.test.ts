import type { AppDefinition } from '@tessera/metadata';
import { entityAccess } from './entity-access';

const app = {
  permissions: {
    roles: {
      rep: { label: { en: 'Rep' }, entities: { customer: { actions: ['read', 'update'], scope: 'own', fields: { rating: 'read', secret: 'hidden' } } } },
      boss: { label: { en: 'Boss' }, entities: { customer: { actions: ['read', 'delete'], scope: 'all', fields: { rating: 'write' } } } },
    },
  },
} as unknown as AppDefinition;

describe('entityAccess', () => {
  it('unions the actions of the roles and keeps the most open field access', () => {
    const rep = entityAccess(app, ['rep'], 'customer');
    expect([rep.can('update'), rep.can('delete'), rep.writable('rating'), rep.writable('secret'), rep.writable('name')]).toEqual([true, false, false, false, true]);
    const both = entityAccess(app, ['rep', 'boss'], 'customer');
    expect([both.can('delete'), both.writable('rating')]).toEqual([true, true]);
  });

  it('grants nothing on an unlisted entity or role, everything to admins and apps without permissions', () => {
    expect(entityAccess(app, ['rep'], 'order').can('read')).toBe(false);
    expect(entityAccess(app, ['nobody'], 'customer').can('read')).toBe(false);
    expect(entityAccess(app, ['admin'], 'order').can('delete')).toBe(true);
    expect(entityAccess({} as AppDefinition, [], 'order').writable('x')).toBe(true);
  });
});
