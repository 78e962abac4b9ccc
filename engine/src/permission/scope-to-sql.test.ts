import knexFactory from 'knex';
import type { EntityAccess, ScopeSubject } from './permission-types';
import { scopeToSql } from './scope-to-sql';

const knex = knexFactory({ client: 'pg' });
const subject: ScopeSubject = { id: 'u1', username: 'ann', departmentId: 'd1', managerId: null };
const access = (scope: EntityAccess['scope']): EntityAccess => ({ entity: 'customer', actions: new Set(['read']), scope, hidden: new Set(), readOnly: new Set() });
const sql = (a: EntityAccess, s: ScopeSubject = subject, opts: Partial<Parameters<typeof scopeToSql>[2]> = {}) => {
  const where = scopeToSql(a, s, { qualifier: 't0', mode: 'read', ...opts });
  return knex('app.customer as t0').select('t0.id').modify(where!).toSQL().toNative();
};

describe('scopeToSql', () => {
  it('adds nothing for scope all', () => {
    expect(scopeToSql(access('all'), subject, { qualifier: 't0', mode: 'read' })).toBeUndefined();
  });

  it('own: the owner column bound to the user, plus records shared with them or their teams', () => {
    const { sql: text, bindings } = sql(access([{ kind: 'own' }]));
    expect(text).toContain('"t0"."owner" = $1');
    expect(text).toContain('tessera.record_shares');
    expect(text).not.toContain("s.access = 'edit'");
    expect(bindings).toEqual(['u1', 'customer', 'u1', 'u1']);
  });

  it('write mode needs an edit share; the bookkeeping schema is configurable', () => {
    const { sql: text } = sql(access([{ kind: 'own' }]), subject, { mode: 'write', bookkeepingSchema: 'bk' });
    expect(text).toContain("s.access = 'edit'");
    expect(text).toContain('bk.record_shares');
  });

  it('department: the subtree of the user department, bound; without a department, only own', () => {
    const { sql: text, bindings } = sql(access([{ kind: 'department' }]));
    // The precomputed closure, one index range: no recursive walk per query (ADR 0018).
    expect(text).toContain('"t0"."owner" in (select m.user_id from tessera.department_members m where m.department_id = $1)');
    expect(text).not.toContain('with recursive');
    expect(bindings[0]).toBe('d1');
    const lone = sql(access([{ kind: 'department' }]), { ...subject, departmentId: null });
    expect(lone.sql).not.toContain('department_members');
    expect(lone.sql).toContain('"t0"."owner" = $1');
  });

  it('team: members of any team the user is in', () => {
    const { sql: text, bindings } = sql(access([{ kind: 'team' }]));
    expect(text).toContain('team_members m');
    expect(bindings[0]).toBe('u1');
  });

  it('expressions compile to bound comparisons; == null is "is null", != keeps nulls, empty in is false', () => {
    const cond = {
      or: [
        { op: '==' as const, left: { field: 'level' }, right: { value: "A'; drop table x; --" } },
        { op: '==' as const, left: { field: 'owner' }, right: { user: 'managerId' as const } },
        { op: '!=' as const, left: { field: 'level' }, right: { value: 'C' } },
        { op: 'in' as const, left: { field: 'level' }, right: { values: [] } },
        { not: { field: 'vip' } },
      ],
    };
    const { sql: text, bindings } = sql(access([{ kind: 'expression', condition: cond }]));
    expect(text).not.toContain('drop table');
    expect(bindings).toContain("A'; drop table x; --");
    expect(text).toContain('"t0"."owner" is null');
    expect(text).toContain('is distinct from');
    expect(text).toContain('false');
    expect(text).toContain('not ("t0"."vip" = ');
  });

  it('a scope that did not compile grants nothing; scopes are ORed', () => {
    const { sql: text } = sql(access([{ kind: 'none' }, { kind: 'own' }]));
    expect(text).toMatch(/\(false\) or \("t0"."owner" = \$1\)/);
  });

  it('pool: reading also sees unowned records, writing never does', () => {
    expect(sql(access([{ kind: 'own' }]), subject, { pool: true }).sql).toContain('or "t0"."owner" is null');
    expect(sql(access([{ kind: 'own' }]), subject, { pool: true, mode: 'write' }).sql).not.toContain('is null');
  });
});

