import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { builtinActions } from '@tessera/engine';
import type { EntityDefinition } from '@tessera/metadata';
import { en } from '../i18n/en';
import { zh } from '../i18n/zh';
import { ACTION_EDITORS, ActionParamsEditor, GENERATED_FORM_ACTIONS } from './action-editors';
import { sampleParams } from './params-samples';

// The example app's entities: the editors' pickers read real fields, relations and options.
const dir = join(__dirname, '../../../examples/crm/entities');
const entities = readdirSync(dir).filter((f) => f.endsWith('.entity.json')).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as EntityDefinition);
const lead = entities.find((e) => e['x-name'] === 'lead')!;
const context = { source: lead, entities, roles: ['sales'], channels: ['inApp', 'email'], created: ['customer'] };

/**
 * Params a person writes that the generated samples do not reach: each createRecord value kind,
 * a localized text given in English only, an assignment by rules. Checked against the action's
 * schema, so none drifts into something publishing would refuse.
 */
const WRITTEN: Record<string, Record<string, unknown>[]> = {
  createRecord: [{ entity: 'customer', values: { name: { $expr: 'company' }, level: 'a', vip: false, tags: ['x'], primary_contact: { $created: 'contact' } }, link: 'lead', as: 'customer', backLink: 'converted_customer' }],
  notify: [{ template: { en: 'Lead {{name}} is yours' }, to: ['owner', 'role:sales', 'alice'] }],
  assignOwner: [{ rules: [{ when: "region == 'east'", users: ['alice'] }], fallback: ['bob'] }, { users: ['alice', 'bob'] }],
  transferRecord: [{ entity: 'customer', record: { $expr: 'converted_customer' }, to: { $expr: '$user.id' } }],
  setFields: [{ fields: { status: 'qualified', score: 80, disqualify_reason: null } }],
};

const ajv = new Ajv({ allErrors: true, strict: false });
const roundTrip = (type: string, params: Record<string, unknown>) => {
  const editor = ACTION_EDITORS[type];
  return editor.toParams(editor.toState(params));
};
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');
/** The texts and numbers inside a param value, as the markup would hold them. */
const leaves = (v: unknown): string[] => {
  if (typeof v === 'string') return [escape(v)];
  if (typeof v === 'number') return [`value="${v}"`];
  if (Array.isArray(v)) return v.flatMap(leaves);
  return v && typeof v === 'object' ? Object.values(v).flatMap(leaves) : [];
};

async function i18nIn(lng: string) {
  const missing: string[] = [];
  const i18n = i18next.createInstance();
  await i18n.init({
    lng, fallbackLng: false, resources: { en: { translation: en }, zh: { translation: zh } }, interpolation: { escapeValue: false }, showSupportNotice: false,
    saveMissing: true, missingKeyHandler: (_l, _ns, key, _fallback, _update, opts) => { if ((opts as { defaultValue?: string } | undefined)?.defaultValue === undefined) missing.push(key); },
  });
  return { i18n, missing };
}

const render = (i18n: typeof i18next, type: string, params: Record<string, unknown>) => renderToStaticMarkup(createElement(I18nextProvider, { i18n },
  createElement(ActionParamsEditor, { id: 'a', type, params, context, onChange: () => undefined })));

const cases = builtinActions.map((a) => [a.name, a] as const);

describe('every built-in workflow action has a designer editor', () => {
  it('reads the actions from the engine\'s registry', () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
    expect(cases.map(([n]) => n)).toEqual(expect.arrayContaining(['notify', 'createRecord', 'webhook']));
  });

  it('maps each action to an editor, or names why the generated form is enough', () => {
    const missing = cases.map(([n]) => n).filter((n) => !Object.hasOwn(ACTION_EDITORS, n) && !Object.hasOwn(GENERATED_FORM_ACTIONS, n));
    expect(missing).toEqual([]);
  });

  it('has no editor or exception for an action the engine does not register, nor both for one', () => {
    const names = new Set(cases.map(([n]) => n));
    expect([...Object.keys(ACTION_EDITORS), ...Object.keys(GENERATED_FORM_ACTIONS)].filter((n) => !names.has(n))).toEqual([]);
    expect(Object.keys(GENERATED_FORM_ACTIONS).filter((n) => Object.hasOwn(ACTION_EDITORS, n))).toEqual([]);
    for (const reason of Object.values(GENERATED_FORM_ACTIONS)) expect(reason.length).toBeGreaterThan(20);
  });

  describe.each(cases.filter(([n]) => Object.hasOwn(ACTION_EDITORS, n)))('%s', (name, action) => {
    const validate = ajv.compile(action.paramsSchema ?? { type: 'object' });
    const generated = sampleParams(action.paramsSchema);
    const samples = [...generated, ...(WRITTEN[name] ?? [])];

    it('samples fill in every param the schema declares, and are valid', () => {
      const declared = Object.keys((action.paramsSchema?.properties ?? {}) as object);
      for (const s of generated) expect(Object.keys(s).sort()).toEqual([...declared].sort());
      for (const s of samples) expect([s, validate(s) ? [] : validate.errors]).toEqual([s, []]);
    });

    it.each(samples.map((s) => [JSON.stringify(s), s]))('keeps %s through the editor', (_json, params) => {
      expect(roundTrip(name, params)).toEqual(params);
    });

    // `{}` too: a newly added action starts so, and shows what is still to fill in.
    it.each(['en', 'zh'])('renders each sample, and a new empty action, in %s with every label translated', async (lng) => {
      const { i18n, missing } = await i18nIn(lng);
      for (const params of [{}, ...samples]) {
        const html = render(i18n, name, params);
        expect(html).toContain('data-testid="a-params"');
        expect(html).not.toMatch(/actionEditors\.|pickers\.|workflow\.transfer\./);
      }
      expect([...new Set(missing)]).toEqual([]);
    });

    // A real editor, not a box that merely keeps the params: each param's values are on screen in
    // some sample (a strategy may hide the params it does not use, which the model still keeps).
    it('shows every param it keeps', async () => {
      const { i18n } = await i18nIn('en');
      const shown = generated.map((params) => ({ params, html: render(i18n, name, params) }));
      const unseen = Object.keys(generated[0] ?? {}).filter((key) => !shown.some(({ params, html }) => leaves(params[key]).every((leaf) => html.includes(leaf))));
      expect(unseen).toEqual([]);
    });
  });
});

describe('the coverage check itself', () => {
  it('would see a param an editor drops', () => {
    const lossy = { ...ACTION_EDITORS.webhook, toParams: (s: { url: string }) => ({ url: s.url }) };
    const [sample] = sampleParams(builtinActions.find((a) => a.name === 'webhook')!.paramsSchema);
    expect(lossy.toParams(lossy.toState(sample))).not.toEqual(sample);
    expect(Object.keys(sample)).toEqual(expect.arrayContaining(['secret', 'retryLimit', 'retryDelay']));
  });

  it('samples each choice of a localized text and of an enum', () => {
    const notify = sampleParams(builtinActions.find((a) => a.name === 'notify')!.paramsSchema);
    expect(notify.map((s) => typeof s.template)).toEqual(['string', 'object']);
    const assign = sampleParams(builtinActions.find((a) => a.name === 'assignOwner')!.paramsSchema);
    expect(assign.map((s) => s.strategy)).toEqual(['round-robin', 'rules', 'load']);
  });
});
