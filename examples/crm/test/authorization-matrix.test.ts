/**
 * The authorization matrix, generated from the route table: every declared route × every role
 * of the example × {own record, a record outside the caller's scope, a missing id}, with the
 * expected status derived from permissions.json and the route's declared action — never
 * hand-picked. A route added to the table is probed here without a line of this file changing;
 * an /api answer from anything but a declared route fails the runtime itself (declared-only).
 * Also generated: every route without credentials (401), with a read-only API token (403 for
 * writes), and with every method it does not declare (405 with `Allow`).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { match } from 'path-to-regexp';
import { PERMISSION_ACTIONS, type EntityDefinition, type PermissionAction } from '@tessera/metadata';
import { createTestRuntime, forEachDatabase, httpCall, HTTP_METHODS, routeActions, routeTokenScope, type RouteDeclaration, type SessionClient, type TestRuntime } from '@tessera/runtime';
import { exampleDir } from './browser-harness';

interface RolePermission { actions: PermissionAction[]; scope: string | { expression?: string; parent?: string } }
const permissions = JSON.parse(readFileSync(path.join(exampleDir, 'permissions.json'), 'utf8')) as { roles: Record<string, { entities: Record<string, RolePermission> }> };
/** A demo user per role of the example (README's table). */
const ROLE_USERS: Record<string, string> = { admin: 'admin', sales_manager: 'manager', sales_rep: 'sales1', service: 'service', marketing: 'marketing', management: 'executive', partner: 'partner' };

type Kind = 'own' | 'outside' | 'missing' | 'none';
type Outcome = 'allowed' | 403 | 404;

/** The published entities (set in the matrix's beforeAll). */
let entities: EntityDefinition[];

const grantOf = (role: string, entity: string): RolePermission | undefined =>
  role === 'admin' ? { actions: [...PERMISSION_ACTIONS], scope: 'all' } : permissions.roles[role]?.entities[entity];

/** The many-to-one field a `{ parent }` scope sees `entity` through, and the entity it points at. */
function parentOf(role: string, entity: string): { field: string; entity: string } | undefined {
  const scope = grantOf(role, entity)?.scope;
  if (typeof scope !== 'object' || !scope.parent) return undefined;
  const relation = entities.find((e) => e['x-name'] === entity)!.properties[scope.parent]['x-relation']!;
  return { field: scope.parent, entity: relation.entity };
}

/**
 * Whether `role` sees a record of `entity` owned by `kind` (its parents, under a parent scope,
 * owned by the same user; see `recordOwnedBy`). The outsider's department is outside every
 * role's tree: only scope `all` reaches it, or a parent scope whose parent `all` reaches.
 */
function inScope(role: string, entity: string, kind: 'own' | 'outside'): boolean {
  const grant = grantOf(role, entity);
  if (!grant) return false;
  const parent = parentOf(role, entity);
  if (parent) return Boolean(grantOf(role, parent.entity)?.actions.includes('read')) && inScope(role, parent.entity, kind);
  return kind === 'own' || grant.scope === 'all';
}

/** What the declaration and permissions.json say the answer must be. */
function expected(route: RouteDeclaration, role: string, entity: string | undefined, kind: Kind): Outcome {
  if (!route.entity) return route.action === 'admin' && role !== 'admin' ? 403 : 'allowed';
  const grant = grantOf(role, entity!);
  if (!grant || !routeActions(route).some((a) => grant.actions.includes(a))) return 403;
  if (kind === 'missing') return 404;
  if ((kind === 'own' || kind === 'outside') && !inScope(role, entity!, kind)) return 404;
  return 'allowed';
}

/**
 * `allowed`: past the guard — the handler's own answer (200, 409 for a bogus event, 422 for an
 * empty body…). On a plain route a 404 is the handler's too (no such token, view or approval);
 * on an entity route the guard's 404 (`not_found`) does not count, a handler's own code does (an
 * import id that is not the caller's: `import_not_found`).
 */
const holds = (outcome: Outcome, status: number, route: RouteDeclaration, code?: string) =>
  outcome === 'allowed' ? ![401, 403, 405].includes(status) && status < 500 && (status !== 404 || !route.entity || code !== 'not_found') : status === outcome;

