import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { testApp } from './fixtures';

type Client = Awaited<ReturnType<TestRuntime['login']>>;

/** `/api/notifications` (own only, keyset, reminders filter, mark read) and `/api/_users`. */
forEachDatabase('notifications and the user directory over HTTP', (getCtx) => {
  let rt: TestRuntime;
  let ann: Client;
  let bob: Client;
  const ids: Record<string, string> = {};
  const notes: Record<string, string> = {};

  beforeAll(async () => {
    rt = await createTestRuntime({ app: testApp(), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    for (const [username, displayName] of [['ann', 'Ann Archer'], ['bob', 'Bob Builder'], ['gone', 'Gone Gopher']]) {
      ids[username] = (await rt.createUser({ username, displayName, password: 'password-123', roles: ['sales_rep'], email: `${username}@example.com` })).id;
    }
    await rt.runtime.knex('tessera.users').where({ id: ids.gone }).update({ is_active: false });
    ann = await rt.login('ann', 'password-123');
    bob = await rt.login('bob', 'password-123');
    const knex = rt.runtime.knex;
    // Five of Ann's within one millisecond (microseconds apart): the cursor must not skip any.
    const base = '2024-05-01T08:00:00.123';
    for (let i = 1; i <= 5; i += 1) {
      const [row] = await knex('tessera.notifications').insert({ user_id: ids.ann, subject: `Note ${i}`, body: `Body ${i}`, created_at: `${base}${String(i * 100).padStart(3, '0')}Z` }).returning('id');
      notes[`ann${i}`] = row.id;
    }
    // A reminder arrives as an outbox row carrying `reminder`, delivered into a notification.
    const [outbox] = await knex('tessera.outbox').insert({ kind: 'notify', payload: JSON.stringify({ to: [ids.ann], body: 'Call back', entity: 'customer', recordId: ids.ann, reminder: { field: 'founded', dueAt: '2024-06-01T00:00:00.000Z' } }), sent_at: knex.fn.now() }).returning('id');
    const [reminder] = await knex('tessera.notifications').insert({ user_id: ids.ann, subject: 'Reminder', body: 'Call back', entity: 'customer', record_id: ids.ann, outbox_id: outbox.id, created_at: '2024-05-02T08:00:00Z' }).returning('id');
    notes.reminder = reminder.id;
    const [bobs] = await knex('tessera.notifications').insert({ user_id: ids.bob, subject: 'Bob only', body: 'secret', created_at: '2024-05-03T08:00:00Z' }).returning('id');
    notes.bob = bobs.id;
  });
  afterAll(() => rt?.close());

  it('lists only my notifications, newest first, with the unread count and keyset pages', async () => {
    const all = await ann.call('GET', '/api/notifications');
    expect(all.status).toBe(200);
    expect(all.body.data.map((n: { subject: string }) => n.subject)).toEqual(['Reminder', 'Note 5', 'Note 4', 'Note 3', 'Note 2', 'Note 1']);
    expect(all.body.unread).toBe(6);
    expect(all.body.next).toBeNull();
    expect(all.body.data[0]).toMatchObject({ entity: 'customer', recordId: ids.ann, readAt: null, reminder: { field: 'founded' } });
    expect(all.body.data[1].reminder).toBeUndefined();

    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<Client['call']>> = await ann.call('GET', `/api/notifications?limit=2${after ? `&after=${after}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((n: { id: string }) => n.id));
      after = page.body.next;
    } while (after);
    expect(seen).toEqual(all.body.data.map((n: { id: string }) => n.id));
    expect(JSON.stringify((await bob.call('GET', '/api/notifications')).body.data)).not.toContain('Note');
  });

  it('filters reminders and unread ones', async () => {
    const reminders = await ann.call('GET', '/api/notifications?kind=reminder');
    expect(reminders.body.data.map((n: { id: string }) => n.id)).toEqual([notes.reminder]);
    const bad = await ann.call('GET', '/api/notifications?kind=other&unread=yes&sort=x');
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['kind', 'sort', 'unread']);
    expect((await ann.call('GET', '/api/notifications?after=bm90LWEtY3Vyc29y')).status).toBe(422);
  });

  it('marks one read (mine only: another user\'s is a 404 and stays unread)', async () => {
    const res = await ann.call('POST', `/api/notifications/${notes.ann3}/read`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ id: notes.ann3, subject: 'Note 3' });
    expect(Date.parse(res.body.data.readAt)).not.toBeNaN();
    const again = await ann.call('POST', `/api/notifications/${notes.ann3}/read`);
    expect(again.body.data.readAt).toBe(res.body.data.readAt); // the first moment is kept

    const foreign = await ann.call('POST', `/api/notifications/${notes.bob}/read`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('not_found');
    expect((await rt.runtime.knex('tessera.notifications').where({ id: notes.bob }).first()).read_at).toBeNull();
    expect((await ann.call('GET', `/api/notifications/${notes.ann3}/read`)).status).toBe(405);

    const unread = await ann.call('GET', '/api/notifications?unread=true');
    expect(unread.body.unread).toBe(5);
    expect(unread.body.data.map((n: { id: string }) => n.id)).not.toContain(notes.ann3);
  });

  it('marks all of mine read and none of anyone else\'s', async () => {
    const res = await ann.call('POST', '/api/notifications/read-all');
    expect(res.status).toBe(200);
    expect(res.body.data.updated).toBe(5);
    expect((await ann.call('GET', '/api/notifications')).body.unread).toBe(0);
    const bobs = await bob.call('GET', '/api/notifications?unread=true');
    expect(bobs.body).toMatchObject({ unread: 1, data: [{ id: notes.bob, readAt: null }] });
  });

  it('user directory: search active users, names for ids, never emails', async () => {
    const found = await ann.call('GET', '/api/_users?q=bui');
    expect(found.status).toBe(200);
    expect(found.body.data).toEqual([{ id: ids.bob, username: 'bob', displayName: 'Bob Builder' }]);
    expect((await ann.call('GET', '/api/_users?q=gopher')).body.data).toEqual([]); // inactive: not offered
    const named = await ann.call('GET', `/api/_users?ids=${ids.gone},${ids.ann}`);
    expect(named.body.data.map((u: { username: string }) => u.username)).toEqual(['ann', 'gone']);
    expect(found.text).not.toContain('@example.com');
    expect((await ann.call('GET', '/api/_users?q=%25')).body.data).toEqual([]); // a literal %, not a wildcard
    expect((await ann.call('GET', '/api/_users?ids=nope')).status).toBe(422);
  });
});
