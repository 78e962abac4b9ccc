import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { filesApp } from './files-fixtures';

const PDF = Buffer.from('%PDF-1.4\n% a tiny test document\n%%EOF\n');
const dir = mkdtempSync(join(tmpdir(), 'tessera-files-'));
process.env.TESSERA_FILES_DIR = dir;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under the files folder (temp files included), so a refused upload can be shown to leave none. */
function filesOnDisk(): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

forEachDatabase('file fields', (getCtx) => {
  let rt: TestRuntime;
  let alice: SessionClient;
  let bob: SessionClient;
  beforeAll(async () => {
    rt = await createTestRuntime({ app: filesApp(), databaseUrl: getCtx().databaseUrl });
    await rt.createUser({ username: 'alice', password: 'alice-password-1', roles: ['sales'] });
    await rt.createUser({ username: 'bob', password: 'bob-password-12', roles: ['sales'] });
    alice = await rt.login('alice', 'alice-password-1');
    bob = await rt.login('bob', 'bob-password-12');
  });
  afterAll(() => rt?.close());

  const upload = async (who: SessionClient, entity: string, field: string, bytes: Buffer, type: string, name = 'doc.pdf') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    const res = await fetch(`${rt.url}/api/files?entity=${entity}&field=${field}`, { method: 'POST', body: form, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken } });
    return { status: res.status, body: await res.json() };
  };
  const download = (who: SessionClient, id: string) => fetch(`${rt.url}/api/files/${id}`, { headers: { cookie: who.cookie } });

  it('uploads a file and returns its id, name, type and size', async () => {
    const res = await upload(alice, 'contract', 'scan', PDF, 'application/pdf');
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({ id: expect.any(String), name: 'doc.pdf', mime: 'application/pdf', size: PDF.length });
  });

  it('refuses a file over the field limit with 413 and leaves nothing on disk', async () => {
    const before = filesOnDisk();
    const res = await upload(alice, 'contract', 'scan', Buffer.concat([PDF, Buffer.alloc(5000, 1)]), 'application/pdf');
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('file_too_large');
    expect(filesOnDisk()).toEqual(before);
  });

  it('refuses a type the field does not accept, and bytes that are not the declared type (415)', async () => {
    const before = filesOnDisk();
    const wrong = await upload(alice, 'contract', 'scan', Buffer.from('hello'), 'text/plain', 'a.txt');
    expect(wrong.status).toBe(415);
    expect(wrong.body.error.code).toBe('file_type_not_allowed');
    // An executable renamed to .pdf: the declared type is accepted, the first bytes are not a PDF.
    const disguised = await upload(alice, 'contract', 'scan', Buffer.from('MZ\x90\x00 not really a pdf'), 'application/pdf');
    expect(disguised.status).toBe(415);
    expect(filesOnDisk()).toEqual(before);
  });

  it('refuses unknown entities and non-file fields (400) and non-multipart bodies (415)', async () => {
    expect((await upload(alice, 'nope', 'scan', PDF, 'application/pdf')).status).toBe(400);
    expect((await upload(alice, 'contract', 'title', PDF, 'application/pdf')).body.error.code).toBe('invalid_query');
    expect((await alice.call('POST', '/api/files?entity=contract&field=scan', { a: 1 })).status).toBe(415);
  });

  it('attaches files to a record, reads them back and streams them to the owner', async () => {
    const scan = (await upload(alice, 'contract', 'scan', PDF, 'application/pdf')).body.data;
    const note = (await upload(alice, 'contract', 'attachments', Buffer.from('note'), 'text/plain', 'n.txt')).body.data;
    const created = await alice.call('POST', '/api/contracts', { title: 'C1', scan: scan.id, attachments: [note.id] });
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ scan: scan.id, attachments: [note.id] });
    const read = await alice.call('GET', `/api/contracts/${created.body.data.id}`);
    expect(read.body.data).toMatchObject({ scan: scan.id, attachments: [note.id] });

    const res = await download(alice, scan.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('attachment; filename="doc.pdf"');
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
    // Content lives under its sha256.
    expect(filesOnDisk().some((f) => /[0-9a-f]{2}[\\/][0-9a-f]{64}$/.test(f))).toBe(true);
  });

  it('answers 404 to a user out of the record\'s scope, and for someone else\'s unattached upload', async () => {
    const scan = (await upload(alice, 'contract', 'scan', PDF, 'application/pdf')).body.data;
    expect((await download(bob, scan.id)).status).toBe(404);
    const created = await alice.call('POST', '/api/contracts', { title: 'C2', scan: scan.id });
    expect(created.status).toBe(201);
    const refused = await download(bob, scan.id);
    expect(refused.status).toBe(404);
    expect((await refused.json()).error.code).toBe('not_found');
    expect((await download(rt.admin, scan.id)).status).toBe(200);
    expect((await download(alice, '00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });

  it('rejects ids of another field, another entity, another user or another record (422 naming the field), writing nothing', async () => {
    const attachment = (await upload(alice, 'contract', 'attachments', PDF, 'application/pdf')).body.data;
    const noteScan = (await upload(alice, 'note', 'scan', PDF, 'application/pdf')).body.data;
    const bobs = (await upload(bob, 'contract', 'scan', PDF, 'application/pdf')).body.data;
    for (const id of [attachment.id, noteScan.id, bobs.id]) {
      const res = await alice.call('POST', '/api/contracts', { title: 'bad', scan: id });
      expect(res.status).toBe(422);
      expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'scan', rule: 'file' })]);
    }
    const list = await alice.call('GET', '/api/contracts?filter[title]=bad');
    expect(list.body.data).toEqual([]);

    const scan = (await upload(alice, 'contract', 'scan', PDF, 'application/pdf')).body.data;
    const first = await alice.call('POST', '/api/contracts', { title: 'first', scan: scan.id });
    expect(first.status).toBe(201);
    const second = await alice.call('POST', '/api/contracts', { title: 'second', scan: scan.id });
    expect(second.status).toBe(422);
    // Re-saving the same record with its own file is fine; clearing the field detaches it.
    expect((await alice.call('PATCH', `/api/contracts/${first.body.data.id}`, { scan: scan.id })).status).toBe(200);
    expect((await alice.call('PATCH', `/api/contracts/${first.body.data.id}`, { scan: null })).status).toBe(200);
    expect((await alice.call('POST', '/api/contracts', { title: 'second', scan: scan.id })).status).toBe(201);
  });
});
