import { definePlugin, type AfterHookContext, type PluginDefinition } from '@tessera/engine';
import { createDeliveryQueue, DELIVERY_MIGRATIONS } from './create-delivery-queue';
import { verifySignature } from './sign-body';
import { webhookSettings, webhookSettingsSchema, type WebhookEvent, type WebhookSettings } from './webhook-settings';

export { signBody, verifySignature } from './sign-body';
export type { Delivery } from './create-delivery-queue';
export type { WebhookSettings, Endpoint, WebhookEvent } from './webhook-settings';

const error = (status: number, code: string, message: string, field?: string) => ({ status, body: { error: { code, message, details: field ? [{ field, message }] : [] } } });
const STATUSES = ['pending', 'sent', 'failed'];

/**
 * Webhooks (issue 9). Deliveries and their log live in the plugin's own table (`ctx.store`), so
 * they survive a restart and every process of the app shares one log; each plugin instance
 * runs its own sender, so tests (and two apps in one process) get separate ones.
 */
export function createWebhooksPlugin(): PluginDefinition {
  const queue = createDeliveryQueue();

  /** Queues one signed POST per endpoint that wants this entity and event; never delays the request. */
  async function send(ctx: AfterHookContext<Record<string, unknown>, unknown>, event: WebhookEvent, extra: Record<string, unknown> = {}) {
    const { endpoints, retry } = webhookSettings(ctx.settings);
    for (const endpoint of endpoints) {
      if (!endpoint.events.includes(event)) continue;
      if (endpoint.entities?.length && !endpoint.entities.includes(ctx.entity)) continue;
      await queue.enqueue(ctx.store!, {
        url: endpoint.url,
        secret: endpoint.secret,
        event,
        entity: ctx.entity,
        recordId: ctx.id,
        retry,
        payload: { event, entity: ctx.entity, recordId: ctx.id, record: ctx.record ?? null, previous: ctx.previous ?? null, ...extra, actor: ctx.user.username, occurredAt: new Date().toISOString() },
      });
    }
  }

  return definePlugin({
    name: '@tessera/plugin-webhooks',
    version: '0.1.0',
    tessera: '^0.1.0',
    settings: webhookSettingsSchema,
    migrations: DELIVERY_MIGRATIONS,
    // The entities some endpoint subscribes to; an endpoint naming none takes every entity.
    hookEntities: (settings) => {
      const endpoints = (settings as Partial<WebhookSettings>).endpoints ?? [];
      if (endpoints.some((e) => !e.entities || e.entities.length === 0)) return undefined;
      return [...new Set(endpoints.flatMap((e) => e.entities ?? []))];
    },
    hooks: {
      '*': {
        afterCreate: (ctx) => send(ctx, 'created'),
        afterUpdate: (ctx) => send(ctx, 'updated'),
        afterDelete: (ctx) => send(ctx, 'deleted'),
        afterTransition: (ctx) => send(ctx, 'transitioned', { transition: { event: ctx.event, from: ctx.from, to: ctx.to } }),
      },
    },
    routes(router) {
      // The log names records and endpoints: for admins, like the runtime's own outbox view.
      router.get('/deliveries', async (ctx) => {
        if (!ctx.user.roles.includes('admin')) return error(403, 'forbidden', 'The delivery log needs the admin role');
        const status = ctx.query.status;
        if (status && !STATUSES.includes(status)) return error(422, 'validation_failed', `status must be one of ${STATUSES.join(', ')}`, 'status');
        return { body: { data: await queue.list(ctx.store!, status) } };
      });
      // Replay: a failed (or sent) delivery goes out again, same id, from a fresh set of attempts.
      router.post('/deliveries/:id/replay', async (ctx) => {
        if (!ctx.user.roles.includes('admin')) return error(403, 'forbidden', 'Replaying a delivery needs the admin role');
        if (!/^[0-9a-f-]{36}$/i.test(ctx.params.id)) return error(404, 'not_found', 'No such delivery');
        const delivery = await queue.replay(ctx.store!, ctx.params.id.toLowerCase());
        return delivery ? { body: { data: delivery } } : error(404, 'not_found', 'No such delivery');
      });
      // Public (a web form's backend has no Tessera session): the runtime runs `verify` first
      // (the HMAC of the exact body with the shared secret), rate-limits per address and then
      // runs this as `incoming.serviceUser`, whose permissions decide what may be created.
      router.post('/incoming/:entity', async (ctx) => {
        const { incoming } = webhookSettings(ctx.settings);
        const { entity } = ctx.params;
        if (!incoming || !incoming.entities.includes(entity)) return error(404, 'not_found', `Incoming webhooks are not enabled for "${entity}"`, 'entity');
        if (typeof ctx.body !== 'object' || ctx.body === null || Array.isArray(ctx.body)) return error(422, 'validation_failed', 'The body must be a JSON object of the record\'s fields');
        const record = await ctx.records(entity).create(ctx.body as Record<string, unknown>);
        return { status: 201, body: { data: record } };
      }, {
        public: true,
        verify: (req) => {
          const { incoming } = webhookSettings(req.settings);
          return incoming !== undefined && verifySignature(incoming.secret, req.rawBody, req.headers['x-tessera-signature']);
        },
        actAs: (settings) => webhookSettings(settings).incoming?.serviceUser,
      });
    },
    start(ctx) {
      queue.start(ctx.store!);
    },
    async stop() {
      await queue.stop();
    },
  });
}

export const webhooksPlugin = createWebhooksPlugin();
export default webhooksPlugin;
