import type { AppDefinition } from '@tessera/metadata';
import type { Knex } from 'knex';
import { HttpError, validationFailed } from '../errors/http-error';
import { createMetadataStore } from '../meta/create-metadata-store';

/** Undo reaches this many changes back; older steps fall off so a long session stays bounded. */
export const MAX_DRAFT_STEPS = 100;

export type DraftAction = 'none' | 'edit' | 'undo' | 'redo' | 'discard';

/** Who changed the draft last, as the designer shows it ("Li Wei, 10:32"). */
export interface DraftEditor {
  id: string;
  username: string;
  displayName: string;
}

/** The draft as the designer reads it; `app` is null when there is none (nothing changed, or discarded). */
export interface DraftView {
  revision: number;
  baseVersion: number | null;
  app: AppDefinition | null;
  canUndo: boolean;
  canRedo: boolean;
  lastAction: DraftAction;
  updatedBy: DraftEditor | null;
  updatedAt: string | null;
}

export interface DraftStep {
  step: number;
  current: boolean;
  createdBy: DraftEditor | null;
  createdAt: string;
}

export interface DraftStore {
  read(appName: string): Promise<DraftView>;
  history(appName: string): Promise<DraftStep[]>;
  /** Records `app` as the next step after the one shown (dropping the redo branch). */
  /** `live`: the running version, used as step 0 when the draft is based on it (its field order as authored). */
  save(appName: string, userId: string | null, change: { revision: number; baseVersion: number; app: AppDefinition }, live?: { version: number; app: AppDefinition }): Promise<DraftView>;
  undo(appName: string, userId: string | null, revision: number): Promise<DraftView>;
  redo(appName: string, userId: string | null, revision: number): Promise<DraftView>;
  discard(appName: string, userId: string | null, revision: number): Promise<DraftView>;
}

interface DraftRow {
  app_name: string;
  revision: number;
  base_version: number | null;
  position: number | null;
  last_action: DraftAction;
  updated_by: string | null;
  updated_at: Date | string;
}

const DRAFTS = 'tessera.designer_drafts';
const STEPS = 'tessera.designer_draft_steps';
const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());
const parse = (v: unknown) => (typeof v === 'string' ? (JSON.parse(v) as AppDefinition) : (v as AppDefinition));

async function editor(db: Knex, id: string | null): Promise<DraftEditor | null> {
  if (!id) return null;
  const user = await db('tessera.users').where({ id }).first('id', 'username', 'display_name');
  return user ? { id: user.id, username: user.username, displayName: user.display_name } : null;
}

/** 409 naming who changed the draft and when: the designer offers to merge or reload. */
async function stale(db: Knex, row: DraftRow, revision: number): Promise<HttpError> {
  const by = await editor(db, row.updated_by);
  const who = by?.displayName ?? 'Someone';
  const what = row.last_action === 'discard' ? 'discarded the draft' : 'changed the draft';
  return new HttpError(409, 'draft_conflict', `${who} ${what} at ${iso(row.updated_at)}, after the copy you edited; merge your change with theirs or reload`, [
    { field: 'revision', rule: 'current', message: `the draft is at revision ${row.revision}, your change was made on revision ${revision}` },
  ]);
}

const nothingTo = (what: 'undo' | 'redo') => new HttpError(409, `nothing_to_${what}`, `There is nothing to ${what} in the draft`, [{ field: 'revision', rule: what, message: `there is no step to ${what}` }]);

/**
 * The designer's draft per app in Tessera's own tables: every change is a step, undo and redo
 * move between steps, and each change takes the row lock and checks the revision the client
 * edited, so two implementers never overwrite each other silently (ADR 0038).
 */
