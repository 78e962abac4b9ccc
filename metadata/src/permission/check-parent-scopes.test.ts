import type { AppDefinition, EntityPermission, FieldDefinition } from '../index';
import { validateApp } from '../validation/validate-app';

const field = (id: string, type: string, extra: Record<string, unknown> = {}) => ({ 'x-id': id, 'x-type': type, 'x-label': { en: id }, ...extra }) as unknown as FieldDefinition;
const toOne = (id: string, entity: string) => field(id, 'relation', { 'x-relation': { entity, kind: 'many-to-one' } });
const entity = (name: string, properties: Record<string, FieldDefinition>) => ({ type: 'object' as const, 'x-name': name, 'x-plural': `${name}s`, 'x-label': { en: name }, properties });

/** customer ← ticket → contact; a customer may name its main ticket (a relation back) and its group (itself). */
function app(roles: Record<string, Record<string, EntityPermission>>): AppDefinition {
  return {
    name: 'crm',
    label: { en: 'CRM' },
    layouts: [],
    entities: [
      entity('customer', { name: field('c1', 'text'), main_ticket: toOne('c2', 'ticket'), group: toOne('c3', 'customer') }),
      entity('contact', { name: field('k1', 'text'), customer: toOne('k2', 'customer') }),
      entity('ticket', { subject: field('t1', 'text'), customer: toOne('t2', 'customer'), contact: toOne('t3', 'contact') }),
    ],
    permissions: { roles: Object.fromEntries(Object.entries(roles).map(([role, entities]) => [role, { label: { en: role }, entities }])) },
  };
}
const errors = (a: AppDefinition) => {
  const result = validateApp(a);
  return result.ok ? [] : result.errors.map((e) => `${e.code} ${e.pointer} ${e.message} | ${e.hint}`);
};
const read = (scope: EntityPermission['scope']): EntityPermission => ({ actions: ['read', 'create'], scope });

describe('parent scopes at publish', () => {
  it('accepts a many-to-one field whose parent the role reads, also in a chain', () => {
    expect(errors(app({ rep: { customer: read('own'), ticket: read({ parent: 'customer' }) } }))).toEqual([]);
    expect(errors(app({ rep: { customer: read('department'), contact: read({ parent: 'customer' }), ticket: read({ parent: 'contact' }) } }))).toEqual([]);
  });

  it('refuses a field that does not exist, guessing the name and listing the relations', () => {
    expect(errors(app({ rep: { customer: read('own'), ticket: read({ parent: 'custmer' }) } }))).toEqual([
      'permission-parent-invalid /permissions/roles/rep/entities/ticket/scope/parent The role "rep" sees ticket records through "custmer", which is not a field of entity "ticket". | Did you mean "customer"? Name a many-to-one relation field of entity "ticket": customer, contact.',
    ]);
  });

  it('refuses a field that is not a many-to-one relation', () => {
    expect(errors(app({ rep: { customer: read('own'), ticket: read({ parent: 'subject' }) } }))).toEqual([
      'permission-parent-invalid /permissions/roles/rep/entities/ticket/scope/parent The role "rep" sees ticket records through "subject", which is not a many-to-one relation of entity "ticket". | Name a many-to-one relation field of entity "ticket": customer, contact.',
    ]);
  });

  it('refuses a parent the role may not read', () => {
    const noRead = { ...read('own'), actions: ['create' as const] };
    const cases: Record<string, Record<string, EntityPermission>>[] = [{ rep: { ticket: read({ parent: 'customer' }) } }, { rep: { customer: noRead, ticket: read({ parent: 'customer' }) } }];
    for (const roles of cases) {
      expect(errors(app(roles))).toEqual([
        'permission-parent-invalid /permissions/roles/rep/entities/ticket/scope/parent The role "rep" sees ticket records through "customer", but may not read entity "customer" itself. | Grant the role read on customer (its scope there decides which ticket records it sees), or give ticket a scope of its own.',
      ]);
    }
  });

  it('refuses a cycle of parent scopes, also across roles, once, naming each step', () => {
    const cycle = errors(app({ rep: { customer: read('own'), ticket: read({ parent: 'customer' }) }, odd: { ticket: read('all'), customer: read({ parent: 'main_ticket' }) } }));
    expect(cycle).toEqual([
      'permission-parent-cycle /permissions/roles/rep/entities/ticket/scope/parent The parent scopes form a cycle: entity "ticket" through "customer" (role "rep") → entity "customer" through "main_ticket" (role "odd") → back to entity "ticket". | A record cannot be visible because of itself: give one of these roles a scope of its own there (own, team, department, all or an expression).',
    ]);
    const longer = errors(app({ rep: { customer: read({ parent: 'main_ticket' }), contact: read({ parent: 'customer' }), ticket: read({ parent: 'contact' }) } }));
    expect(longer).toHaveLength(1);
    // A hierarchy through itself (a customer seen through its group) would recurse without end.
    expect(errors(app({ rep: { customer: read({ parent: 'group' }) } }))[0]).toContain('cycle: entity "customer" through "group" (role "rep") → back to entity "customer"');
    expect(longer[0]).toContain('entity "customer" through "main_ticket" (role "rep") → entity "ticket" through "contact" (role "rep") → entity "contact" through "customer" (role "rep") → back to entity "customer"');
  });

  it('refuses a scope object that is neither an expression nor a parent', () => {
    const bad = errors(app({ rep: { customer: read('own'), ticket: read({ parent: 'customer', expression: 'x' } as unknown as EntityPermission['scope']) } }));
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.every((e) => e.includes('/permissions/roles/rep/entities/ticket/scope'))).toBe(true);
  });
});
