import type { AppDefinition } from '@tessera/metadata';
import { resolvePermissions } from './resolve-permissions';

const app = {
  name: 't',
  label: { en: 'T' },
  entities: [{ type: 'object', 'x-name': 'customer', 'x-plural': 'customers', 'x-label': { en: 'C' }, properties: { name: { 'x-id': 'a', 'x-type': 'text', 'x-label': { en: 'N' } }, secret: { 'x-id': 'b', 'x-type': 'text', 'x-label': { en: 'S' } }, level: { 'x-id': 'c', 'x-type': 'text', 'x-label': { en: 'L' } } } }],
  layouts: [],
  permissions: {
    roles: {
      rep: { label: { en: 'Rep' }, entities: { customer: { actions: ['read', 'update'], scope: 'own', fields: { secret: 'hidden', level: 'read' } } } },
      viewer: { label: { en: 'Viewer' }, entities: { customer: { actions: ['read', 'claim'], scope: 'all', fields: { secret: 'read' } } } },
      expr: { label: { en: 'Expr' }, entities: { customer: { actions: ['read'], scope: { expression: 'level == "A"' } } } },
      broken: { label: { en: 'Broken' }, entities: { customer: { actions: ['read'], scope: { expression: 'nope == 1' } } } },
    },
  },
} as unknown as AppDefinition;

describe('resolvePermissions', () => {
  it('admin and apps without permissions are unrestricted', () => {
    expect(resolvePermissions(app, { roles: ['admin'] }).unrestricted).toBe(true);
    const open = resolvePermissions({ ...app, permissions: undefined }, { roles: [] });
    expect(open.unrestricted).toBe(true);
    expect(open.entity('customer').scope).toBe('all');
  });

  it('denies what no role grants', () => {
    const none = resolvePermissions(app, { roles: ['stranger'] }).entity('customer');
    expect(none.actions.size).toBe(0);
    expect(none.scope).toEqual([]);
    expect(resolvePermissions(app, { roles: ['toString'] }).entity('customer').actions.size).toBe(0);
  });

  it('one role: actions, scope and field access as listed', () => {
    const rep = resolvePermissions(app, { roles: ['rep'] }).entity('customer');
    expect([...rep.actions].sort()).toEqual(['read', 'update']);
    expect(rep.scope).toEqual([{ kind: 'own' }]);
    expect([...rep.hidden]).toEqual(['secret']);
    expect([...rep.readOnly]).toEqual(['level']);
  });

  it('several roles merge: union of actions, scope all wins, the most open field access', () => {
    const both = resolvePermissions(app, { roles: ['rep', 'viewer'] }).entity('customer');
    expect([...both.actions].sort()).toEqual(['claim', 'read', 'update']);
    expect(both.scope).toBe('all');
    expect(both.hidden.size).toBe(0);
    // secret: hidden ∪ read = read; level: read ∪ (unlisted = write) = write.
    expect([...both.readOnly]).toEqual(['secret']);
  });

  it('compiles expression scopes and fails closed on one that does not compile', () => {
    const merged = resolvePermissions(app, { roles: ['expr', 'broken', 'rep'] }).entity('customer');
    expect(merged.scope).toEqual([{ kind: 'expression', condition: { op: '==', left: { field: 'level' }, right: { value: 'A' } } }, { kind: 'none' }, { kind: 'own' }]);
  });

  it('compiles a parent scope to the relation\'s target; the parent\'s access comes from the same roles, its table from the schema', () => {
    const withTickets = {
      ...app,
      entities: [
        { ...app.entities[0], 'x-pool': { claimLimit: 5 } },
        { type: 'object', 'x-name': 'ticket', 'x-plural': 'tickets', 'x-label': { en: 'T' }, properties: { subject: { 'x-id': 't1', 'x-type': 'text', 'x-label': { en: 'S' } }, customer: { 'x-id': 't2', 'x-type': 'relation', 'x-label': { en: 'C' }, 'x-relation': { entity: 'customer', kind: 'many-to-one' } } } },
      ],
      permissions: {
        roles: {
          ...app.permissions!.roles,
          rep: { ...app.permissions!.roles.rep, entities: { ...app.permissions!.roles.rep.entities, ticket: { actions: ['read', 'create'], scope: { parent: 'customer' } } } },
          typo: { label: { en: 'Typo' }, entities: { ticket: { actions: ['read'], scope: { parent: 'subject' } } } },
        },
      },
    } as unknown as AppDefinition;
    const rep = resolvePermissions(withTickets, { roles: ['rep'] }, { schema: 'app_t' });
    const ticket = rep.entity('ticket');
    expect(ticket.scope).toEqual([{ kind: 'parent', field: 'customer', entity: 'customer', pooled: true }]);
    expect(ticket.table).toBe('app_t.ticket');
    expect(ticket.related!('customer')).toBe(rep.entity('customer'));
    expect(rep.entity('customer').scope).toEqual([{ kind: 'own' }]);
    // A field that is not a many-to-one relation (publish refuses it) grants nothing.
    expect(resolvePermissions(withTickets, { roles: ['typo'] }).entity('ticket').scope).toEqual([{ kind: 'none' }]);
    expect(resolvePermissions(withTickets, { roles: ['typo'] }).entity('ticket').table).toBeUndefined();
  });
});
