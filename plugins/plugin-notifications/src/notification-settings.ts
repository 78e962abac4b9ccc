/** The plugin's per-app settings; every part optional, so the app starts without an SMTP server or gateway. */
export interface NotificationSettings {
  email?: { host?: string; port?: number; secure?: boolean; user?: string; password?: string; from?: string };
  sms?: { url?: string; secret?: string; sender?: string };
  retry?: { attempts?: number; delaySeconds?: number };
}

export const settingsSchema = {
  type: 'object',
  properties: {
    email: {
      type: 'object',
      description: 'SMTP server for the "email" channel',
      properties: {
        host: { type: 'string', minLength: 1 },
        port: { type: 'integer', minimum: 1, maximum: 65535, default: 587 },
        secure: { type: 'boolean', default: false, description: 'TLS from the first byte (port 465); otherwise STARTTLS when offered' },
        user: { type: 'string', minLength: 1 },
        // Never listed back by /api/_meta/plugins; TESSERA_SMTP_PASSWORD is used when it is absent.
        password: { type: 'string', minLength: 1, writeOnly: true },
        from: { type: 'string', minLength: 3, description: 'Sender, e.g. "CRM <crm@example.com>"' },
      },
      additionalProperties: false,
    },
    sms: {
      type: 'object',
      description: 'HTTP SMS gateway for the "sms" channel: POSTed JSON, signed with HMAC-SHA256',
      properties: {
        url: { type: 'string', pattern: '^https?://' },
        secret: { type: 'string', minLength: 16, writeOnly: true },
        sender: { type: 'string', minLength: 1, maxLength: 64 },
      },
      additionalProperties: false,
    },
    retry: {
      type: 'object',
      properties: {
        attempts: { type: 'integer', minimum: 0, maximum: 20, default: 5, description: 'Retries after the first failure' },
        delaySeconds: { type: 'integer', minimum: 1, maximum: 3600, default: 2, description: 'First retry delay; doubled each time' },
      },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
} as const;

const missing = (section: string, names: string[], values: Record<string, unknown> | undefined) => {
  const absent = names.filter((n) => values?.[n] === undefined || values[n] === '');
  return absent.length === 0 ? undefined : `settings ${absent.map((n) => `${section}.${n}`).join(', ')} not set (未设置 ${absent.map((n) => `${section}.${n}`).join('、')})`;
};

export const emailProblem = (s: NotificationSettings) => missing('email', ['host', 'from'], s.email);
export const smsProblem = (s: NotificationSettings) => missing('sms', ['url', 'secret'], s.sms);

export const retryOf = (s: NotificationSettings) => ({ limit: s.retry?.attempts ?? 5, delaySeconds: s.retry?.delaySeconds ?? 2 });

/** Handlebars bodies are HTML-escaped; plain-text channels (SMS, the text part of a mail) read them unescaped. */
export function htmlToText(html: string): string {
  const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#x60;': '`', '&#x3D;': '=' };
  return html.replace(/&(amp|lt|gt|quot|#x27|#x60|#x3D);/g, (m) => entities[m] ?? m);
}
