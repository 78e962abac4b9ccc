import type { ExpandNode, QueryError } from './query-types';
import { QUERY_LIMITS } from './query-types';
import { relationStep } from './relation-step';
import type { QueryContext } from './resolve-field-path';

const MAX_EXPAND_PATHS = 10;

/** `expand=customer,customer.owner_user,contacts` → a tree; a prefix is implied by a longer path. */
export function parseExpand(raw: string | string[] | undefined, ctx: QueryContext, errors: QueryError[]): ExpandNode[] {
  if (raw === undefined || raw === '') return [];
  if (Array.isArray(raw)) {
    errors.push({ parameter: 'expand', message: 'must be given once, e.g. expand=customer,customer.owner' });
    return [];
  }
  const paths = raw.split(',');
  if (paths.length > MAX_EXPAND_PATHS) {
    errors.push({ parameter: 'expand', message: `names more than ${MAX_EXPAND_PATHS} relations` });
    return [];
  }
  const roots: ExpandNode[] = [];
  for (const path of paths) {
    const segments = path.split('.');
    if (segments.length > QUERY_LIMITS.maxExpandDepth) {
      errors.push({ parameter: 'expand', message: `"${path}" is deeper than ${QUERY_LIMITS.maxExpandDepth} levels` });
      continue;
    }
    let level = roots;
    let entity = ctx.entity;
    for (const segment of segments) {
      const step = relationStep(segment, entity, ctx);
      if (typeof step === 'string') {
        errors.push({ parameter: 'expand', message: step });
        break;
      }
      let node = level.find((n) => n.name === step.name);
      if (!node) level.push((node = { ...step, children: [] }));
      level = node.children;
      entity = ctx.entities.find((e) => e['x-name'] === step.entity) ?? entity;
    }
  }
  return roots;
}
