import type { CompiledEntity } from '../meta/compile-app-state';
import { insertOneSql, updateOneSql } from './one-statement-sql';

const entity = (softDelete: boolean) => ({ schema: 'app_crm', table: 'customer', entity: { 'x-soft-delete': softDelete } }) as unknown as CompiledEntity;
const audit = { actorId: 'u1', requestId: 'r1' };

describe('one-statement SQL', () => {
  it('binds every value and quotes every identifier of an insert', () => {
    const { sql, bindings } = insertOneSql(entity(false), { name: "O'Brien\"; drop table x; --", 'odd"col': 3, skipped: undefined }, { id: 'i1', userId: 'u1', audit });
    expect(sql).toBe('insert into "app_crm"."customer" ("name", "odd""col", "id", "version", "created_at", "updated_at", "created_by", "owner") values ($1, $2, $3, tessera.audit_context($4, $5, $6), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, $7, $8) returning *');
    expect(bindings).toEqual(["O'Brien\"; drop table x; --", 3, 'i1', 'u1', 'r1', '', 'u1', 'u1']);
  });

  it('leaves the audit context to the transaction when it has one', () => {
    const { sql, bindings } = insertOneSql(entity(false), { name: 'A' }, { id: 'i1', userId: 'u1' });
    expect(sql).toContain('values ($1, $2, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, $3, $4)');
    expect(bindings).toEqual(['A', 'i1', 'u1', 'u1']);
  });

  it('updates only the live row at the expected version', () => {
    const { sql, bindings } = updateOneSql(entity(true), 'i1', { annual_revenue: 5 }, 4, { ...audit, action: 'transfer' });
    expect(sql).toBe('update "app_crm"."customer" set "annual_revenue" = $1, "version" = "version" + tessera.audit_context($2, $3, $4), "updated_at" = CURRENT_TIMESTAMP where "id" = $5 and "version" = $6 and "deleted_at" is null returning *');
    expect(bindings).toEqual([5, 'u1', 'r1', 'transfer', 'i1', 4]);
    expect(updateOneSql(entity(false), 'i1', { a: 1 }, undefined, audit).sql).toMatch(/where "id" = \$5 returning \*$/);
  });

  it('adds currency guards to the WHERE, and leaves the audit context to a transaction', () => {
    const { sql, bindings } = updateOneSql(entity(false), 'i1', { amount: 9 }, undefined, undefined, [{ column: 'amount_code', mustBeNull: false }, { column: 'odd"col', mustBeNull: true }]);
    expect(sql).toBe('update "app_crm"."customer" set "amount" = $1, "version" = "version" + 1, "updated_at" = CURRENT_TIMESTAMP where "id" = $2 and "amount_code" is not null and "odd""col" is null returning *');
    expect(bindings).toEqual([9, 'i1']);
  });
});
