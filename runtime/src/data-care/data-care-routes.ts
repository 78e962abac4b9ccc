import type { Knex } from 'knex';
import { HttpError, validationFailed } from '../errors/http-error';
import { fileStorageFor } from '../files/file-storage';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';
import type { AppState, CompiledEntity } from '../meta/compile-app-state';
import { erasePerson } from './erase-person';
import { collectPersonData } from './person-data';
import { personalFields } from './personal-fields';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REASON_MAX = 1000;

/** The entity a data-care route names, if it is about persons (a field declared `x-personal: true`; a company's phone does not make it one), and the id, if well-formed; 404 otherwise. */
function personEntity(state: AppState, plural: string, id: string): CompiledEntity {
  const entity = state.byPlural.get(plural);
  if (!entity || personalFields(entity.entity, true).length === 0 || !UUID.test(id)) throw new HttpError(404, 'not_found', 'No such record with personal data');
  return entity;
}

/**
 * A person's data on request (PIPL/GDPR), for administrators only: export everything the app
 * holds that names them, and erase it with a reason that the audit log keeps.
 */
export function dataCareRoutes(knex: Knex): RouteDeclaration[] {
  return defineRoutes([
    {
      method: 'GET', path: '/api/_data-care/:entity/:id', action: 'admin', summary: "Everything that names a person (their record, records referring to it, files, history) as a JSON download",
      async handler(ctx, { state, params }) {
        const entity = personEntity(state, params.entity, params.id);
        const data = await collectPersonData(knex, state, entity, params.id.toLowerCase());
        if (!data) throw new HttpError(404, 'not_found', `No ${entity.entity['x-name']} ${params.id}`);
        ctx.set('Content-Disposition', `attachment; filename="${entity.entity['x-name']}-personal-data.json"`);
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { data: { exportedAt: new Date().toISOString(), ...data } };
      },
    },
    {
      method: 'POST', path: '/api/_data-care/:entity/:id/erase', action: 'admin', summary: "Erase a person: anonymize their personal fields in the record, its history and referring records, delete its files; { reason } required",
      async handler(ctx, { state, params }) {
        const entity = personEntity(state, params.entity, params.id);
        const reason = (ctx.request.body as { reason?: unknown } | undefined)?.reason;
        if (typeof reason !== 'string' || reason.trim() === '') throw validationFailed([{ field: 'reason', rule: 'required', message: 'Reason: say why the person is erased (e.g. their request of a date)' }]);
        if (reason.length > REASON_MAX) throw validationFailed([{ field: 'reason', rule: 'maxLength', message: `Reason: at most ${REASON_MAX} characters` }]);
        const result = await erasePerson(knex, state, entity, params.id.toLowerCase(), ctx.state.user!, reason.trim(), ctx.state.requestId, ctx.state.hooks);
        // After the commit: a file's bytes go only when no other file row shares them.
        for (const key of result.orphanedKeys) await fileStorageFor(knex).remove(key);
        ctx.body = { data: { fields: result.fields, related: result.related, files: result.files } };
      },
    },
  ]);
}