export function createDraftStore(knex: Knex): DraftStore {

  async function view(db: Knex, row: DraftRow | undefined): Promise<DraftView> {
    if (!row) return { revision: 0, baseVersion: null, app: null, canUndo: false, canRedo: false, lastAction: 'none', updatedBy: null, updatedAt: null };
    let app: AppDefinition | null = null;
    let canUndo = false;
    let canRedo = false;
    if (row.position !== null) {
      const present = await db(STEPS).where({ app_name: row.app_name, step: row.position }).first('definition');
      app = present ? parse(present.definition) : null;
      const span = await db(STEPS).where({ app_name: row.app_name }).min('step as lo').max('step as hi').first();
      canUndo = Number(span?.lo) < row.position;
      canRedo = Number(span?.hi) > row.position;
    }
    return {
      revision: row.revision,
      baseVersion: row.base_version,
      app,
      canUndo,
      canRedo,
      lastAction: row.last_action,
      updatedBy: await editor(db, row.updated_by),
      updatedAt: iso(row.updated_at),
    };
  }

  /** The draft row locked for this transaction (created empty if the app never had one). */
  async function locked(trx: Knex.Transaction, appName: string, revision: number): Promise<DraftRow> {
    await trx.raw(`insert into ${DRAFTS} (app_name, revision, last_action) values (?, 0, 'none') on conflict (app_name) do nothing`, [appName]);
    const row = (await trx(DRAFTS).where({ app_name: appName }).forUpdate().first()) as DraftRow;
    if (row.revision !== revision) throw await stale(trx, row, revision);
    return row;
  }

  const touch = (trx: Knex.Transaction, row: DraftRow, userId: string | null, patch: Partial<DraftRow>) =>
    trx(DRAFTS).where({ app_name: row.app_name }).update({ ...patch, revision: row.revision + 1, updated_by: userId, updated_at: trx.fn.now() }).returning('*');

  async function move(appName: string, userId: string | null, revision: number, direction: 'undo' | 'redo'): Promise<DraftView> {
    return knex.transaction(async (trx) => {
      const row = await locked(trx, appName, revision);
      if (row.position === null) throw nothingTo(direction);
      const target = await trx(STEPS).where({ app_name: appName }).andWhere('step', direction === 'undo' ? '<' : '>', row.position)
        .orderBy('step', direction === 'undo' ? 'desc' : 'asc').first('step');
      if (!target) throw nothingTo(direction);
      const [next] = await touch(trx, row, userId, { position: target.step, last_action: direction });
      return view(trx, next as DraftRow);
    });
  }

  return {
    async read(appName) {
      return view(knex, (await knex(DRAFTS).where({ app_name: appName }).first()) as DraftRow | undefined);
    },

    async history(appName) {
      const row = (await knex(DRAFTS).where({ app_name: appName }).first()) as DraftRow | undefined;
      if (!row || row.position === null) return [];
      const steps = await knex(`${STEPS} as s`).leftJoin('tessera.users as u', 'u.id', 's.created_by')
        .where('s.app_name', appName).orderBy('s.step', 'asc')
        .select('s.step', 's.created_at', 'u.id', 'u.username', 'u.display_name');
      return steps.map((s) => ({
        step: s.step,
        current: s.step === row.position,
        createdBy: s.id ? { id: s.id, username: s.username, displayName: s.display_name } : null,
        createdAt: iso(s.created_at),
      }));
    },

    async save(appName, userId, { revision, baseVersion, app }, live) {
      return knex.transaction(async (trx) => {
        const row = await locked(trx, appName, revision);
        let position: number;
        if (row.position === null) {
          // A new draft starts with the published version it is based on, so the first change can be undone.
          // On the transaction: PGlite has one connection, and the row lock is held here.
          const base = live?.version === baseVersion ? live.app : (await createMetadataStore(trx).get(appName, baseVersion))?.definition;
          if (!base) throw validationFailed([{ field: 'baseVersion', rule: 'exists', message: `there is no published version ${baseVersion}` }]);
          await trx(STEPS).where({ app_name: appName }).delete();
          await trx(STEPS).insert({ app_name: appName, step: 0, definition: JSON.stringify(base), created_by: userId });
          position = 1;
        } else {
          position = row.position + 1;
          await trx(STEPS).where({ app_name: appName }).andWhere('step', '>=', position).delete();
          await trx(STEPS).where({ app_name: appName }).andWhere('step', '<', position - MAX_DRAFT_STEPS).delete();
        }
        await trx(STEPS).insert({ app_name: appName, step: position, definition: JSON.stringify(app), created_by: userId });
        const [next] = await touch(trx, row, userId, { position, base_version: baseVersion, last_action: 'edit' });
        return view(trx, next as DraftRow);
      });
    },

    undo: (appName, userId, revision) => move(appName, userId, revision, 'undo'),
    redo: (appName, userId, revision) => move(appName, userId, revision, 'redo'),

    async discard(appName, userId, revision) {
      return knex.transaction(async (trx) => {
        const row = await locked(trx, appName, revision);
        await trx(STEPS).where({ app_name: appName }).delete();
        const [next] = await touch(trx, row, userId, { position: null, base_version: null, last_action: 'discard' });
        return view(trx, next as DraftRow);
      });
    },
  };
}
