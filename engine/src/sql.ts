// The SQL side of the engine. Separate from `.` because it pulls in knex, which the
// browser bundle (designer live preview) must never include.
export { planSchemaSync } from './schema/plan-schema-sync';
export type { SchemaSyncPlan, SchemaSyncStep } from './schema/plan-schema-sync';
export { createSchemaSql, createTableSql, addColumnSql, addForeignKeySql, addIndexSql } from './schema/table-to-sql';

export { planMigration } from './migration/plan-migration';
export { planToSql } from './migration/plan-to-sql';
export { archiveName, ident } from './migration/migration-sql';
export type { MigrationPlan, MigrationStep, MigrationStepKind, PlanMigrationOptions, PrecheckQuery } from './migration/migration-types';

export { listQueryToSql, countQueryToSql } from './query/list-query-to-sql';
export type { QueryTarget } from './query/list-query-to-sql';
export { aggregateQueryToSql, groupColumn, measureColumn } from './query/aggregate-query-to-sql';
export { expandPlan, attachExpanded, capPerParent, truncatedParents, EXPAND_MANY_LIMIT, RANK_KEY } from './query/expand-plan';
export { filterToSql, escapeLike, searchConditions } from './query/filter-to-sql';
export { digitsSql } from './query/search-fields';

// Permissions (issue 5): a data scope as a WHERE with bound values.
export { scopeToSql } from './permission/scope-to-sql';
export type { ScopeSqlOptions } from './permission/scope-to-sql';
