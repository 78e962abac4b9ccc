/**
 * Web-to-lead: the example publishes `layouts/web-lead.layout.json` at /forms/contact-us. A
 * visitor's submission becomes a lead created as the `webform` service user — through the
 * write door, the lead-scoring hook and the audit — and the ASSIGN event gives it to the rep
 * of its region. Bad input is answered on the page, in the visitor's language, with nothing
 * created; bots meet the question, the honeypot and the rate limit.
 */
import { createTestRuntime, forEachDatabase, httpCall, type TestRuntime } from '@tessera/runtime';
import { exampleDir } from './browser-harness';

const FORM = '/forms/contact-us';

/** The page's question, answered, and its signed token. */
function solve(html: string): { captcha_answer: string; captcha_token: string } {
  const sum = /(\d+) \+ (\d+)/.exec(html);
  const token = /name="captcha_token" value="([^"]+)"/.exec(html);
  if (!sum || !token) throw new Error('the form page has no question');
  return { captcha_answer: String(Number(sum[1]) + Number(sum[2])), captcha_token: token[1] };
}

const encode = (values: Record<string, string>) => new URLSearchParams(values).toString();

forEachDatabase('the example web-to-lead form', (getCtx) => {
  let server: TestRuntime;
  beforeAll(async () => {
    server = await createTestRuntime({ appDir: exampleDir, databaseUrl: getCtx().databaseUrl, demoUsers: true });
  });
  afterAll(() => server?.close());
  // Each case starts under the form's rate limit (5 a minute from one address).
  beforeEach(() => server.runtime.knex('tessera.plugin_route_throttle').delete());

  const page = async (query = '') => {
    const res = await httpCall(server.url, 'GET', FORM + query);
    expect(res.status).toBe(200);
    return res.text;
  };
  const post = async (values: Record<string, string>, query = '') =>
    httpCall(server.url, 'POST', FORM + query, encode(values), { 'content-type': 'application/x-www-form-urlencoded' });
  const leadsNamed = async (name: string) => (await server.admin.call('GET', `/api/leads?filter=${encodeURIComponent(JSON.stringify({ name: { eq: name } }))}`)).body.data as Array<Record<string, unknown>>;

  it('shows the form without signing in: labels, required marks, a question, no script; in Chinese on request', async () => {
    const html = await page();
    expect(html).toContain('Talk to our sales team');
    expect(html).toMatch(/<label for="f-name">Name<span class="req">required<\/span><\/label>/);
    expect(html).toContain('name="region"');
    expect(html).not.toContain('name="source"'); // a default, not a question
    expect(html).toMatch(/what is \d+ \+ \d+\?/);
    expect(html).not.toMatch(/<script/i);
    const zh = await page('?lang=zh');
    expect(zh).toContain('联系我们的销售团队');
    expect(zh).toContain('请证明您不是机器人');
  });

  it('creates the lead as the service user, scored by the plugin and assigned to the region rep', async () => {
    const res = await post({ name: 'Web Visitor South', company: 'Pearl River Trading', phone: '13912345678', email: 'visitor@pearl.example', industry: 'manufacturing', region: 'south', ...solve(await page()) });
    expect(res.status).toBe(201);
    expect(res.text).toContain('The sales rep for your region will contact you');
    const [lead] = await leadsNamed('Web Visitor South');
    expect(lead).toMatchObject({ source: 'web_form', company: 'Pearl River Trading', region: 'south' });
    const users = (await server.admin.call('GET', '/api/admin/users')).body.data as Array<{ id: string; username: string }>;
    const idOf = (username: string) => users.find((u) => u.username === username)!.id;
    expect(lead.owner).toBe(idOf('sales2'));
    expect(lead.created_by).toBe(idOf('webform'));
    // referral 0 + web_form 20 + manufacturing 20 + south 10 + company, phone, email 10 each
    expect(lead.score).toBe(80);
  });

  it('keeps the visitor\'s values and names the field on a bad submission, creating nothing', async () => {
    const noName = await post({ company: 'Nameless Co', email: 'not-an-email', ...solve(await page()) });
    expect(noName.status).toBe(422);
    expect(noName.text).toContain('Name is required.');
    expect(noName.text).toMatch(/Email: is not in the right format\./);
    expect(noName.text).toContain('value="Nameless Co"');
    const zh = await post({ company: 'Nameless Co', ...solve(await page('?lang=zh')) }, '?lang=zh');
    expect(zh.status).toBe(422);
    expect(zh.text).toMatch(/请填写[^<]+。/);
    expect(await leadsNamed('Nameless Co')).toEqual([]);
  });

  it('refuses a wrong answer with a new question, and escapes what it shows back', async () => {
    const { captcha_token } = solve(await page());
    const res = await post({ name: '<script>alert(1)</script>', captcha_token, captcha_answer: '999' });
    expect(res.status).toBe(422);
    expect(res.text).toContain('The answer to the question is not right');
    expect(res.text).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(res.text).not.toContain('<script>');
    expect(solve(res.text).captcha_token).not.toBe(captcha_token);
    expect(await leadsNamed('<script>alert(1)</script>')).toEqual([]);
  });

  it('thanks a bot that fills in the hidden field and keeps nothing', async () => {
    const res = await post({ name: 'Honeypot Bot', website_url: 'http://spam.example', ...solve(await page()) });
    expect(res.status).toBe(201);
    expect(await leadsNamed('Honeypot Bot')).toEqual([]);
  });

  it('answers JSON clients in JSON', async () => {
    const res = await httpCall(server.url, 'POST', FORM, { name: 'Json Visitor', region: 'east', ...solve(await page()) });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ data: { received: true } });
    const bad = await httpCall(server.url, 'POST', FORM, { region: 'east', ...solve(await page()) });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details).toEqual([expect.objectContaining({ field: 'name' })]);
  });

  it('limits submissions per address and says when to try again', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post({ name: `Flood ${i}`, captcha_token: 'x', captcha_answer: '1' })).status);
    expect(statuses.slice(0, 5)).toEqual([422, 422, 422, 422, 422]);
    const limited = await post({ name: 'Flood 6' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.text).toContain('Too many submissions');
  });

  it('is a 404 page for an unknown form, and refuses broken encodings', async () => {
    expect((await httpCall(server.url, 'GET', '/forms/no-such-form')).status).toBe(404);
    expect((await post({ name: 'x' }, '')).status).toBe(422);
    const broken = await httpCall(server.url, 'POST', FORM, 'name=%E0%A4%A', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(broken.status).toBe(400);
  });
});
