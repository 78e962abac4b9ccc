import { createTestRuntime, forEachDatabase, type TestRuntime } from '@tessera/runtime';
import { relationsApp } from './relations-fixtures';

forEachDatabase('relations', (getCtx) => {
  let rt: TestRuntime;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: relationsApp(), databaseUrl: getCtx().databaseUrl });
  });
  afterAll(() => rt?.close());

  const create = async (plural: string, body: Record<string, unknown>) => {
    const res = await rt.admin.call('POST', `/api/${plural}`, body);
    expect(res.status).toBe(201);
    return res.body.data as Record<string, unknown> & { id: string };
  };

  it('on delete cascade removes the children with their parent', async () => {
    const account = await create('accounts', { name: 'Cascade' });
    const note = await create('notes', { title: 'n', account: account.id });
    expect((await rt.admin.call('DELETE', `/api/accounts/${account.id}`)).status).toBe(204);
    expect((await rt.admin.call('GET', `/api/notes/${note.id}`)).status).toBe(404);
  });

  it('on delete set-null keeps the children and clears their reference', async () => {
    const account = await create('accounts', { name: 'Set null' });
    const task = await create('tasks', { title: 't', account: account.id });
    expect((await rt.admin.call('DELETE', `/api/accounts/${account.id}`)).status).toBe(204);
    const read = await rt.admin.call('GET', `/api/tasks/${task.id}`);
    expect(read.status).toBe(200);
    expect(read.body.data.account).toBeNull();
  });

  it('on delete restrict refuses with 409 and deletes nothing', async () => {
    const account = await create('accounts', { name: 'Restrict' });
    const invoice = await create('invoices', { title: 'i', account: account.id });
    const note = await create('notes', { title: 'n', account: account.id });
    const res = await rt.admin.call('DELETE', `/api/accounts/${account.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'conflict', details: [{ field: 'id', rule: 'referenced' }] });
    // Nothing half-applied: the cascading child is still there too.
    expect((await rt.admin.call('GET', `/api/accounts/${account.id}`)).status).toBe(200);
    expect((await rt.admin.call('GET', `/api/invoices/${invoice.id}`)).status).toBe(200);
    expect((await rt.admin.call('GET', `/api/notes/${note.id}`)).status).toBe(200);
  });

  it('a one-to-many field is read through expand and refused on write', async () => {
    const account = await create('accounts', { name: 'Parent' });
    expect(account).not.toHaveProperty('notes');
    const a = await create('notes', { title: 'a', account: account.id });
    const b = await create('notes', { title: 'b', account: account.id });
    const read = await rt.admin.call('GET', `/api/accounts/${account.id}?expand=notes`);
    expect(read.status).toBe(200);
    expect(read.body.data.notes.map((n: { id: string }) => n.id)).toEqual([a.id, b.id]);
    const list = await rt.admin.call('GET', `/api/accounts?expand=notes&filter[name]=Parent`);
    expect(list.body.data[0].notes).toHaveLength(2);

    const write = await rt.admin.call('PATCH', `/api/accounts/${account.id}`, { name: 'Renamed', notes: [a.id] });
    expect(write.status).toBe(422);
    expect(write.body.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'notes', rule: 'read-only' }] });
    expect((await rt.admin.call('GET', `/api/accounts/${account.id}`)).body.data.name).toBe('Parent');
  });

  it('many-to-many: ids on create, update and get; expand in one query per level', async () => {
    const [red, blue, green] = [await create('tags', { label: 'red' }), await create('tags', { label: 'blue' }), await create('tags', { label: 'green' })];
    const deal = await create('deals', { title: 'Big', tags: [red.id, blue.id] });
    expect([...(deal.tags as string[])].sort()).toEqual([red.id, blue.id].sort());

    const untouched = await rt.admin.call('PATCH', `/api/deals/${deal.id}`, { title: 'Bigger' });
    expect([...untouched.body.data.tags].sort()).toEqual([red.id, blue.id].sort());
    const patched = await rt.admin.call('PATCH', `/api/deals/${deal.id}`, { tags: [green.id] });
    expect(patched.status).toBe(200);
    expect(patched.body.data.tags).toEqual([green.id]);
    expect((await rt.admin.call('GET', `/api/deals/${deal.id}`)).body.data.tags).toEqual([green.id]);

    const other = await create('deals', { title: 'Small', tags: [red.id, green.id] });
    const list = await rt.admin.call('GET', `/api/deals?expand=tags&sort=title`);
    expect(list.status).toBe(200);
    const byTitle = Object.fromEntries(list.body.data.map((d: { title: string; tags: { label: string }[] }) => [d.title, d.tags.map((t) => t.label).sort()]));
    expect(byTitle).toEqual({ Bigger: ['green'], Small: ['green', 'red'] });
    expect((await rt.admin.call('GET', `/api/deals/${other.id}`)).body.data.tags.sort()).toEqual([red.id, green.id].sort());

    // Deleting a tag removes its links (cascade on the join table), not the deal.
    expect((await rt.admin.call('DELETE', `/api/tags/${green.id}`)).status).toBe(204);
    expect((await rt.admin.call('GET', `/api/deals/${other.id}`)).body.data.tags).toEqual([red.id]);
    expect((await rt.admin.call('PATCH', `/api/deals/${other.id}`, { tags: [] })).body.data.tags).toEqual([]);
  });

  it('many-to-many: bad ids are 422 and nothing is written', async () => {
    const tag = await create('tags', { label: 'x' });
    const missing = '00000000-0000-4000-8000-000000000000';
    const bad = await rt.admin.call('POST', '/api/deals', { title: 'Ghost', tags: [tag.id, missing] });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: 'validation_failed', details: [{ field: 'tags', rule: 'relation' }] });
    const list = await rt.admin.call('GET', `/api/deals?filter[title]=Ghost`);
    expect(list.body.data).toEqual([]);

    const deal = await create('deals', { title: 'Keep', tags: [tag.id] });
    const dup = await rt.admin.call('PATCH', `/api/deals/${deal.id}`, { title: 'Changed', tags: [tag.id, tag.id] });
    expect(dup.status).toBe(422);
    const notUuid = await rt.admin.call('PATCH', `/api/deals/${deal.id}`, { title: 'Changed', tags: ['nope'] });
    expect(notUuid.status).toBe(422);
    const gone = await rt.admin.call('PATCH', `/api/deals/${deal.id}`, { title: 'Changed', tags: [missing] });
    expect(gone.status).toBe(422);
    const read = await rt.admin.call('GET', `/api/deals/${deal.id}`);
    expect(read.body.data).toMatchObject({ title: 'Keep', tags: [tag.id], version: 1 });
  });
});
