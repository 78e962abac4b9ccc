import type { AppDefinition, EntityDefinition, FieldDefinition, ViewDefinition } from '@tessera/metadata';
import { bindMe } from '../meta/bind-me';
import { expandFor, pathField } from '../meta/view-cell';

/**
 * A list page's query with a metadata view applied: its filter (with `$me` bound) ANDed with
 * what the user filtered, and `expand` for the relations its columns read through.
 */
export function withViewDefinition(query: string, entity: EntityDefinition, view: ViewDefinition | undefined, userId?: string): string {
  if (!view) return query;
  const params = new URLSearchParams(query);
  if (view.filter) {
    const own = params.get('filter');
    const bound = bindMe(view.filter, userId);
    params.set('filter', JSON.stringify(own ? { and: [bound, JSON.parse(own) as unknown] } : bound));
  }
  const expand = expandFor(entity, view.columns ?? []);
  if (expand.length) params.set('expand', expand.join(','));
  return params.toString();
}

/** The columns of a view as `[path, field]`; paths with no field here (system columns, user attributes) are left out. */
export function viewColumns(app: AppDefinition, entity: EntityDefinition, view: ViewDefinition): [string, FieldDefinition][] {
  return (view.columns ?? []).flatMap((path): [string, FieldDefinition][] => {
    const field = pathField(app, entity, path);
    return field ? [[path, field]] : [];
  });
}
