import type { Knex } from 'knex';
import type { CompiledScope, EntityAccess, ScopeCondition, ScopeOperand, ScopeSubject } from './permission-types';

export interface ScopeSqlOptions {
  /** The table reference the columns are qualified with: the list's alias `t0`, or the table name. */
  qualifier: string;
  /** Reading needs any share; writing needs an `edit` share. */
  mode: 'read' | 'write';
  /** Where Tessera's bookkeeping tables live. */
  bookkeepingSchema?: string;
  /**
   * The entity has a public pool and the user may claim from it: reading also sees records
   * with no owner (the pool). Never for writing — a pooled record is taken by claiming it.
   */
  pool?: boolean;
}

type Where = Knex.QueryBuilder;

const SQL_OPS: Record<string, string> = { '==': '=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

/** `?`/`??` placeholder and binding of one operand. */
function operandSql(op: ScopeOperand, subject: ScopeSubject, q: string): { sql: string; bindings: Knex.RawBinding[] } {
  if ('field' in op) return { sql: '??', bindings: [`${q}.${op.field}`] };
  if ('user' in op) return { sql: '?', bindings: [subject[op.user]] };
  if ('value' in op) return { sql: '?', bindings: [op.value] };
  return { sql: `(${op.values.map(() => '?').join(', ')})`, bindings: op.values };
}

function conditionSql(qb: Where, cond: ScopeCondition, subject: ScopeSubject, q: string): void {
  if ('and' in cond) return void qb.where((b) => cond.and.forEach((c) => b.where((inner) => conditionSql(inner, c, subject, q))));
  if ('or' in cond) return void qb.where((b) => cond.or.forEach((c) => b.orWhere((inner) => conditionSql(inner, c, subject, q))));
  if ('not' in cond) return void qb.whereNot((b) => conditionSql(b, cond.not, subject, q));
  if (!('op' in cond)) return void qb.where(`${q}.${cond.field}`, true);
  const left = operandSql(cond.left, subject, q);
  const right = operandSql(cond.right, subject, q);
  const isNull = (o: ScopeOperand) => ('value' in o && o.value === null) || ('user' in o && subject[o.user] === null);
  if (cond.op === 'in') {
    if ('values' in cond.right && cond.right.values.length === 0) return void qb.whereRaw('false');
    return void qb.whereRaw(`${left.sql} in ${right.sql}`, [...left.bindings, ...right.bindings]);
  }
  // `== null` means "is empty"; `!=` keeps rows where the field is empty (SQL's `<>` would drop them).
  if (cond.op === '==' && isNull(cond.right)) return void qb.whereRaw(`${left.sql} is null`, left.bindings);
  if (cond.op === '!=') return void qb.whereRaw(`${left.sql} is distinct from ${right.sql}`, [...left.bindings, ...right.bindings]);
  qb.whereRaw(`${left.sql} ${SQL_OPS[cond.op]} ${right.sql}`, [...left.bindings, ...right.bindings]);
}

/**
 * One scope as SQL. Team and department resolve in the database with the user's id bound, so
 * a team or org-tree change applies to the very next query and nothing is cached in memory.
 */
function oneScopeSql(qb: Where, scope: CompiledScope, subject: ScopeSubject, q: string, bk: string): void {
  const owner = `${q}.owner`;
  switch (scope.kind) {
    case 'own':
      return void qb.where(owner, subject.id);
    case 'team':
      return void qb.whereRaw(
        `?? in (select m.user_id from ${bk}.team_members m where m.team_id in (select mine.team_id from ${bk}.team_members mine where mine.user_id = ?))`,
        [owner, subject.id],
      );
    case 'department':
      // No department: the subtree is empty, so the user still sees what they own.
      if (!subject.departmentId) return void qb.where(owner, subject.id);
      // `department_members` is the org tree's closure over users, kept exact by triggers
      // (runtime ensure-permission-schema): one index range read into a hashed subplan, where
      // a recursive CTE per query cost more to plan and run than the list (ADR 0018, bench/scope).
      return void qb.whereRaw(`?? in (select m.user_id from ${bk}.department_members m where m.department_id = ?)`, [owner, subject.departmentId]);
    case 'expression':
      return conditionSql(qb, scope.condition, subject, q);
    case 'none':
      return void qb.whereRaw('false');
  }
}

/**
 * The WHERE that limits `access.entity`'s records to those `subject` may see (or edit): the
 * role scopes ORed, plus records shared with the user or one of their teams. Undefined for
 * scope `all` (no clause, so an unrestricted list costs nothing extra). Every value is bound.
 */
export function scopeToSql(access: EntityAccess, subject: ScopeSubject, opts: ScopeSqlOptions): ((qb: Where) => void) | undefined {
  if (access.scope === 'all') return undefined;
  const scopes = access.scope;
  const q = opts.qualifier;
  const bk = opts.bookkeepingSchema ?? 'tessera';
  return (qb) =>
    void qb.where((outer) => {
      for (const scope of scopes) outer.orWhere((b) => oneScopeSql(b, scope, subject, q, bk));
      if (opts.pool && opts.mode === 'read') outer.orWhereNull(`${q}.owner`);
      outer.orWhereRaw(
        `?? in (select s.record_id from ${bk}.record_shares s where s.entity = ? ${opts.mode === 'write' ? "and s.access = 'edit' " : ''}` +
          `and (s.user_id = ? or s.team_id in (select mine.team_id from ${bk}.team_members mine where mine.user_id = ?)))`,
        [`${q}.id`, access.entity, subject.id, subject.id],
      );
    });
}
