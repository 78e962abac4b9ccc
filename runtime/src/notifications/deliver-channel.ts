import { channelRecipientProblem, type ChannelRegistry, type PluginDefinition } from '@tessera/engine';
import type { Knex } from 'knex';
import { settingsOf } from '../plugins/create-record-hooks';
import { readPluginStates } from '../plugins/plugin-state-store';
import { CHANNEL_DELIVERY_KIND } from './fan-out-channels';
import { lookupRecipients } from './lookup-recipients';
import { textFor, type RenderedNotification } from './render-notification';

export const CHANNEL_QUEUE = 'tessera-notify-channel';
export const DEFAULT_CHANNEL_RETRY = { limit: 5, delaySeconds: 2 };
const SEND_TIMEOUT_MS = 30_000;

/** Attempt `attempt` (1-based) of the channel delivery `outboxId`. */
export interface ChannelJob {
  outboxId: string;
  attempt: number;
}

interface DeliveryPayload extends RenderedNotification {
  parent: string;
  channel: string;
  userId: string;
  entity: string;
  recordId: string;
}

export interface ChannelDeliveryDeps {
  knex: Knex;
  channels: ChannelRegistry;
  plugins: readonly PluginDefinition[];
  appName(): string;
  logger?: Pick<Console, 'error' | 'info'>;
  /** Queues the next attempt after `delayMs`, inside `trx` (so it exists only with the counted failure). */
  schedule(trx: Knex.Transaction, job: ChannelJob, delayMs: number): Promise<void>;
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms)));
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * One attempt of one channel delivery (a pg-boss job). What retrying cannot fix — the channel's
 * plugin gone or disabled, its settings incomplete ("not configured"), a recipient without the
 * contact detail it needs — makes the row a dead letter at once, with that reason. A failing
 * send counts the attempt and queues the next one with doubled delay under the channel's retry
 * policy (read from the current settings); past the limit the row is dead. A job whose attempt
 * was already counted is a duplicate and does nothing. Sending itself is at least once: the
 * channel gets `deliveryId` to dedupe on.
 */
export function createChannelDelivery(deps: ChannelDeliveryDeps) {
  const { knex } = deps;
  return async function deliverChannel(job: ChannelJob): Promise<void> {
    const row = (await knex('tessera.outbox').where({ id: job.outboxId, kind: CHANNEL_DELIVERY_KIND }).first('id', 'payload', 'attempts', 'sent_at', 'dead_at')) as
      | { id: string; payload: DeliveryPayload; attempts: number; sent_at: Date | null; dead_at: Date | null }
      | undefined;
    if (!row || row.sent_at || row.dead_at || row.attempts !== job.attempt - 1) return;
    const p = row.payload;
    const attempts = row.attempts + 1;
    const dead = async (reason: string) => {
      await knex('tessera.outbox').where({ id: row.id }).update({ attempts, last_error: reason.slice(0, 1000), dead_at: knex.fn.now() });
    };

    const registered = deps.channels.get(p.channel);
    if (!registered) return dead(`No plugin provides the channel "${p.channel}" any more`);
    const stored = (await readPluginStates(knex, deps.appName())).get(registered.plugin);
    if (stored?.enabled === false) return dead(`The plugin "${registered.plugin}" is disabled in this app, so the channel "${p.channel}" did not send this notification`);
    const plugin = deps.plugins.find((pl) => pl.name === registered.plugin);
    const settings = plugin ? settingsOf(plugin, stored) : (stored?.settings ?? {});
    const channel = registered.definition;
    const unconfigured = channel.configurationProblem?.(settings);
    if (unconfigured) return dead(`The channel "${p.channel}" is not configured: ${unconfigured}`);
    const recipient = (await lookupRecipients(knex, [p.userId])).get(p.userId);
    if (!recipient) return dead(`There is no user ${p.userId} to notify`);
    const unreachable = channelRecipientProblem(channel, recipient);
    if (unreachable) return dead(unreachable);

    const text = textFor(p, recipient.locale);
    const prefix = `[${registered.plugin}] ${p.channel}:`;
    const log = { info: (m: string, ...r: unknown[]) => deps.logger?.info(`${prefix} ${m}`, ...r), error: (m: string, ...r: unknown[]) => deps.logger?.error(`${prefix} ${m}`, ...r) };
    try {
      const message = { deliveryId: row.id, to: recipient, subject: text.subject, body: text.body, locale: recipient.locale, entity: p.entity, recordId: p.recordId };
      await withTimeout(channel.send(message, { plugin: registered.plugin, settings, log }), SEND_TIMEOUT_MS, `The channel "${p.channel}"`);
    } catch (err) {
      const reason = `The channel "${p.channel}" failed: ${(err as Error).message}`;
      const policy = { ...DEFAULT_CHANNEL_RETRY, ...channel.retry?.(settings) };
      if (attempts > policy.limit) return dead(reason);
      await knex.transaction(async (trx) => {
        await trx('tessera.outbox').where({ id: row.id }).update({ attempts, last_error: reason.slice(0, 1000) });
        await deps.schedule(trx, { outboxId: row.id, attempt: attempts + 1 }, policy.delaySeconds * 1000 * 2 ** (attempts - 1));
      });
      return;
    }
    await knex('tessera.outbox').where({ id: row.id }).update({ sent_at: knex.fn.now(), attempts, last_error: null });
  };
}
