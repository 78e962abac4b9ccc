import type { RollupSpec } from '../schema/entity-rollups';
import { ident, qualified } from './migration-sql';

/** The aggregate of the child rows `c` that `where` picks (an SQL condition), as one scalar subquery. */
export function aggregateOf(spec: RollupSpec, where: string): string {
  const value = spec.valueColumn ? `c.${ident(spec.valueColumn)}` : '';
  const expr = spec.fn === 'count' ? 'count(*)::int' : spec.fn === 'sum' ? `coalesce(sum(${value}), 0)` : `${spec.fn}(${value})`;
  const live = spec.childSoftDelete ? ' and c."deleted_at" is null' : '';
  return `(select ${expr} from ${qualified(spec.schema, spec.childTable)} c where ${where}${live})`;
}

/** The child columns whose change can change the aggregate (an update touching none of them is skipped), compared between the rows `after` and `before`. */
export function unchangedSql(spec: RollupSpec, keys: string[], after = 'new', before = 'old'): string {
  const watched = [...keys, ...(spec.valueColumn ? [spec.valueColumn] : []), ...(spec.childSoftDelete ? ['deleted_at'] : [])];
  return [...new Set(watched)].map((c) => `${after}.${ident(c)} is not distinct from ${before}.${ident(c)}`).join(' and ');
}
