import { isRecord, stringOr, type EntityView, type FieldView } from './app-views';
import { closestName } from './closest-name';
import { capitalize } from './describe-location';
import { pointerOf } from './json-pointer';
import { metadataError } from './metadata-error';
import type { MetadataError } from './validation-types';

/** System columns every record has that hold a user id. */
const USER_COLUMNS = ['owner', 'created_by'];

/**
 * What a value compares as, for `match`: user ids, ids of one entity, select values or text.
 * Undefined: the field does not exist or cannot be matched (a number, a date, a list).
 */
function matchKind(entity: EntityView, name: string): string | undefined {
  if (USER_COLUMNS.includes(name)) return 'user';
  if (name === 'id') return `relation:${entity.name}`;
  const field = entity.fields.find((f) => f.name === name);
  const type = field?.value['x-type'];
  if (type === 'user') return 'user';
  if (type === 'select' || type === 'text') return String(type);
  const relation = field?.value['x-relation'];
  if (type === 'relation' && isRecord(relation) && relation.kind === 'many-to-one') return `relation:${String(relation.entity)}`;
  return undefined;
}

const matchable = (entity: EntityView) => [...USER_COLUMNS, ...entity.fields.map((f) => f.name).filter((n) => matchKind(entity, n) !== undefined)];
const kindWords = (kind: string) => (kind === 'user' ? 'a user' : kind.startsWith('relation:') ? `a link to ${kind.slice('relation:'.length)}` : `a ${kind} value`);
const typed = (entity: EntityView, types: string[]) => entity.fields.filter((f) => types.includes(String(f.value['x-type']))).map((f) => f.name);

/**
 * A rollup over the records of another entity that match this one (`entity`, `match`, and
 * optionally `period`): the entity exists; `match.field` of its records and `match.equals` of
 * this record hold the same kind of value (users, links to one entity, selects, texts); the
 * period's `date` is a date field of those records and `year`/`month` number fields here.
 */
export function checkRollupMatch(field: FieldView, rollup: Record<string, unknown>, entity: EntityView, entities: EntityView[]): { errors: MetadataError[]; child?: EntityView } {
  const at = (...keys: string[]) => field.pointer + pointerOf('x-rollup', ...keys);
  const name = capitalize(field.title);
  const entityName = stringOr(rollup.entity)!;
  const child = entities.find((e) => e.name === entityName);
  if (!child) {
    const names = entities.map((e) => e.name).filter((n): n is string => Boolean(n));
    const guess = closestName(entityName, names);
    return { errors: [metadataError('rollup-invalid', at('entity'), `${name} rolls up the entity "${entityName}", which does not exist.`, `${guess ? `Did you mean "${guess}"? ` : ''}Entities: ${names.join(', ')}.`)] };
  }
  const errors: MetadataError[] = [];
  const match = rollup.match;
  if (!isRecord(match)) {
    errors.push(metadataError('rollup-invalid', at(), `${name} rolls up ${child.title} but does not say which of its records: it needs "match".`, `Add "match": { "field": "<field of ${child.name}>", "equals": "<field of ${entity.name}>" }, e.g. the salesperson credited and the target's salesperson.`));
  } else {
    const theirs = stringOr(match.field);
    const ours = stringOr(match.equals);
    const theirKind = theirs === undefined ? undefined : matchKind(child, theirs);
    const ourKind = ours === undefined ? undefined : matchKind(entity, ours);
    if (theirs !== undefined && theirKind === undefined) {
      errors.push(metadataError('rollup-invalid', at('match', 'field'), `${name} matches on "${theirs}", which is not a user, relation, select or text field of ${child.title}.`, `Fields of ${child.title} it can match on: ${matchable(child).join(', ')}.`));
    }
    if (ours !== undefined && ourKind === undefined) {
      errors.push(metadataError('rollup-invalid', at('match', 'equals'), `${name} compares with "${ours}", which is not a user, relation, select or text field of ${entity.title}.`, `Fields of ${entity.title} it can compare with: ${matchable(entity).join(', ')}.`));
    }
    if (theirKind && ourKind && theirKind !== ourKind) {
      errors.push(metadataError('rollup-invalid', at('match', 'equals'), `${name} compares "${theirs}" of ${child.title} (${kindWords(theirKind)}) with "${ours}" (${kindWords(ourKind)}); they never hold the same value.`, `Compare fields of one kind: both users, both links to the same entity, or both selects.`));
    }
  }
  if (rollup.period !== undefined) errors.push(...checkPeriod(rollup.period, child, entity, name, at));
  return { errors, child };
}

function checkPeriod(period: unknown, child: EntityView, entity: EntityView, name: string, at: (...keys: string[]) => string): MetadataError[] {
  if (!isRecord(period)) return []; // the meta-schema reports it
  const errors: MetadataError[] = [];
  const date = stringOr(period.date);
  if (date !== undefined && !typed(child, ['date']).includes(date)) {
    errors.push(metadataError('rollup-invalid', at('period', 'date'), `${name} takes the period from "${date}", which is not a date field of ${child.title}.`, `Date fields of ${child.title}: ${typed(child, ['date']).join(', ') || '(none)'}.`));
  }
  for (const key of ['year', 'month'] as const) {
    const own = stringOr(period[key]);
    if (own === undefined || typed(entity, ['number']).includes(own)) continue;
    const guess = closestName(own, typed(entity, ['number']));
    errors.push(metadataError('rollup-invalid', at('period', key), `${name} reads the ${key} from "${own}", which is not a number field of ${entity.title}.`, `${guess ? `Did you mean "${guess}"? ` : ''}Number fields of ${entity.title}: ${typed(entity, ['number']).join(', ') || '(none)'}.`));
  }
  return errors;
}
