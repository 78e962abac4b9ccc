import type { Knex } from 'knex';
import type { AuthUser, UserRow } from '../auth/auth-types';
import { rowToAuthUser } from '../auth/create-user-store';
import { setAuditContext } from '../audit/set-audit-context';
import { isHttpError } from '../errors/http-error';
import type { AppContext } from '../http/http-types';
import { defineRoutes, type RouteDeclaration } from '../http/route-types';
import type { AppState } from '../meta/compile-app-state';
import { createPublicRouteThrottle } from '../plugins/public-route-throttle';
import { createRecord } from '../records/create-record';
import { admitWrite } from '../records/write-door';
import type { FireEventRequest } from '../workflows/create-workflow-host';
import { findPublicForm, type FoundForm } from './find-public-form';
import { challengeAnswered, newChallenge } from './form-captcha';
import { instanceKey } from './instance-keys';
import { formErrors } from './form-errors';
import { formValues } from './form-values';
import { readFormBody } from './read-form-body';
import { HONEYPOT, renderFormPage, type PageInput } from './render-form-page';
import { formLanguage, PUBLIC_FORM_TEXTS, type FormLanguage } from './public-form-texts';

export const DEFAULT_FORM_RATE = 5;

export interface PublicFormDeps {
  knex: Knex;
  getState(): AppState;
  /** Binds the plugin hooks to `ctx.state.user` (lead scoring runs on a web lead too). */
  bindHooks?(ctx: AppContext): void;
  fireEvent?(req: FireEventRequest): Promise<unknown>;
  logger?: { info(message: string): void; error(message: string): void };
}

/**
 * `GET /forms/{slug}` and `POST /forms/{slug}`: a layout published as a public form (web-to-lead).
 * A server-rendered page with no script, so it works anywhere and cannot carry one. A post is
 * throttled per address in the database, checked against the honeypot and the signed question,
 * then created as the form's service user through the write door, hooks and audit in one
 * transaction; its event (the assignment) follows as that user. See ADR 0039.
 */
