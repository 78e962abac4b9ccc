import { entityAccess } from './entity-access';

describe('entityAccess', () => {
  it('allows the actions the capabilities list and fields neither hidden nor read-only', () => {
    const rep = entityAccess({ actions: ['read', 'update'], scope: 'own', hidden: ['secret'], readOnly: ['rating'] });
    expect([rep.can('read'), rep.can('update'), rep.can('delete')]).toEqual([true, true, false]);
    expect([rep.writable('rating'), rep.writable('secret'), rep.writable('name')]).toEqual([false, false, true]);
  });

  it('allows nothing before the capabilities are known or for an entity they do not list', () => {
    const none = entityAccess(undefined);
    expect([none.can('read'), none.writable('name')]).toEqual([false, false]);
  });
});
