/**
 * Files on an S3-compatible bucket (issue 22): an in-process S3 server (s3rver) stands in for
 * AWS/MinIO. Uploads and downloads go through the real files API over HTTP with
 * TESSERA_FILE_STORAGE=s3; removal through the storage; a backup of the database includes the
 * bucket's files, and restores them to local disk or to a bucket.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import S3rver from 's3rver';
import { createDatabase, createTestRuntime, forEachDatabase, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { restoreBackup, writeBackup } from '../src/backup';
import { fileStorageFor, localFileStorage } from '../src/files/file-storage';
import { storageKeyOf } from '../src/files/files-dir';
import { s3FileStorage } from '../src/files/s3-storage';
import { filesApp } from './files-fixtures';

const PDF = Buffer.from('%PDF-1.4\n% stored in a bucket\n%%EOF\n');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const s3dir = mkdtempSync(join(tmpdir(), 'tessera-s3rver-'));
const localDir = mkdtempSync(join(tmpdir(), 'tessera-s3-local-'));
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3dir, configureBuckets: [{ name: 'tessera-files', configs: [] }] });
let endpoint = '';
const env = { ...process.env };

beforeAll(async () => {
  const address = (await server.run()) as AddressInfo;
  endpoint = `http://127.0.0.1:${address.port}`;
  Object.assign(process.env, {
    TESSERA_FILE_STORAGE: 's3',
    TESSERA_S3_BUCKET: 'tessera-files',
    TESSERA_S3_ENDPOINT: endpoint,
    TESSERA_S3_FORCE_PATH_STYLE: 'true',
    TESSERA_S3_ACCESS_KEY_ID: 'S3RVER', // s3rver's fixed test credentials
    TESSERA_S3_SECRET_ACCESS_KEY: 'S3RVER',
    TESSERA_FILES_DIR: localDir, // upload staging only: no content may stay here
  });
});
afterAll(async () => {
  process.env = env;
  await server.close();
  rmSync(s3dir, { recursive: true, force: true });
  rmSync(localDir, { recursive: true, force: true });
});

const filesUnder = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);

forEachDatabase('files on S3-compatible storage', (getCtx) => {
  let rt: TestRuntime;
  let alice: SessionClient;
  const prefix = `run-${randomUUID().slice(0, 8)}/`;
  beforeAll(async () => {
    process.env.TESSERA_S3_PREFIX = prefix;
    rt = await createTestRuntime({ app: filesApp(), databaseUrl: getCtx().databaseUrl });
    await rt.createUser({ username: 'alice', password: 'alice-password-1', roles: ['sales'] });
    alice = await rt.login('alice', 'alice-password-1');
  });
  afterAll(() => rt?.close());

  const bucket = () => s3FileStorage({ bucket: 'tessera-files', prefix, endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  const upload = async (bytes: Buffer, type: string, name: string, field = 'scan') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    const res = await fetch(`${rt.url}/api/files?entity=contract&field=${field}`, { method: 'POST', body: form, headers: { cookie: alice.cookie, 'x-csrf-token': alice.csrfToken } });
    return { status: res.status, body: await res.json() };
  };

  it('uploads into the bucket (nothing left on local disk) and downloads from it', async () => {
    const res = await upload(PDF, 'application/pdf', 'scan.pdf');
    expect(res.status).toBe(201);
    const key = storageKeyOf(sha(PDF));
    expect(await bucket().size(key)).toBe(PDF.length);
    expect(filesUnder(localDir)).toEqual([]);

    const created = await alice.call('POST', '/api/contracts', { title: 'In the bucket', scan: res.body.data.id });
    expect(created.status).toBe(201);
    const down = await fetch(`${rt.url}/api/files/${res.body.data.id}`, { headers: { cookie: alice.cookie } });
    expect(down.status).toBe(200);
    expect(down.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await down.arrayBuffer())).toEqual(PDF);
  });

  it('streams a large object both ways (a multipart upload of several parts)', async () => {
    const big = Buffer.alloc(12 * 1024 * 1024 + 123);
    for (let i = 0; i < big.length; i += 4096) big.writeUInt32BE(i, i);
    const storage = fileStorageFor(rt.runtime.knex);
    const key = storageKeyOf(sha(big));
    await storage.write(key, Readable.from((function* () { for (let i = 0; i < big.length; i += 64 * 1024) yield big.subarray(i, i + 64 * 1024); })()));
    expect(await storage.size(key)).toBe(big.length);
    const back = createHash('sha256');
    for await (const chunk of await storage.read(key)) back.update(chunk as Buffer);
    expect(back.digest('hex')).toBe(sha(big));
    await storage.remove(key);
  });

  it('removes an object; a missing key has no size and refuses to be read', async () => {
    const storage = fileStorageFor(rt.runtime.knex);
    const key = storageKeyOf(sha(Buffer.from('to delete')));
    await storage.write(key, Readable.from([Buffer.from('to delete')]));
    expect(await storage.size(key)).toBe(9);
    await storage.remove(key);
    expect(await storage.size(key)).toBeUndefined();
    await expect(storage.read(key)).rejects.toThrow();
    await storage.remove(key); // again: not an error
  });

  it('a backup includes the bucket\'s files, and restores them to disk or to a bucket', async () => {
    const note = Buffer.from('a note kept in S3');
    const up = await upload(note, 'text/plain', 'note.txt', 'attachments');
    expect(up.status).toBe(201);
    const scan = await upload(PDF, 'application/pdf', 'scan.pdf');
    expect((await alice.call('POST', '/api/contracts', { title: 'With a note', scan: scan.body.data.id, attachments: [up.body.data.id] })).status).toBe(201);

    const archive = join(localDir, '..', `tessera-s3-backup-${randomUUID()}.tar.gz`);
    try {
      const summary = await writeBackup(rt.runtime.knex, fileStorageFor(rt.runtime.knex), createWriteStream(archive));
      expect(summary.files).toBeGreaterThanOrEqual(2);

      const target = createDatabase({ dataDir: 'memory://' });
      const restoredDir = mkdtempSync(join(tmpdir(), 'tessera-s3-restored-'));
      try {
        const restored = await restoreBackup(target, localFileStorage(restoredDir), createReadStream(archive));
        expect(restored.files).toBe(summary.files);
        expect(await readFile(join(restoredDir, storageKeyOf(sha(note))))).toEqual(note);
        expect(await readFile(join(restoredDir, storageKeyOf(sha(PDF))))).toEqual(PDF);
      } finally {
        await target.destroy();
        rmSync(restoredDir, { recursive: true, force: true });
      }

      // And back into a bucket (another prefix): what `tessera restore` does with S3 configured.
      const again = createDatabase({ dataDir: 'memory://' });
      const otherPrefix = s3FileStorage({ bucket: 'tessera-files', prefix: `restored-${prefix}`, endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
      try {
        expect((await restoreBackup(again, otherPrefix, createReadStream(archive))).files).toBe(summary.files);
        expect(await otherPrefix.size(storageKeyOf(sha(note)))).toBe(note.length);
      } finally {
        await again.destroy();
      }
    } finally {
      rmSync(archive, { force: true });
    }
  });
});
