import type { PermissionAction } from '@tessera/metadata';

/** A value in a scope expression: a field of the record, a property of the user, or a literal. */
export type ScopeOperand =
  | { field: string }
  | { user: 'id' | 'departmentId' | 'managerId' | 'username' }
  | { value: string | number | boolean | null }
  | { values: (string | number | boolean | null)[] };

export type ScopeComparison = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in';

/** A scope expression compiled from jexl syntax into data the SQL compiler reads. */
export type ScopeCondition =
  | { and: ScopeCondition[] }
  | { or: ScopeCondition[] }
  | { not: ScopeCondition }
  | { op: ScopeComparison; left: ScopeOperand; right: ScopeOperand }
  | { field: string };

/**
 * "Controlled by parent": the records whose many-to-one `field` points at a record of `entity`
 * the same user may read (or, for a write, write). `pooled`: that entity has a public pool, so a
 * user who may claim reads its unowned records, and so their children.
 */
export interface ParentScope {
  kind: 'parent';
  field: string;
  entity: string;
  pooled: boolean;
}

/** One role's data scope on one entity, compiled. `none` = a scope that failed to compile (deny). */
export type CompiledScope = { kind: 'own' } | { kind: 'team' } | { kind: 'department' } | { kind: 'expression'; condition: ScopeCondition } | ParentScope | { kind: 'none' };

/** What one user may do with one entity, every role of theirs taken together. */
export interface EntityAccess {
  entity: string;
  actions: ReadonlySet<PermissionAction>;
  /** `all`, or the scopes ORed together (records shared with the user are added by the SQL). */
  scope: 'all' | CompiledScope[];
  /** Fields that never leave the server for this user (nor can be filtered, sorted, grouped or written). */
  hidden: ReadonlySet<string>;
  /** Readable but not writable fields. */
  readOnly: ReadonlySet<string>;
  /** Where the records live (`schema.table`), when resolved for SQL: a parent scope's subquery reads it. */
  table?: string;
  /** The same user's access to another entity: what a parent scope applies to the parent. */
  related?: (entityName: string) => EntityAccess;
}

export interface ResolvedPermissions {
  /** Admin, or an app without a permissions section: every action, every record, every field. */
  unrestricted: boolean;
  /** The access to `entityName` (by `x-name`); no access at all when no role grants any. */
  entity(entityName: string): EntityAccess;
}

/** Who the scope is evaluated for; all of it is bound into the SQL, never spliced. */
export interface ScopeSubject {
  id: string;
  username: string;
  departmentId: string | null;
  managerId: string | null;
}