describe('scopeToSql: controlled by parent', () => {
  /** A user's accesses by entity, resolving each other as resolvePermissions does. */
  function accesses(defs: Record<string, { scope: EntityAccess['scope']; actions?: string[] }>): (name: string) => EntityAccess {
    const byName = new Map<string, EntityAccess>();
    const related = (name: string) => byName.get(name) ?? { entity: name, actions: new Set(), scope: [], hidden: new Set(), readOnly: new Set(), related };
    for (const [name, def] of Object.entries(defs)) {
      byName.set(name, { entity: name, actions: new Set((def.actions ?? ['read']) as never[]), scope: def.scope, hidden: new Set(), readOnly: new Set(), table: `app_crm.${name}`, related });
    }
    return related;
  }
  const parent = (field: string, entity: string, pooled = false) => ({ kind: 'parent' as const, field, entity, pooled });
  const ticketSql = (of: (name: string) => EntityAccess, mode: 'read' | 'write' = 'read') => {
    const where = scopeToSql(of('ticket'), subject, { qualifier: 't0', mode })!;
    return knex('app_crm.ticket as t0').select('t0.id').modify(where).toSQL().toNative();
  };

  it('one subquery over the parent table with the parent scope inside, every value bound', () => {
    const { sql: text, bindings } = ticketSql(accesses({ ticket: { scope: [parent('customer', 'customer')] }, customer: { scope: [{ kind: 'own' }] } }));
    expect(text).toContain('"t0"."customer" in (select "scope_p1"."id" from "app_crm"."customer" as "scope_p1" where (("scope_p1"."owner" = $1) or "scope_p1"."id" in (select s.record_id from tessera.record_shares s where s.entity = $2 and');
    // The ticket's own shares are still ORed in beside the parent scope.
    expect(text).toMatch(/\) or "t0"."id" in \(select s.record_id from tessera.record_shares s where s.entity = \$\d/);
    expect(bindings).toEqual(['u1', 'customer', 'u1', 'u1', 'ticket', 'u1', 'u1']);
  });

  it('a write needs the parent in its write scope (an edit share), a read any share', () => {
    const of = accesses({ ticket: { scope: [parent('customer', 'customer')] }, customer: { scope: [{ kind: 'department' }] } });
    const write = ticketSql(of, 'write').sql;
    expect(write.match(/s\.access = 'edit'/g)).toHaveLength(2);
    expect(write).toContain('"scope_p1"."owner" in (select m.user_id from tessera.department_members m where m.department_id = $1)');
    expect(ticketSql(of).sql).not.toContain("s.access = 'edit'");
  });

  it('scope all on the parent: every child that has a parent; no read on the parent: nothing', () => {
    expect(ticketSql(accesses({ ticket: { scope: [parent('customer', 'customer')] }, customer: { scope: 'all' } })).sql).toContain('(("t0"."customer" is not null) or "t0"."id" in');
    expect(ticketSql(accesses({ ticket: { scope: [parent('customer', 'customer')] }, customer: { scope: 'all', actions: ['create'] } })).sql).toContain('((false) or "t0"."id" in');
    expect(ticketSql(accesses({ ticket: { scope: [parent('customer', 'customer')] } })).sql).toContain('((false) or "t0"."id" in');
  });

  it('recurses through a chain, one alias per level, and ORs with other scopes', () => {
    const of = accesses({
      ticket: { scope: [{ kind: 'own' }, parent('contact', 'contact')] },
      contact: { scope: [parent('customer', 'customer')] },
      customer: { scope: [{ kind: 'expression', condition: { op: '==', left: { field: 'level' }, right: { value: 'A' } } }] },
    });
    const { sql: text, bindings } = ticketSql(of);
    expect(text).toContain('("t0"."owner" = $1) or ("t0"."contact" in (select "scope_p1"."id" from "app_crm"."contact" as "scope_p1" where (("scope_p1"."customer" in (select "scope_p2"."id" from "app_crm"."customer" as "scope_p2" where (("scope_p2"."level" = $2)');
    expect(bindings.slice(0, 2)).toEqual(['u1', 'A']);
  });

  it('a cycle (refused at publish) or an access without its resolver grants nothing instead of recursing', () => {
    const cyclic = accesses({ ticket: { scope: [parent('customer', 'customer')] }, customer: { scope: [parent('main_ticket', 'ticket')] } });
    const text = ticketSql(cyclic).sql;
    // customer's own parent scope would lead back to ticket: that step is false, its shares remain.
    expect(text).toContain('"t0"."customer" in (select "scope_p1"."id" from "app_crm"."customer" as "scope_p1" where ((false) or "scope_p1"."id" in');
    const bare = { ...cyclic('ticket'), related: undefined };
    expect(knex('t').modify(scopeToSql(bare, subject, { qualifier: 't0', mode: 'read' })!).toSQL().sql).toContain('((false) or');
  });

  it('a pooled parent: claimers read the unowned parents\' children, never write them', () => {
    const of = accesses({ ticket: { scope: [parent('customer', 'customer', true)] }, customer: { scope: [{ kind: 'own' }], actions: ['read', 'claim'] } });
    expect(ticketSql(of).sql).toContain('or "scope_p1"."owner" is null');
    expect(ticketSql(of, 'write').sql).not.toContain('is null');
    const onlyClaim = accesses({ ticket: { scope: [parent('customer', 'customer', true)] }, customer: { scope: [{ kind: 'own' }], actions: ['claim'] } });
    expect(ticketSql(onlyClaim).sql).toContain('"t0"."customer" in (select "scope_p1"."id" from "app_crm"."customer" as "scope_p1" where "scope_p1"."owner" is null)');
  });
});
