import type { JsonSchema } from '@tessera/engine';

export const EVENTS = ['created', 'updated', 'deleted', 'transitioned'] as const;
export type WebhookEvent = (typeof EVENTS)[number];

export interface Endpoint {
  url: string;
  secret: string;
  /** Entity names; empty or absent: every entity. */
  entities?: string[];
  events: WebhookEvent[];
}

export interface WebhookSettings {
  endpoints: Endpoint[];
  retry: { attempts: number; baseDelayMs: number };
  /** Signed POSTs from outside that create records of these entities, as `serviceUser` (never an admin). */
  incoming?: { secret: string; entities: string[]; serviceUser: string };
}

export const webhookSettingsSchema: JsonSchema = {
  type: 'object',
  properties: {
    endpoints: {
      type: 'array',
      default: [],
      items: {
        type: 'object',
        required: ['url', 'secret', 'events'],
        additionalProperties: false,
        properties: {
          url: { type: 'string', pattern: '^https?://' },
          secret: { type: 'string', minLength: 16 },
          entities: { type: 'array', items: { type: 'string' } },
          events: { type: 'array', minItems: 1, items: { type: 'string', enum: [...EVENTS] } },
        },
      },
    },
    retry: {
      type: 'object',
      additionalProperties: false,
      properties: { attempts: { type: 'integer', minimum: 1, maximum: 10 }, baseDelayMs: { type: 'integer', minimum: 10, maximum: 600000 } },
      default: { attempts: 5, baseDelayMs: 1000 },
    },
    incoming: {
      type: 'object',
      required: ['secret', 'entities', 'serviceUser'],
      additionalProperties: false,
      properties: {
        secret: { type: 'string', minLength: 16, writeOnly: true },
        entities: { type: 'array', items: { type: 'string' } },
        serviceUser: { type: 'string', minLength: 1, description: 'Username the incoming records are created as; give it only the create permission it needs' },
      },
    },
  },
};

export const webhookSettings = (s: Record<string, unknown>): WebhookSettings => {
  const settings = s as unknown as Partial<WebhookSettings>;
  return { endpoints: settings.endpoints ?? [], incoming: settings.incoming, retry: { attempts: settings.retry?.attempts ?? 5, baseDelayMs: settings.retry?.baseDelayMs ?? 1000 } };
};