/** Values for a route's path parameters. */
function pathOf(template: string, values: Record<string, string>): string {
  return template.replace(/[:*]([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(values[name] ?? randomUUID()).replace(/%40/g, '@'));
}

/** Probe bodies that pass the guard but change nothing lasting (a stale version, a bogus event, a wrong field). */
const BODIES: Record<string, unknown> = {
  'POST /api/_meta/rollback': { baseVersion: 999_999 },
  'POST /api/_meta/publish': {},
};
const body = (route: RouteDeclaration) => (route.method === 'GET' || route.method === 'DELETE' ? undefined : (BODIES[`${route.method} ${route.path}`] ?? {}));
const PARAMS = { event: 'NO_SUCH_EVENT', name: 'no-such-plugin', version: '999999', verb: 'approve' };

/** A record with only its required fields, from the entity's JSON Schema (relations point at `refs`). */
function minimalRecord(entity: EntityDefinition, refs: Map<string, string>, adminId: string): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const name of entity.required ?? []) {
    const field = entity.properties[name];
    const options = (field['x-options'] as { value: string }[] | undefined)?.map((o) => o.value) ?? ((field as { enum?: string[] }).enum);
    record[name] =
      field['x-relation'] ? refs.get(field['x-relation'].entity)
      : field['x-type'] === 'user' ? adminId
      : options ? options[0]
      : field['x-type'] === 'date' ? '2026-01-15'
      : ['number', 'currency', 'percent'].includes(field['x-type']) ? Math.max(Number(field.minimum ?? 0), 100)
      : `Matrix ${entity['x-name']} ${name}`;
  }
  return record;
}

