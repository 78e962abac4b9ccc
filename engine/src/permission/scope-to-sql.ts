import type { Knex } from 'knex';
import type { CompiledScope, EntityAccess, ParentScope, ScopeCondition, ScopeOperand, ScopeSubject } from './permission-types';

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

/** What a scope compiles against: the options, and the entities already on the way down (parent scopes). */
interface ScopeContext extends ScopeSqlOptions {
  bk: string;
  path: readonly string[];
}

/**
 * One scope as SQL. Team and department resolve in the database with the user's id bound, so
 * a team or org-tree change applies to the very next query and nothing is cached in memory.
 */
function oneScopeSql(qb: Where, scope: CompiledScope, access: EntityAccess, subject: ScopeSubject, ctx: ScopeContext): void {
  const q = ctx.qualifier;
  const bk = ctx.bk;
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
    case 'parent':
      return parentSql(qb, scope, access, subject, ctx);
    case 'none':
      return void qb.whereRaw('false');
  }
}

/**
 * "Controlled by parent": `child.field in (select p.id from <parent> p where <the user's scope on
 * the parent>)` — the parent's own scopes and shares, in the same mode (a write needs the parent
 * in the write scope), compiled by this same function one level down. One subquery per level,
 * every value bound; the relation's index turns it into a semi-join on the child (ADR 0056).
 */
function parentSql(qb: Where, scope: ParentScope, access: EntityAccess, subject: ScopeSubject, ctx: ScopeContext): void {
  const parent = access.related?.(scope.entity);
  const column = `${ctx.qualifier}.${scope.field}`;
  // Fail closed: an access built without its resolver, or a cycle publish should have refused.
  if (!parent || ctx.path.includes(scope.entity)) return void qb.whereRaw('false');
  const reads = parent.actions.has('read');
  // The pool is read-only, as on the parent's own list: claimers see unowned parents' children.
  const pool = scope.pooled && ctx.mode === 'read' && parent.actions.has('claim');
  if (!reads && !pool) return void qb.whereRaw('false');
  // Every parent: every child that has one.
  if (reads && parent.scope === 'all') return void qb.whereNotNull(column);
  const alias = `scope_p${ctx.path.length}`;
  const inner = reads ? scopeWhere(parent, subject, { ...ctx, qualifier: alias, pool, path: [...ctx.path, scope.entity] }) : (b: Where) => void b.whereNull(`${alias}.owner`);
  qb.whereIn(column, (sub: Where) => void sub.select(`${alias}.id`).from(`${parent.table ?? scope.entity} as ${alias}`).modify(inner!));
}

function scopeWhere(access: EntityAccess, subject: ScopeSubject, ctx: ScopeContext): ((qb: Where) => void) | undefined {
  if (access.scope === 'all') return undefined;
  const scopes = access.scope;
  const { qualifier: q, bk } = ctx;
  return (qb) =>
    void qb.where((outer) => {
      for (const scope of scopes) outer.orWhere((b) => oneScopeSql(b, scope, access, subject, ctx));
      if (ctx.pool && ctx.mode === 'read') outer.orWhereNull(`${q}.owner`);
      outer.orWhereRaw(
        `?? in (select s.record_id from ${bk}.record_shares s where s.entity = ? ${ctx.mode === 'write' ? "and s.access = 'edit' " : ''}` +
          `and (s.user_id = ? or s.team_id in (select mine.team_id from ${bk}.team_members mine where mine.user_id = ?)))`,
        [`${q}.id`, access.entity, subject.id, subject.id],
      );
    });
}

/**
 * The WHERE that limits `access.entity`'s records to those `subject` may see (or edit): the
 * role scopes ORed, plus records shared with the user or one of their teams. Undefined for
 * scope `all` (no clause, so an unrestricted list costs nothing extra). Every value is bound.
 */
export function scopeToSql(access: EntityAccess, subject: ScopeSubject, opts: ScopeSqlOptions): ((qb: Where) => void) | undefined {
  return scopeWhere(access, subject, { ...opts, bk: opts.bookkeepingSchema ?? 'tessera', path: [access.entity] });
}