export function publicFormRoutes(deps: PublicFormDeps): RouteDeclaration[] {
  const { knex, getState } = deps;
  const throttle = createPublicRouteThrottle(knex);
  let key: Promise<Buffer> | undefined;
  const formKey = () => (key ??= instanceKey(knex, 'public-form-captcha').catch((err) => { key = undefined; throw err; }));

  const page = async (ctx: AppContext, status: number, input: Omit<PageInput, 'challenge'>) => {
    const challenge = input.thanks || input.found.form.captcha === false ? undefined : newChallenge(await formKey(), input.found.form.slug);
    ctx.status = status;
    ctx.type = 'html';
    ctx.set('Cache-Control', 'no-store');
    ctx.body = renderFormPage({ ...input, ...(challenge ? { challenge } : {}) });
  };
  const offline = (ctx: AppContext, lang: FormLanguage, status = 404) => {
    ctx.status = status;
    ctx.type = 'html';
    ctx.body = `<!doctype html><html><head><meta charset="utf-8"><title>${PUBLIC_FORM_TEXTS[lang].offline}</title></head><body><p>${PUBLIC_FORM_TEXTS[lang].offline}</p></body></html>`;
  };
  const wantsJson = (ctx: AppContext) => ctx.is('application/json') === 'application/json';

  return defineRoutes([
    {
      method: 'GET', path: '/forms/:slug', action: 'public', summary: 'A public form page (web-to-lead)',
      async handler(ctx, { params, state }) {
        const lang = formLanguage(ctx.query.lang, ctx.get('accept-language'));
        const found = findPublicForm(state, params.slug);
        if (!found) return offline(ctx, lang);
        await page(ctx, 200, { found, lang });
      },
    },
    {
      method: 'POST', path: '/forms/:slug', action: 'public', body: 'raw', summary: 'Submit a public form: creates a record as the form\'s service user',
      async handler(ctx, { params, state }) {
        const lang = formLanguage(ctx.query.lang, ctx.get('accept-language'));
        const found = findPublicForm(state, params.slug);
        if (!found) return offline(ctx, lang);
        const t = PUBLIC_FORM_TEXTS[lang];
        const json = wantsJson(ctx);
        const refuse = async (status: number, values: Record<string, string>, errors: Record<string, string>, notice: string) => {
          if (json) {
            ctx.status = status;
            ctx.body = { error: { code: status === 429 ? 'too_many_requests' : 'validation_failed', message: notice, details: Object.entries(errors).map(([field, message]) => ({ field, message })) } };
            return;
          }
          await page(ctx, status, { found, lang, values, errors, notice });
        };
        const wait = await throttle.hit(`form ${found.form.slug}`, ctx.ip, found.form.perMinute ?? DEFAULT_FORM_RATE);
        if (wait > 0) {
          ctx.set('Retry-After', String(wait));
          return refuse(429, {}, {}, t.tooMany(wait));
        }
        const texts = await readFormBody(ctx);
        // A bot that fills in the hidden field is thanked and forgotten.
        if (texts[HONEYPOT]) return thank(ctx, found, lang, json);
        if (found.form.captcha !== false && !challengeAnswered(await formKey(), found.form.slug, texts.captcha_token, texts.captcha_answer)) {
          return refuse(422, texts, { captcha_answer: t.captchaWrong }, t.invalid);
        }
        const user = await serviceUser(knex, found.form.submitAs);
        if (!user) {
          deps.logger?.error(`public form "${found.form.slug}": its service user "${found.form.submitAs}" is not an active non-administrator user; submissions are refused`);
          return offline(ctx, lang, 503);
        }
        ctx.state.user = user;
        deps.bindHooks?.(ctx);
        let id: string;
        try {
          id = await knex.transaction(async (trx) => {
            await setAuditContext(trx, { actorId: user.id, requestId: ctx.state.requestId, action: 'public-form' });
            const { data } = await admitWrite(trx, state, user, found.entity, 'create', formValues(found, texts));
            const row = await createRecord({ trx, entity: found.entity, user, ...(ctx.state.hooks ? { hooks: ctx.state.hooks } : {}) }, data);
            return row.id as string;
          });
        } catch (err) {
          if (!isHttpError(err) || err.status >= 500) throw err;
          const errors = err.details?.length ? formErrors(found, err.details, lang) : { '': err.message };
          // Problems with no field of the form (a default the implementer set) are the form's, not the visitor's.
          const notice = errors[''] ? t.offline : t.invalid;
          if (errors['']) deps.logger?.error(`public form "${found.form.slug}": a submission was refused for a reason the visitor cannot fix: ${err.message}`);
          delete errors[''];
          return refuse(err.status === 409 ? 409 : 422, texts, errors, notice);
        }
        if (found.form.event && deps.fireEvent) {
          // The submission is kept even when the assignment fails: a lead without an owner is found in the list.
          await deps.fireEvent({ state, entity: found.entity, id, event: found.form.event, user, requestId: ctx.state.requestId, ...(ctx.state.hooks ? { hooks: ctx.state.hooks } : {}) })
            .catch((err: Error) => deps.logger?.error(`public form "${found.form.slug}": ${found.form.event} on the new record failed: ${err.message}`));
        }
        return thank(ctx, found, lang, json);
      },
    },
  ]);

  async function thank(ctx: AppContext, found: FoundForm, lang: FormLanguage, json: boolean) {
    if (json) {
      ctx.status = 201;
      ctx.body = { data: { received: true } };
      return;
    }
    await page(ctx, 201, { found, lang, thanks: true });
  }
}

/** The form's service user: active and never an administrator (least privilege is the point). */
async function serviceUser(knex: Knex, username: string): Promise<AuthUser | undefined> {
  const row: UserRow | undefined = await knex('tessera.users').where({ username, is_active: true }).first();
  if (!row) return undefined;
  const user = rowToAuthUser(row);
  return user.roles.includes('admin') ? undefined : user;
}
