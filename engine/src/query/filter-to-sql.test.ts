import type { Knex } from 'knex';
import { listQueryToSql } from './list-query-to-sql';
import { parseListQuery } from './parse-list-query';
import { customer, knex, project, registry, target, toManyEntities } from './query-fixtures';
import type { EntityDefinition } from '@tessera/metadata';

const whereOf = (query: Record<string, string>, entity: EntityDefinition = customer, extra: Partial<Parameters<typeof listQueryToSql>[2]> = {}) => {
  const parsed = parseListQuery(query, entity, registry, toManyEntities);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const { sql, bindings } = listQueryToSql(knex, parsed.value, { ...target(entity), ...extra }).toSQL().toNative();
  return { where: sql.slice(sql.indexOf(' where ') + 7, sql.indexOf(' order by ')), bindings: bindings.slice(0, -1) };
};

describe('filterToSql: to-many and directory paths', () => {
  it('one-to-many: EXISTS over the children linked to the row', () => {
    expect(whereOf({ 'filter[contacts.full_name][contains]': 'Li' })).toEqual({
      where: 'exists (select 1 from "app_t"."contact" as "r1" where "r1"."customer" = "t0"."id" and "r1"."full_name" ilike $1)',
      bindings: ['%Li%'],
    });
  });

  it('many-to-many: EXISTS over the join table joined to the target, soft-deleted targets skipped', () => {
    expect(whereOf({ 'filter[labels.title]': 'urgent' }, project)).toEqual({
      where:
        'exists (select 1 from "app_t"."project__labels" as "j1" inner join "app_t"."label" as "r1" on "r1"."id" = "j1"."right_id" ' +
        'where "j1"."left_id" = "t0"."id" and "r1"."deleted_at" is null and "r1"."title" = $1)',
      bindings: ['urgent'],
    });
  });

  it('nests one EXISTS per hop, to-many then many-to-one', () => {
    expect(whereOf({ 'filter[tasks.project.name][startsWith]': 'A' }, project)).toEqual({
      where:
        'exists (select 1 from "app_t"."task" as "r1" where "r1"."project" = "t0"."id" and "r1"."deleted_at" is null and ' +
        'exists (select 1 from "app_t"."project" as "r2" where "r2"."id" = "r1"."project" and "r2"."name" ilike $1))',
      bindings: ['A%'],
    });
  });

  it('user fields reach users and departments in the bookkeeping schema, with no entity scope', () => {
    expect(whereOf({ 'filter[owner.department.name]': 'Sales' })).toEqual({
      where:
        'exists (select 1 from "tessera"."users" as "r1" where "r1"."id" = "t0"."owner" and ' +
        'exists (select 1 from "tessera"."departments" as "r2" where "r2"."id" = "r1"."department_id" and "r2"."name" = $1))',
      bindings: ['Sales'],
    });
    const related = jest.fn();
    expect(whereOf({ 'filter[lead.username]': 'li' }, project, { bookkeepingSchema: 'bk', restrictRelated: related }).where).toBe(
      'exists (select 1 from "bk"."users" as "r1" where "r1"."id" = "t0"."lead" and "r1"."username" = $1)',
    );
    expect(related).not.toHaveBeenCalled();
  });

  it('puts the reader\'s scope on every related entity inside its EXISTS, values bound', () => {
    const seen: [string, string][] = [];
    const restrictRelated = (qb: Knex.QueryBuilder, entity: string, alias: string) => {
      seen.push([entity, alias]);
      qb.where(`${alias}.owner`, 'reader-id');
    };
    expect(whereOf({ 'filter[contacts.deals.title]': 'x' }, customer, { restrictRelated })).toEqual({
      where:
        'exists (select 1 from "app_t"."contact" as "r1" where "r1"."customer" = "t0"."id" and "r1"."owner" = $1 and ' +
        'exists (select 1 from "app_t"."deal" as "r2" where "r2"."contact" = "r1"."id" and "r2"."owner" = $2 and "r2"."title" = $3))',
      bindings: ['reader-id', 'reader-id', 'x'],
    });
    expect(seen).toEqual([['contact', 'r1'], ['deal', 'r2']]);
  });

  it('isNull on a to-many path means "has a related row whose field is empty"', () => {
    expect(whereOf({ 'filter[contacts.full_name][isNull]': 'true' }).where).toBe('exists (select 1 from "app_t"."contact" as "r1" where "r1"."customer" = "t0"."id" and "r1"."full_name" is null)');
  });
});

describe('sorting by relation paths', () => {
  const sortErrors = (sort: string, entity: EntityDefinition = customer) => {
    const parsed = parseListQuery({ sort }, entity, registry, toManyEntities);
    return parsed.ok ? [] : parsed.errors;
  };

  it('refuses a to-many path as ambiguous, naming the relation', () => {
    expect(sortErrors('contacts.full_name')).toEqual([
      { parameter: 'sort', message: 'cannot sort by "contacts.full_name": "contacts" is a to-many relation (a record has several), so the order would be ambiguous; filter on it instead' },
    ]);
    expect(sortErrors('-tasks.project.name', project)[0].message).toContain('"tasks" is a to-many relation');
  });

  it('keeps refusing many-to-one and user paths with the related-field message', () => {
    expect(sortErrors('owner.username')).toEqual([{ parameter: 'sort', message: 'cannot sort by a related field ("owner.username")' }]);
  });
});
