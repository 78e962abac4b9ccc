import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AppDefinition } from '../app/app-types';
import { appToTypeScript } from './app-to-typescript';

const run = promisify(execFile);
const root = join(__dirname, '../../..');
const tsc = join(root, 'node_modules/typescript/bin/tsc');
const exampleDir = join(root, 'examples/crm');
const readJson = (path: string) => JSON.parse(readFileSync(join(exampleDir, path), 'utf8'));

function exampleApp(): AppDefinition {
  const list = (dir: string) => readdirSync(join(exampleDir, dir)).sort().map((f) => readJson(`${dir}/${f}`));
  return { ...readJson('app.json'), entities: list('entities'), layouts: list('layouts') };
}

/** Type-checks `types.ts` plus one usage file; resolves to tsc's output and whether it passed. */
async function typeCheck(dir: string, file: string): Promise<{ ok: boolean; output: string }> {
  try {
    await run(process.execPath, [tsc, '--noEmit', '--strict', '--skipLibCheck', join(dir, file)], { cwd: dir });
    return { ok: true, output: '' };
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    return { ok: false, output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

describe('appToTypeScript', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tessera-types-'));
    writeFileSync(join(dir, 'types.ts'), await appToTypeScript(exampleApp(), { fieldTypes: { 'rating:stars': { type: 'integer', minimum: 1, maximum: 5 } } }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates one interface per entity of the example app', () => {
    const ts = readFileSync(join(dir, 'types.ts'), 'utf8');
    expect(ts.match(/^export interface \w+/gm)).toEqual([
      'export interface Bid', 'export interface Contact', 'export interface Contract', 'export interface CreditGrant', 'export interface CreditRequest', 'export interface Customer', 'export interface FollowUp', 'export interface Lead',
      'export interface Opportunity', 'export interface Order', 'export interface PaymentPlan', 'export interface Payment', 'export interface Quote', 'export interface SalesTarget', 'export interface Survey', 'export interface Ticket', 'export interface TransferRequest',
      'export interface TesseraRecords',
    ]);
    expect(ts).toMatch(/export interface TesseraRecords \{\n {2}"bid": Bid;\n[^}]*"follow_up": FollowUp;/);
  });

  it('compiles code that uses the types correctly', async () => {
    writeFileSync(
      join(dir, 'good.ts'),
      `import type { Customer, Contact } from './types';
const customer: Customer = { id: 'c1', created_at: '', updated_at: '', created_by: null, owner: null, version: 1, name: 'ACME', level: 'A', industry: null, annual_revenue: 1000.5, satisfaction: 4 };
const contact: Contact = { id: 'p1', created_at: '', updated_at: '', created_by: 'u1', owner: 'u1', version: 3, name: 'Li Lei', customer: customer.id, is_primary: true };
export const labels: string[] = [customer.name, contact.name, String(customer.credit_rating ?? '')];
`,
    );
    expect(await typeCheck(dir, 'good.ts')).toEqual({ ok: true, output: '' });
  });

  it('rejects code that misuses them', async () => {
    writeFileSync(
      join(dir, 'bad.ts'),
      `import type { Customer } from './types';
export const customer: Customer = { id: 'c1', created_at: '', updated_at: '', created_by: null, owner: null, version: 1, name: 'ACME', level: 'E' };
`,
    );
    const result = await typeCheck(dir, 'bad.ts');
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/bad\.ts\(2,\d+\): error TS2322: Type '"E"' is not assignable to type '"A" \| "B" \| "C" \| "D" \| null \| undefined'/);
  });
});