forEachDatabase('authorization matrix over the route table', (getCtx) => {
  let server: TestRuntime;
  const clients = new Map<string, SessionClient>();
  const templates = new Map<string, string>(); // entity x-name → id of a record to copy
  let outsiderId: string;
  const byPlural = () => new Map(entities.map((e) => [e['x-plural'], e]));

  beforeAll(async () => {
    server = await createTestRuntime({ appDir: exampleDir, databaseUrl: getCtx().databaseUrl, demoUsers: true });
    for (const [role, username] of Object.entries(ROLE_USERS)) clients.set(role, role === 'admin' ? server.admin : await server.login(username, `${username}-demo-123`));
    // One entity keeps deleted records, so restore is probed too (published as an implementer would).
    const { version, app } = (await server.admin.call('GET', '/api/_meta/app')).body;
    app.entities = app.entities.map((e: EntityDefinition) => (e['x-name'] === 'survey' ? { ...e, 'x-soft-delete': true } : e));
    expect((await server.admin.call('POST', '/api/_meta/publish', { app, baseVersion: version })).status).toBe(200);
    entities = server.runtime.app().entities;
    const [dept] = await server.runtime.knex('tessera.departments').insert({ name: 'Outsiders' }).returning('id');
    outsiderId = (await server.createUser({ username: 'outsider', password: 'outsider-password-1', roles: ['sales_rep'], departmentId: dept.id ?? dept })).id;
    // Templates in dependency order: a relation's target first.
    const pending = [...entities];
    while (pending.length > 0) {
      const entity = pending.find((e) => (e.required ?? []).every((n) => !e.properties[n]['x-relation'] || templates.has(e.properties[n]['x-relation']!.entity)));
      if (!entity) throw new Error(`no creation order for ${pending.map((e) => e['x-name']).join(', ')}`);
      pending.splice(pending.indexOf(entity), 1);
      const res = await server.admin.call('POST', `/api/${entity['x-plural']}`, minimalRecord(entity, templates, server.admin.user.id));
      if (res.status !== 201) throw new Error(`template ${entity['x-name']}: ${res.status} ${res.text}`);
      templates.set(entity['x-name'], res.body.data.id);
    }
  }, 180_000);
  afterAll(() => server?.close());

  /**
   * A fresh copy of the entity's template owned by `owner` (each case gets its own: some probes
   * change it). Where `role` sees the entity through a parent (`{ parent }` scope), the copy
   * points at a fresh parent owned by `owner` too, so "own" and "outside" mean the same there.
   */
  async function recordOwnedBy(entity: EntityDefinition, owner: string, deleted: boolean, role: string): Promise<string> {
    const table = server.runtime.knex.withSchema(`app_${server.runtime.app().name}`).table(entity['x-name']);
    const row = await table.clone().where({ id: templates.get(entity['x-name']) }).first();
    const id = randomUUID();
    // Autonumbers are unique: each copy gets its own.
    const numbers = Object.entries(entity.properties).filter(([, f]) => f['x-type'] === 'autonumber').map(([name]) => [name, `${String(row[name])}-${id.slice(0, 8)}`]);
    const parent = parentOf(role, entity['x-name']);
    const parentId = parent && (await recordOwnedBy(entities.find((e) => e['x-name'] === parent.entity)!, owner, false, role));
    await table.clone().insert({ ...row, id, owner, ...Object.fromEntries(numbers), ...(parent ? { [parent.field]: parentId } : {}), ...(deleted ? { deleted_at: new Date() } : {}) });
    return id;
  }

  it('answers every route × role × {own, outside the scope, missing} as permissions.json and the declaration say', async () => {
    const failures: string[] = [];
    let cases = 0;
    for (const route of server.runtime.routes) {
      if (route.action === 'public') continue;
      const plurals = route.entity ? server.runtime.pluralsOf(route) : [undefined];
      for (const plural of plurals) {
        const entity = plural === undefined ? undefined : byPlural().get(plural)!;
        for (const [role, client] of clients) {
          const kinds: Kind[] = route.entity && route.record ? ['own', 'outside', 'missing'] : ['none'];
          for (const kind of kinds) {
            let id: string = randomUUID();
            if (kind === 'own' || kind === 'outside') id = await recordOwnedBy(entity!, kind === 'own' ? client.user.id : outsiderId, route.path.endsWith('/restore'), role);
            const url = pathOf(route.path, { ...PARAMS, plural: plural ?? '', id });
            // A stale version: a delete that passes the guard is refused by its precondition, so the record stays.
            const headers = route.method === 'DELETE' && route.entity ? { 'If-Match': '"0"' } : undefined;
            const res = await client.call(route.method, url, body(route), headers);
            const want = expected(route, role, entity?.['x-name'], kind);
            cases += 1;
            if (!holds(want, res.status, route, res.body?.error?.code)) failures.push(`${role} ${route.method} ${url} (${kind}): expected ${want}, got ${res.status} ${res.text.slice(0, 160)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // Seven roles over every route and entity: thousands of cases (the count is in the issue note).
    expect(cases).toBeGreaterThan(2000);
    console.info(`authorization matrix [${getCtx().kind}]: ${cases} cases over ${server.runtime.routes.length} routes`);
  }, 900_000);

  it('refuses every non-public route without credentials (401), and writes with a read-only token (403)', async () => {
    const token = (await clients.get('sales_rep')!.call('POST', '/api/auth/tokens', { name: 'matrix', scopes: ['read'] })).body.data.token as string;
    const failures: string[] = [];
    for (const route of server.runtime.routes) {
      if (route.action === 'public') continue;
      const plural = route.entity ? server.runtime.pluralsOf(route)[0] : '';
      if (plural === undefined) continue;
      const url = pathOf(route.path, { ...PARAMS, plural, id: randomUUID() });
      const anonymous = await httpCall(server.url, route.method, url, body(route));
      if (anonymous.status !== 401) failures.push(`anonymous ${route.method} ${url}: ${anonymous.status}`);
      const needs = routeTokenScope(route);
      if (needs === 'read') continue;
      const tokened = await httpCall(server.url, route.method, url, body(route), { authorization: `Bearer ${token}` });
      if (tokened.status !== 403) failures.push(`read token ${route.method} ${url} (needs ${needs}): ${tokened.status}`);
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('answers a method a path does not declare with 405 and the declared methods in Allow', async () => {
    const failures: string[] = [];
    const routes = server.runtime.routes;
    const fits = (route: RouteDeclaration, url: string) => {
      const found = match(route.path, { decode: decodeURIComponent })(url);
      if (!found) return false;
      const params = found.params as Record<string, string>;
      if (!route.entity) return true;
      return server.runtime.pluralsOf(route).includes(params.plural) && (!route.record || /^[0-9a-f-]{36}$/.test(params.id));
    };
    for (const route of routes) {
      const plural = route.entity ? server.runtime.pluralsOf(route)[0] : '';
      if (plural === undefined) continue;
      const url = pathOf(route.path, { ...PARAMS, plural, id: randomUUID() });
      const declared = new Set(routes.filter((r) => fits(r, url)).map((r) => r.method));
      for (const method of HTTP_METHODS.filter((m) => !declared.has(m))) {
        const res = await server.admin.call(method, url, method === 'GET' || method === 'DELETE' ? undefined : {});
        const allow = new Set((res.headers.get('allow') ?? '').split(', ').filter(Boolean));
        if (res.status !== 405 || allow.size !== declared.size || [...declared].some((m) => !allow.has(m))) {
          failures.push(`${method} ${url}: ${res.status} Allow "${res.headers.get('allow')}", declared ${[...declared].join(', ')}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});

forEachDatabase('the OpenAPI document and the route table', (getCtx) => {
  let server: TestRuntime;
  beforeAll(async () => {
    server = await createTestRuntime({ appDir: exampleDir, databaseUrl: getCtx().databaseUrl, demoUsers: true });
  });
  afterAll(() => server?.close());

  it('lists every declared route with the permission it needs', async () => {
    const doc = (await server.admin.call('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, { 'x-permission'?: unknown }>> };
    const missing: string[] = [];
    for (const route of server.runtime.routes) {
      const plurals = route.entity ? server.runtime.pluralsOf(route) : [undefined];
      for (const plural of plurals) {
        const p = route.path.replace(':plural', plural ?? '').replace(/[:*]([A-Za-z]+)/g, '{$1}');
        const op = doc.paths[p]?.[route.method.toLowerCase()];
        if (!op || op['x-permission'] === undefined) missing.push(`${route.method} ${p}`);
      }
    }
    expect(missing).toEqual([]);
    expect(doc.paths['/api/customers/{id}/transitions/{event}'].post['x-permission']).toEqual({ anyOf: ['transition'], scope: 'write' });
    expect(doc.paths['/api/customers/export'].get['x-permission']).toEqual({ anyOf: ['export'] });
  });

  it('sends security headers on pages and API answers', async () => {
    for (const path of ['/', '/api/auth/me', '/designer/']) {
      const res = await server.admin.call('GET', path);
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
    }
  });
});
