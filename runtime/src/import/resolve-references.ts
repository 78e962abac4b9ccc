import type { FieldDefinition } from '@tessera/metadata';
import type { Knex } from 'knex';
import type { AuthUser } from '../auth/auth-types';
import { isHttpError } from '../errors/http-error';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { recordAccess } from '../permissions/record-access';
import { recordScope } from '../records/record-scope';
import { importMessage, labelOf } from './import-messages';
import type { Parsed } from './parse-cell';
import type { ImportLocale } from './import-types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const key = (text: string) => text.normalize('NFKC').trim().toLowerCase();

/** Finds, for a batch of cell texts, the ids they name: text (normalized) → matching ids. */
type Lookup = (texts: string[]) => Promise<Map<string, string[]>>;

/**
 * Relation and user cells name records by their display value (a customer's name), or by id.
 * Resolved once per batch and field — one query, not one per row — among the records this
 * user may read, so a name never reveals a record they could not pick in a form.
 */
export function createReferenceResolver(db: Knex, state: AppState, user: AuthUser, locale: ImportLocale) {
  const lookups = new Map<string, Lookup>();

  function lookupFor(field: FieldDefinition): { lookup: Lookup; target: string } | undefined {
    if (field['x-type'] === 'user') return { lookup: userLookup(db), target: locale === 'zh' ? '用户' : 'user' };
    const spec = field['x-relation'];
    if (!spec) return undefined;
    const target = [...state.byPlural.values()].find((e) => e.entity['x-name'] === spec.entity);
    if (!target) return undefined;
    const name = labelOf(target.entity['x-label'], spec.entity, locale);
    if (!lookups.has(spec.entity)) lookups.set(spec.entity, relationLookup(db, state, user, target));
    return { lookup: lookups.get(spec.entity)!, target: name };
  }

  /** The parsed value of each text (an id, or for many-to-many a list of ids), or its error. */
  async function resolve(field: FieldDefinition, texts: string[]): Promise<Map<string, Parsed>> {
    const found = lookupFor(field);
    const out = new Map<string, Parsed>();
    if (!found) {
      for (const t of texts) out.set(t, { ok: false, message: importMessage('notImportable', locale) });
      return out;
    }
    const many = field['x-relation']?.kind === 'many-to-many';
    const parts = (t: string) => (many ? t.split(/[,;，；、|\n]/).map((s) => s.trim()).filter(Boolean) : [t.trim()]);
    const ids = await found.lookup([...new Set(texts.flatMap(parts))]);
    const isUser = field['x-type'] === 'user';
    for (const text of texts) {
      const values: string[] = [];
      let error: string | undefined;
      for (const part of parts(text)) {
        const matches = ids.get(key(part)) ?? [];
        if (matches.length === 1) values.push(matches[0]);
        else if (matches.length === 0) error ??= isUser ? importMessage('missingUser', locale, { value: part }) : importMessage('missingTarget', locale, { value: part, target: found.target });
        else error ??= isUser ? importMessage('ambiguousUser', locale, { value: part, count: matches.length }) : importMessage('ambiguousTarget', locale, { value: part, count: matches.length, target: found.target });
      }
      out.set(text, error ? { ok: false, message: error } : { ok: true, value: many ? [...new Set(values)] : values[0] });
    }
    return out;
  }

  return { resolve, needsLookup: (field: FieldDefinition) => field['x-type'] === 'user' || (field['x-relation'] !== undefined && field['x-relation'].kind !== 'one-to-many') };
}

function relationLookup(db: Knex, state: AppState, user: AuthUser, target: CompiledEntity): Lookup {
  return async (texts) => {
    const result = new Map<string, string[]>();
    if (texts.length === 0) return result;
    let restrict: (qb: Knex.QueryBuilder) => void;
    try {
      const ra = recordAccess(user, state, target, 'read');
      restrict = (qb) => ra.restrict(qb, target.table, 'read');
    } catch (err) {
      if (isHttpError(err)) return result; // may not read the target at all: nothing is found
      throw err;
    }
    const display = target.entity['x-display-field'];
    const column = display ? target.fieldsByName.get(display)?.column : undefined;
    const ids = texts.filter((t) => UUID.test(t)).map((t) => t.toLowerCase());
    const names = texts.map(key);
    const rows: { id: string; label: string | null }[] = await db
      .withSchema(target.schema)
      .table(target.table)
      .modify(recordScope(target))
      .where((qb) => {
        if (ids.length > 0) qb.orWhereIn(`${target.table}.id`, ids);
        if (column) qb.orWhereRaw(`lower(trim(??::text)) = any(?)`, [`${target.table}.${column}`, names]);
        if (ids.length === 0 && !column) qb.whereRaw('false');
      })
      .modify(restrict)
      .select(`${target.table}.id`, db.raw(column ? `??::text as label` : 'null as label', column ? [`${target.table}.${column}`] : []));
    for (const row of rows) {
      const keys = new Set([row.id.toLowerCase(), ...(row.label !== null ? [key(row.label)] : [])]);
      for (const k of keys) result.set(k, [...(result.get(k) ?? []), row.id]);
    }
    return result;
  };
}

function userLookup(db: Knex): Lookup {
  return async (texts) => {
    const result = new Map<string, string[]>();
    if (texts.length === 0) return result;
    const names = texts.map(key);
    const rows: { id: string; username: string; email: string | null; display_name: string }[] = await db('tessera.users')
      .where({ is_active: true })
      .andWhere((qb) => {
        qb.whereRaw('id::text = any(?)', [names]).orWhereRaw('lower(username) = any(?)', [names]).orWhereRaw('lower(email) = any(?)', [names]).orWhereRaw('lower(display_name) = any(?)', [names]);
      })
      .select('id', 'username', 'email', 'display_name');
    for (const row of rows) {
      // A username or id names one user even when someone's display name is the same text.
      for (const k of new Set([row.id, key(row.username), ...(row.email ? [key(row.email)] : []), key(row.display_name)])) result.set(k, [...(result.get(k) ?? []), row.id]);
    }
    for (const row of rows) for (const k of [row.id, key(row.username)]) result.set(k, [row.id]);
    return result;
  };
}
