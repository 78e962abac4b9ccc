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
