import { createHmac } from 'node:crypto';
import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime, waitFor } from '@tessera/runtime';
import notificationsPlugin from '../src/index';
import { httpSink } from './http-sink';
import { notificationsApp } from './notifications-app';
import { mailHeader, mailText } from './read-mail';
import { smtpSink } from './smtp-sink';

const PLUGIN = '/api/_meta/plugins/@tessera/plugin-notifications';
const SMS_SECRET = 'sms-gateway-secret-0123456789';

interface OutboxEntry { id: string; kind: string; attempts: number; lastError: string | null; payload: Record<string, unknown> }

forEachDatabase('@tessera/plugin-notifications', (getCtx) => {
  const boot = (channels: string[]) => createTestRuntime({ app: notificationsApp(channels), plugins: [notificationsPlugin], databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });

  /** A Chinese-speaking owner with an email and (unless `phone: null`) a mobile number, signed in. */
  // On PostgreSQL the tests of this block share one database: each makes its own user and reads only its rows.
  async function owner(rt: TestRuntime, username: string, opts: { phone?: string | null } = {}): Promise<{ id: string; client: SessionClient }> {
    const { id } = await rt.createUser({ username, password: 'li-password-123', email: `${username}@example.com`, displayName: 'Li Lei', roles: ['admin'] });
    // No API sets these yet (see docs/plugins.md): written as the admin UI would.
    await rt.runtime.knex('tessera.users').where({ id }).update({ locale: 'zh', phone: opts.phone === undefined ? '+8613800000000' : opts.phone });
    return { id, client: await rt.login(username, 'li-password-123') };
  }
  const activate = async (client: SessionClient, name: string) => {
    const created = await client.call('POST', '/api/customers', { name });
    expect(created.status).toBe(201);
    const moved = await client.call('POST', `/api/customers/${created.body.data.id}/transitions/ACTIVATE`, {});
    expect(moved.status).toBe(200);
    return created.body.data.id as string;
  };
  const outbox = async (rt: TestRuntime, status: string, userId: string): Promise<OutboxEntry[]> => {
    const res = await rt.admin.call('GET', `/api/_meta/outbox?status=${status}`);
    expect(res.status).toBe(200);
    return res.body.data.filter((r: OutboxEntry) => r.kind === 'notify-channel' && r.payload.userId === userId);
  };

  it('delivers one in-app note, one email and one SMS, each in the zh owner\'s language', async () => {
    const smtp = await smtpSink();
    const sms = await httpSink(200);
    const rt = await boot(['inApp', 'email', 'sms']);
    try {
      const enabled = await rt.admin.call('POST', `${PLUGIN}/enable`, { settings: { email: { host: '127.0.0.1', port: smtp.port, from: 'CRM <crm@example.com>', password: 'smtp-secret-pass' }, sms: { url: sms.url, secret: SMS_SECRET, sender: 'TESSERA' } } });
      expect(enabled.status).toBe(200);
      expect(enabled.body.data.settings.email).toMatchObject({ password: '***', port: smtp.port });
      expect(enabled.body.data.settings.sms.secret).toBe('***');
      const li = await owner(rt, 'li1');
      const recordId = await activate(li.client, 'Acme <Ltd>');

      const sent = await waitFor('both channel deliveries', async () => {
        const rows = await outbox(rt, 'sent', li.id);
        return rows.length === 2 ? rows : undefined;
      });
      expect(sent.map((r) => r.payload.channel).sort()).toEqual(['email', 'sms']);
      expect(sent.every((r) => r.attempts === 1 && r.payload.userId === li.id && r.payload.recordId === recordId)).toBe(true);

      const notes = await rt.runtime.knex('tessera.notifications').where({ user_id: li.id }).select('subject', 'body');
      expect(notes).toEqual([{ subject: '客户已激活', body: '客户 Acme &lt;Ltd&gt; 已激活' }]);

      expect(smtp.mails).toHaveLength(1);
      const [mail] = smtp.mails;
      expect(mail.to).toEqual(['li1@example.com']);
      expect(mail.from).toBe('crm@example.com');
      expect(mailHeader(mail.raw, 'Subject')).toBe('客户已激活');
      expect(mailText(mail.raw).trim()).toBe('客户 Acme <Ltd> 已激活');
      expect(mailHeader(mail.raw, 'X-Tessera-Delivery')).toBe(sent.find((r) => r.payload.channel === 'email')!.id);

      expect(sms.calls).toHaveLength(1);
      const [call] = sms.calls;
      expect(call.headers['x-tessera-signature']).toBe(`sha256=${createHmac('sha256', SMS_SECRET).update(call.body).digest('hex')}`);
      expect(JSON.parse(call.body)).toEqual({ id: sent.find((r) => r.payload.channel === 'sms')!.id, to: '+8613800000000', sender: 'TESSERA', text: '客户 Acme <Ltd> 已激活', locale: 'zh', entity: 'customer', recordId });

      // The admin list never shows write-only settings; re-enabling without them keeps them.
      const listed = await rt.admin.call('GET', '/api/_meta/plugins');
      expect(listed.body.data[0].settings.email.password).toBe('***');
      await rt.admin.call('POST', `${PLUGIN}/enable`, { settings: listed.body.data[0].settings });
      const stored = await rt.runtime.knex('tessera.plugin_state').where({ plugin: '@tessera/plugin-notifications' }).first('settings');
      const storedSettings = typeof stored.settings === 'string' ? JSON.parse(stored.settings) : stored.settings;
      expect(storedSettings.email.password).toBe('smtp-secret-pass');
      expect(storedSettings.sms.secret).toBe(SMS_SECRET);

      // Nothing is sent twice: another dispatch pass finds no work, and no job is left.
      await new Promise((r) => setTimeout(r, 1500));
      expect(smtp.mails).toHaveLength(1);
      expect(sms.calls).toHaveLength(1);
    } finally {
      await rt.close();
      await smtp.close();
      await sms.close();
    }
  });

  it('retries a refusing SMTP server with backoff, then leaves a dead letter with its reason', async () => {
    const smtp = await smtpSink({ rejectRecipients: true });
    const rt = await boot(['email']);
    try {
      await rt.admin.call('POST', `${PLUGIN}/enable`, { settings: { email: { host: '127.0.0.1', port: smtp.port, from: 'crm@example.com' }, retry: { attempts: 2, delaySeconds: 1 } } });
      const li = await owner(rt, 'li2');
      await activate(li.client, 'Refused');
      const [dead] = await waitFor('the dead letter', async () => {
        const rows = await outbox(rt, 'dead', li.id);
        return rows.length ? rows : undefined;
      });
      expect(dead).toMatchObject({ attempts: 3, payload: { channel: 'email', userId: li.id } });
      expect(dead.lastError).toMatch(/^The channel "email" failed: .*550/);
      expect(smtp.attempts()).toBe(3);
      expect(await rt.runtime.knex('tessera.notifications').where({ user_id: li.id }).pluck('id')).toEqual([]); // email only: no in-app note
      await new Promise((r) => setTimeout(r, 3000)); // a dead letter is not retried
      expect(smtp.attempts()).toBe(3);
      expect(smtp.mails).toHaveLength(0);
    } finally {
      await rt.close();
      await smtp.close();
    }
  });

  it('makes deliveries it cannot make dead letters at once: not configured, no phone, plugin disabled', async () => {
    const rt = await boot(['inApp', 'email', 'sms']);
    try {
      await rt.admin.call('POST', `${PLUGIN}/enable`, { settings: {} }); // what an earlier test stored, cleared
      const li = await owner(rt, 'li3', { phone: null });
      const first = await activate(li.client, 'Unconfigured');
      const dead = await waitFor('two dead letters', async () => {
        const rows = await outbox(rt, 'dead', li.id);
        return rows.length === 2 ? rows : undefined;
      });
      const reason = (channel: string) => dead.find((r) => r.payload.channel === channel)!.lastError;
      expect(reason('email')).toBe('The channel "email" is not configured: settings email.host, email.from not set (未设置 email.host、email.from)');
      expect(reason('sms')).toBe('The channel "sms" is not configured: settings sms.url, sms.secret not set (未设置 sms.url、sms.secret)');
      expect(dead.every((r) => r.attempts === 1)).toBe(true);
      // In-app still arrives: one channel's trouble does not hold back another.
      expect(await rt.runtime.knex('tessera.notifications').where({ user_id: li.id, record_id: first }).pluck('body')).toEqual(['客户 Unconfigured 已激活']);

      await rt.admin.call('POST', `${PLUGIN}/enable`, { settings: { sms: { url: 'http://127.0.0.1:9/sms', secret: SMS_SECRET } } });
      await activate(li.client, 'No phone');
      const noPhone = await waitFor('the no-phone dead letter', async () => (await outbox(rt, 'dead', li.id)).find((r) => r.payload.channel === 'sms' && r.lastError?.includes('has no phone')));
      expect(noPhone.lastError).toBe('The user "li3" cannot be reached over the channel "sms": has no phone');

      expect((await rt.admin.call('POST', `${PLUGIN}/disable`)).status).toBe(200);
      await activate(li.client, 'Disabled');
      const disabled = await waitFor('the disabled dead letter', async () => (await outbox(rt, 'dead', li.id)).find((r) => r.lastError?.includes('disabled')));
      expect(disabled.lastError).toMatch(/^The plugin "@tessera\/plugin-notifications" is disabled in this app, so the channel "(email|sms)" did not send this notification$/);
    } finally {
      await rt.close();
    }
  });

  it('refuses to start an app whose workflow names a channel no loaded plugin provides', async () => {
    await expect(createTestRuntime({ app: notificationsApp(['inApp', 'email']), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir }))
      .rejects.toThrow('notifies over the channel "email", which no plugin provides');
  });
});
