import { createHmac } from 'node:crypto';
import { defineChannel } from '@tessera/engine';
import { htmlToText, retryOf, smsProblem, type NotificationSettings } from './notification-settings';

/** `sha256=<hex>` of the exact body sent, so the gateway can check it with the shared secret. */
export const signSms = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/**
 * `sms`: POSTs `{ id, to, sender, text, locale, entity, recordId }` to a gateway URL. Chinese
 * SMS providers (Aliyun, Tencent Cloud, …) differ in API and template rules, so a small gateway
 * service adapts this one signed request to the provider the deployment uses.
 */
export const smsChannel = defineChannel({
  name: 'sms',
  description: 'SMS through a signed HTTP gateway',
  recipientSchema: { type: 'object', required: ['phone'], properties: { phone: { type: 'string', minLength: 3 } } },
  configurationProblem: (settings) => smsProblem(settings as NotificationSettings),
  retry: (settings) => retryOf(settings as NotificationSettings),
  async send(message, ctx) {
    const { url, secret, sender } = (ctx.settings as NotificationSettings).sms ?? {};
    const body = JSON.stringify({ id: message.deliveryId, to: message.to.phone, sender: sender ?? null, text: htmlToText(message.body), locale: message.locale, entity: message.entity, recordId: message.recordId });
    const res = await fetch(url!, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tessera-delivery': message.deliveryId, 'x-tessera-signature': signSms(secret!, body) },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    if (!res.ok) throw new Error(`the SMS gateway answered ${res.status}`);
  },
});
