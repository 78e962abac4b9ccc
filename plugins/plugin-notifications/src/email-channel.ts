import { defineChannel } from '@tessera/engine';
import nodemailer from 'nodemailer';
import { emailProblem, htmlToText, retryOf, type NotificationSettings } from './notification-settings';

/** `email`: one message per recipient through the configured SMTP server (nodemailer). */
export const emailChannel = defineChannel({
  name: 'email',
  description: 'Email over SMTP',
  recipientSchema: { type: 'object', required: ['email'], properties: { email: { type: 'string', minLength: 3 } } },
  configurationProblem: (settings) => emailProblem(settings as NotificationSettings),
  retry: (settings) => retryOf(settings as NotificationSettings),
  async send(message, ctx) {
    const { host, port = 587, secure = false, user, password, from } = (ctx.settings as NotificationSettings).email ?? {};
    const pass = password ?? process.env.TESSERA_SMTP_PASSWORD;
    // A transport per message: settings may change between sends and mail volume is low.
    const transport = nodemailer.createTransport({
      host, port, secure,
      ...(user ? { auth: { user, pass } } : {}),
      connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000,
    });
    try {
      const subject = message.subject ?? htmlToText(message.body).split('\n')[0].slice(0, 120);
      await transport.sendMail({
        from,
        to: message.to.displayName ? { name: message.to.displayName, address: message.to.email! } : message.to.email!,
        subject: htmlToText(subject),
        text: htmlToText(message.body),
        html: message.body,
        // Stable per delivery: a resend after a crash is recognisably the same message.
        messageId: `<${message.deliveryId}@tessera.notifications>`,
        headers: { 'X-Tessera-Delivery': message.deliveryId },
      });
    } finally {
      transport.close();
    }
  },
});
