import type { AppDefinition } from '@tessera/metadata';
import type { Knex } from 'knex';
import { validationFailed, type ErrorDetail } from '../errors/http-error';
import type { AppContext } from '../http/http-types';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';
import type { AppState } from '../meta/compile-app-state';
import { createDraftStore } from './create-draft-store';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const wholeNumber = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** `{ revision }`: the revision of the draft the caller is looking at. */
function readRevision(body: unknown, errors: ErrorDetail[] = []): number {
  const revision = isObject(body) ? body.revision : undefined;
  if (!wholeNumber(revision)) errors.push({ field: 'revision', rule: 'required', message: 'the revision of the draft you changed (a whole number, 0 when there is no draft) is required' });
  return revision as number;
}

function readChange(body: unknown, appName: string): { revision: number; baseVersion: number; app: AppDefinition } {
  const errors: ErrorDetail[] = [];
  if (!isObject(body)) throw validationFailed([{ field: '', rule: 'type', message: 'must be a JSON object with revision, baseVersion and app' }]);
  const revision = readRevision(body, errors);
  if (!wholeNumber(body.baseVersion) || body.baseVersion < 1) errors.push({ field: 'baseVersion', rule: 'required', message: 'the published version the draft is based on (a whole number) is required' });
  // A draft may be invalid while someone works on it (publish checks it); it must still be this app.
  if (!isObject(body.app) || !Array.isArray(body.app.entities)) errors.push({ field: 'app', rule: 'required', message: 'the draft app definition (with its entities) is required' });
  else if (body.app.name !== appName) errors.push({ field: 'app.name', rule: 'const', message: `must stay "${appName}": a draft belongs to this app` });
  if (errors.length) throw validationFailed(errors);
  return { revision, baseVersion: body.baseVersion as number, app: body.app as unknown as AppDefinition };
}

const userOf = (ctx: AppContext) => ctx.state.user?.id ?? null;

/**
 * The designer's draft on the server (ADR 0038): read it, save a change on top of the revision
 * the caller edited (409 `draft_conflict` when someone else changed it first), step through its
 * shared history, discard it. Admin-only, like the rest of the metadata API.
 */
export function draftRoutes(knex: Knex, getState: () => AppState): RouteDeclaration[] {
  const drafts = createDraftStore(knex);
  const appName = () => getState().app.name;
  return defineRoutes([
    {
      method: 'GET', path: '/api/_meta/draft', action: 'admin', summary: "The designer's unpublished draft of the app, with who changed it last",
      async handler(ctx) { ctx.body = await drafts.read(appName()); },
    },
    {
      method: 'PUT', path: '/api/_meta/draft', action: 'admin', summary: 'Save a change to the draft: { revision, baseVersion, app } (409 if the draft changed since that revision)',
      async handler(ctx) {
        const { app, version } = getState();
        const saved = await drafts.save(app.name, userOf(ctx), readChange(ctx.request.body, app.name), { version, app });
        ctx.body = { ...saved, app: undefined }; // the caller sent the app; the answer is the new revision and who/when
      },
    },
    {
      method: 'GET', path: '/api/_meta/draft/history', action: 'admin', summary: "The draft's steps (who, when, which is shown)",
      async handler(ctx) { ctx.body = { data: await drafts.history(appName()) }; },
    },
    {
      method: 'POST', path: '/api/_meta/draft/undo', action: 'admin', summary: 'Undo the last change of the draft: { revision }',
      async handler(ctx) { ctx.body = await drafts.undo(appName(), userOf(ctx), checked(ctx.request.body)); },
    },
    {
      method: 'POST', path: '/api/_meta/draft/redo', action: 'admin', summary: 'Redo the change undone last: { revision }',
      async handler(ctx) { ctx.body = await drafts.redo(appName(), userOf(ctx), checked(ctx.request.body)); },
    },
    {
      method: 'POST', path: '/api/_meta/draft/discard', action: 'admin', summary: 'Discard the draft and its history: { revision }',
      async handler(ctx) { ctx.body = await drafts.discard(appName(), userOf(ctx), checked(ctx.request.body)); },
    },
  ]);
}

function checked(body: unknown): number {
  const errors: ErrorDetail[] = [];
  const revision = readRevision(body, errors);
  if (errors.length) throw validationFailed(errors);
  return revision;
}
