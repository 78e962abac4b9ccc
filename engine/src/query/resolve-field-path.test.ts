import type { EntityDefinition } from '@tessera/metadata';
import { restrictEntity } from '../permission/restrict-entity';
import { customer, project, registry, task, toManyEntities } from './query-fixtures';
import { resolveFieldPath } from './resolve-field-path';

const resolve = (path: string, entity: EntityDefinition = customer, entities = toManyEntities) => resolveFieldPath(path, { entity, registry, entities });

describe('resolveFieldPath: to-many and directory paths', () => {
  it('follows the one-to-many inverse by the child plural', () => {
    expect(resolve('contacts.full_name')).toMatchObject({ ok: true, ref: { column: 'full_name', kind: 'string', hops: [{ kind: 'one-to-many', column: 'customer', table: 'contact' }] } });
  });

  it('follows declared one-to-many and many-to-many fields, marking soft-deleted targets', () => {
    expect(resolve('tasks.title', project)).toMatchObject({ ok: true, ref: { hops: [{ kind: 'one-to-many', column: 'project', table: 'task', softDelete: true }] } });
    expect(resolve('labels.title', project)).toMatchObject({ ok: true, ref: { hops: [{ kind: 'many-to-many', joinTable: 'project__labels', table: 'label', softDelete: true }] } });
  });

  it('mixes hop kinds up to two hops', () => {
    const ref = resolve('contacts.deals.amount');
    expect(ref).toMatchObject({ ok: true, ref: { hops: [{ kind: 'one-to-many', table: 'contact' }, { kind: 'one-to-many', column: 'contact', table: 'deal' }] } });
    expect(resolve('tasks.project.name', project)).toMatchObject({ ok: true, ref: { hops: [{ kind: 'one-to-many' }, { kind: 'many-to-one', column: 'project' }] } });
    expect(resolve('contacts.deals.contact.full_name')).toEqual({ ok: false, message: '"contacts.deals.contact.full_name" follows more than 2 relations' });
  });

  it('goes through user fields to an allow-list of user and department columns', () => {
    expect(resolve('owner.department.name')).toEqual({
      ok: true,
      ref: {
        path: 'owner.department.name',
        hops: [
          { kind: 'many-to-one', column: 'owner', table: 'users', directory: true },
          { kind: 'many-to-one', column: 'department_id', table: 'departments', directory: true },
        ],
        column: 'name',
        kind: 'string',
        operators: expect.arrayContaining(['eq', 'contains']),
      },
    });
    expect(resolve('created_by.displayName')).toMatchObject({ ok: true, ref: { column: 'display_name' } });
    expect(resolve('lead.username', project)).toMatchObject({ ok: true, ref: { column: 'username', hops: [{ column: 'lead', table: 'users' }] } });
    expect(resolve('owner.department.id')).toMatchObject({ ok: true, ref: { column: 'id', kind: 'uuid' } });
  });

  it.each([
    ['owner.password_hash', 'unknown field "owner.password_hash"; users have id, username, displayName, department'],
    ['owner.email', 'unknown field "owner.email"; users have id, username, displayName, department'],
    ['owner.roles', 'unknown field "owner.roles"; users have id, username, displayName, department'],
    ['owner.department.parent_id', 'unknown field "owner.department.parent_id"; departments have id, name'],
    ['owner.manager.username', '"manager" is not a relation of users; use one of id, username, displayName, department'],
    ['owner.toString', 'unknown field "owner.toString"; users have id, username, displayName, department'],
    ['contacts.nope', 'unknown field "contacts.nope"'],
    ['nope.name', '"nope" is not a relation of customer'],
  ])('%s → %s', (path, message) => {
    expect(resolve(path)).toEqual({ ok: false, message });
  });

  it('a hidden field of the related entity answers exactly like a field that does not exist', () => {
    const hidden = toManyEntities.map((e) => (e === task ? restrictEntity(task, new Set(['secret'])) : e));
    expect(resolve('tasks.secret', project)).toMatchObject({ ok: true });
    const unknown = resolve('tasks.nothing', project, hidden);
    expect(unknown.ok ? '' : unknown.message.replace('nothing', 'secret')).toBe('unknown field "tasks.secret"');
    expect(resolve('tasks.secret', project, hidden)).toEqual({ ok: false, message: 'unknown field "tasks.secret"' });
  });

  it('a hidden link field hides the one-to-many relation, declared or inverse', () => {
    const noLink = toManyEntities.map((e) => (e === task ? restrictEntity(task, new Set(['project'])) : e));
    expect(resolve('tasks.title', project, noLink)).toEqual({ ok: false, message: '"tasks" is not a relation of project' });
    const hiddenLead = toManyEntities.map((e) => (e === project ? restrictEntity(project, new Set(['lead'])) : e));
    expect(resolve('lead.username', hiddenLead[4], hiddenLead)).toEqual({ ok: false, message: '"lead" is not a relation of project' });
  });
});
