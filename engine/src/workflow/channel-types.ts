import type { JsonSchema } from '../field-types/field-type-types';
import type { PluginLogger } from '../plugin/plugin-context-types';

/** The channel every app has: rows in tessera.notifications, written by the runtime itself. */
export const IN_APP_CHANNEL = 'inApp';

/** One recipient as the runtime looked them up in tessera.users; a channel picks what it needs. */
export interface ChannelRecipient {
  userId: string;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  /** The user's locale (`en` when the user has none); the message is already in it. */
  locale: 'en' | 'zh';
}

/** One message to one recipient over one channel, rendered (HTML-escaped Handlebars) in the recipient's locale. */
export interface ChannelMessage {
  /** Stable per (outbox row, recipient, channel): a receiver dedupes on it (delivery is at least once). */
  deliveryId: string;
  to: ChannelRecipient;
  subject: string | null;
  body: string;
  locale: 'en' | 'zh';
  entity: string;
  recordId: string;
}

/** What `send` gets besides the message: the owning plugin's settings for this app and its logger. */
export interface ChannelSendContext {
  plugin: string;
  settings: Record<string, unknown>;
  log: PluginLogger;
}

/** How often a failing send is retried (pg-boss, delay doubled each time) before it is a dead letter. */
export interface ChannelRetryPolicy {
  limit?: number;
  delaySeconds?: number;
}

/**
 * A notification channel (issue 9): the notify action's `channels` name it. `send` throws to
 * fail an attempt (retried, then a dead letter with the error as its reason).
 */
export interface ChannelDefinition {
  /** `<plugin>:<id>` or a short name such as `email`; `inApp` is the runtime's own. */
  name: string;
  description?: string;
  /** JSON Schema a recipient must satisfy (e.g. `{ required: ['email'], properties: { email: { type: 'string' } } }`); else a dead letter at once. */
  recipientSchema?: JsonSchema;
  /** Why the channel cannot send with these settings (e.g. "settings.email.host is not set"); a dead letter at once, no retries. */
  configurationProblem?(settings: Record<string, unknown>): string | undefined;
  /** The retry policy under these settings; default 5 retries from 2 s. */
  retry?(settings: Record<string, unknown>): ChannelRetryPolicy;
  send(message: ChannelMessage, ctx: ChannelSendContext): Promise<void>;
}

/** A registered channel and the plugin that owns it (its enable switch and settings apply). */
export interface RegisteredChannel {
  plugin: string;
  definition: ChannelDefinition;
}
