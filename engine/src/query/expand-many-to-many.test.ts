import type { EntityDefinition } from '@tessera/metadata';
import { createFieldTypeRegistry } from '../field-types/field-type-registry';
import { attachExpanded, expandPlan, PARENT_KEY } from './expand-plan';
import { parseExpand } from './parse-expand';
import type { ExpandNode, QueryError } from './query-types';
import { knex } from './query-fixtures';

const label = { en: 'x' };
const tag: EntityDefinition = { type: 'object', 'x-name': 'tag', 'x-plural': 'tags', 'x-label': label, properties: {} };
const contact: EntityDefinition = { type: 'object', 'x-name': 'contact', 'x-plural': 'people', 'x-label': label, properties: { account: { 'x-id': 'a', 'x-type': 'relation', 'x-label': label, 'x-relation': { entity: 'deal', kind: 'many-to-one' } } } };
const deal: EntityDefinition = {
  type: 'object', 'x-name': 'deal', 'x-plural': 'deals', 'x-label': label,
  properties: {
    labels: { 'x-id': 't', 'x-type': 'relation', 'x-label': label, 'x-relation': { entity: 'tag', kind: 'many-to-many' } },
    members: { 'x-id': 'm', 'x-type': 'relation', 'x-label': label, 'x-relation': { entity: 'contact', kind: 'one-to-many', field: 'account' } },
  },
};

describe('expand of declared collection relations', () => {
  const parse = (raw: string) => {
    const errors: QueryError[] = [];
    const nodes = parseExpand(raw, { entity: deal, entities: [deal, tag, contact], registry: createFieldTypeRegistry() }, errors);
    return { nodes, errors };
  };

  it('parses a many-to-many and a declared one-to-many field', () => {
    expect(parse('labels,members')).toEqual({
      errors: [],
      nodes: [
        { name: 'labels', kind: 'many-to-many', column: 'left_id', entity: 'tag', joinTable: 'deal__labels', children: [] },
        { name: 'members', kind: 'one-to-many', column: 'account', entity: 'contact', children: [] },
      ],
    });
  });

  const node: ExpandNode = { name: 'labels', kind: 'many-to-many', column: 'left_id', entity: 'tag', joinTable: 'deal__labels', children: [] };

  it('loads a many-to-many for all parents in one join query', () => {
    expect(expandPlan(knex, node, [{ id: 'd1' }, { id: 'd2' }, { id: 'd1' }], { schema: 'app_t' })!.toSQL().toNative()).toEqual({
      sql: 'select "tag".*, "__link"."left_id" as "__parent" from "app_t"."deal__labels" as "__link" inner join "app_t"."tag" on "tag"."id" = "__link"."right_id" where "__link"."left_id" in ($1, $2) order by "tag"."created_at" asc, "tag"."id" asc',
      bindings: ['d1', 'd2'],
    });
  });

  it('attaches each joined row to its parent; a target linked twice appears under both', () => {
    const rows = [{ id: 't1', [PARENT_KEY]: 'd1' }, { id: 't1', [PARENT_KEY]: 'd2' }, { id: 't2', [PARENT_KEY]: 'd1' }];
    expect(attachExpanded(node, [{ id: 'd1' }, { id: 'd2' }, { id: 'd3' }], rows, (r) => r.id)).toEqual([['t1', 't2'], ['t1'], []]);
  });
});
