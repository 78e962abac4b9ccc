import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { approvalApp } from './approval-fixtures';

const PDF = Buffer.from('%PDF-1.4\n% the signed offer\n%%EOF\n');
const dir = mkdtempSync(join(tmpdir(), 'tessera-approval-files-'));
process.env.TESSERA_FILES_DIR = dir;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

forEachDatabase('approval comments with attachments', (getCtx) => {
  let rt: TestRuntime;
  let rep: SessionClient;
  let boss: SessionClient;
  let outsider: SessionClient;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    rt = await createTestRuntime({ app: approvalApp({ steps: [{ id: 'manager', approvers: { kind: 'manager' }, mode: 'any' }] }), databaseUrl: getCtx().databaseUrl, dataDir: getCtx().dataDir });
    const make = async (username: string, managerId?: string) => {
      ids[username] = (await rt.createUser({ username, password: 'password-123', roles: ['sales'], ...(managerId ? { managerId } : {}) })).id;
      return rt.login(username, 'password-123');
    };
    boss = await make('boss');
    rep = await make('rep', ids.boss);
    outsider = await make('outsider');
  });
  afterAll(() => rt?.close());

  const upload = async (who: SessionClient, query: string, bytes = PDF, type = 'application/pdf', name = 'offer.pdf') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    const res = await fetch(`${rt.url}/api/files?${query}`, { method: 'POST', body: form, headers: { cookie: who.cookie, 'x-csrf-token': who.csrfToken } });
    return { status: res.status, body: await res.json() };
  };
  const download = (who: SessionClient, id: string) => fetch(`${rt.url}/api/files/${id}`, { headers: { cookie: who.cookie } });
  const submit = async () => {
    const id = (await rep.call('POST', '/api/quotes', { name: 'Q', discount: 5 })).body.data.id as string;
    expect((await rep.call('POST', `/api/quotes/${id}/transitions/SUBMIT`, {})).status).toBe(200);
    return (await rep.call('GET', `/api/approvals?entity=quote&recordId=${id}`)).body.data[0].id as string;
  };

  it('an approver attaches an upload to the comment; the approval shows names; who sees the approval downloads it', async () => {
    const approval = await submit();
    const file = (await upload(boss, 'purpose=approval')).body.data;
    expect(file).toMatchObject({ id: expect.any(String), name: 'offer.pdf', mime: 'application/pdf', size: PDF.length });
    const res = await boss.call('POST', `/api/approvals/${approval}/approve`, { comment: 'signed offer attached', attachments: [file.id] });
    expect(res.status).toBe(200);
    const approve = res.body.data.history.find((h: { action: string }) => h.action === 'approve');
    expect(approve).toMatchObject({ comment: 'signed offer attached', actor: ids.boss, attachments: [{ id: file.id, name: 'offer.pdf', mime: 'application/pdf', size: PDF.length }] });
    expect((await rep.call('GET', `/api/approvals/${approval}`)).body.data.history[1].attachments[0].name).toBe('offer.pdf');

    const got = await download(rep, file.id); // the submitter sees the approval, so the file
    expect(got.status).toBe(200);
    expect(got.headers.get('content-disposition')).toContain('offer.pdf');
    expect(Buffer.from(await got.arrayBuffer())).toEqual(PDF);
    expect((await download(outsider, file.id)).status).toBe(404); // not visible → absent
    const audit = await rt.runtime.knex('tessera.audit_log').where({ action: 'approval.approve' }).orderBy('id', 'desc').first();
    expect(audit.meta).toMatchObject({ instance: approval, attachments: [file.id], comment: 'signed offer attached' });
  });

  it('refuses files that are not the actor\'s approval uploads, or attached already; nothing is applied', async () => {
    const approval = await submit();
    const mine = (await upload(boss, 'purpose=approval')).body.data;
    const theirs = (await upload(rep, 'purpose=approval')).body.data;
    const stranger = '00000000-0000-4000-8000-000000000000';
    const res = await boss.call('POST', `/api/approvals/${approval}/approve`, { comment: 'x', attachments: [mine.id, theirs.id, stranger] });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'attachments', rule: 'file', message: expect.stringContaining(theirs.id) })]);
    expect(res.body.error.details[0].message).toContain(stranger);
    const after = (await boss.call('GET', `/api/approvals/${approval}`)).body.data;
    expect(after.status).toBe('pending'); // the approval did not happen
    expect((await download(rep, mine.id)).status).toBe(404); // mine stayed unattached: the uploader's only
    expect((await download(boss, mine.id)).status).toBe(200);

    const bad = await boss.call('POST', `/api/approvals/${approval}/approve`, { attachments: ['file:1'] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details[0]).toMatchObject({ field: 'attachments', rule: 'type' });

    expect((await boss.call('POST', `/api/approvals/${approval}/approve`, { attachments: [mine.id] })).status).toBe(200);
    const second = await submit();
    const reused = await boss.call('POST', `/api/approvals/${second}/reject`, { attachments: [mine.id] });
    expect(reused.status).toBe(422);
    expect(reused.body.error.details[0].message).toContain('attached already');
    expect((await boss.call('GET', `/api/approvals/${second}`)).body.data.status).toBe('pending');
  });

  it('an outsider cannot attach to someone else\'s approval (403, the upload stays theirs)', async () => {
    const approval = await submit();
    const file = (await upload(outsider, 'purpose=approval')).body.data;
    const res = await outsider.call('POST', `/api/approvals/${approval}/approve`, { attachments: [file.id] });
    expect(res.status).toBe(403);
    expect((await rt.runtime.knex('tessera.files').where({ id: file.id }).first()).record_id).toBeNull();
  });

  it('checks the purpose and the type of an approval upload', async () => {
    const bad = await upload(boss, 'purpose=avatar');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ parameter: 'purpose' })]);
    const exe = await upload(boss, 'purpose=approval', Buffer.from('MZ\x90\x00 not a pdf'), 'application/pdf', 'x.pdf');
    expect(exe.status).toBe(415);
  });
});
