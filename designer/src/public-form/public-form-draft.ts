import { PUBLIC_FORM_FIELD_TYPES, type AppDefinition, type EntityDefinition, type FormLayout, type LocalizedText, type PublicForm } from '@tessera/metadata';
import { parseDefault } from '../inspector/default-input';
import { entityForm } from '../model/entity-form';

/**
 * A public form (web-to-lead, `layout.public`) as its panel edits it: texts as typed, numbers
 * as typed, and default values as text until Apply turns them into typed metadata.
 */
export interface PublicFormDraft {
  slug: string;
  title: { en: string; zh: string };
  intro: { en: string; zh: string };
  thanks: { en: string; zh: string };
  submitAs: string;
  event: string;
  perMinute: string;
  captcha: boolean;
  enabled: boolean;
  /** The fields the visitor fills in, in order. */
  fields: string[];
  defaults: Array<{ field: string; value: string }>;
}

export type PublicFormProblem = [key: 'slug' | 'slugTaken' | 'title' | 'submitAs' | 'fields' | 'perMinute' | 'defaultField' | 'defaultValue', params?: Record<string, string>];

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;
const texts = (t?: LocalizedText) => ({ en: t?.en ?? '', zh: t?.zh ?? '' });
const localized = (t: { en: string; zh: string }): LocalizedText | undefined => (t.en.trim() ? { en: t.en.trim(), ...(t.zh.trim() ? { zh: t.zh.trim() } : {}) } : undefined);

/** The public forms of `entityName` (layouts with `public`), in app order. */
export const publicForms = (app: AppDefinition, entityName: string): FormLayout[] => app.layouts.filter((l) => l.entity === entityName && l.public);

/**
 * The fields a visitor can fill in (plain types with an HTML input), in the order of the
 * entity's form; never a workflow's state field (where a record stands is not a visitor's to say).
 */
export function publicFieldChoices(app: AppDefinition, entity: EntityDefinition): string[] {
  const order = entityForm(app, entity['x-name'])?.sections.flatMap((s) => s.fields) ?? [];
  const names = [...order.filter((n) => n in entity.properties), ...Object.keys(entity.properties).filter((n) => !order.includes(n))];
  const states = new Set((app.workflows ?? []).filter((w) => w.entity === entity['x-name']).map((w) => w.stateField));
  return names.filter((n) => !states.has(n) && (PUBLIC_FORM_FIELD_TYPES as readonly string[]).includes(entity.properties[n]['x-type']));
}

/** The workflow events of the entity: what a submission may fire on the new record. */
export function entityEvents(app: AppDefinition, entityName: string): string[] {
  const events = (app.workflows ?? []).filter((w) => w.entity === entityName).flatMap((w) => Object.values(w.machine.states).flatMap((s) => Object.keys(s.on ?? {})));
  return [...new Set(events)];
}

/** A slug no other public form uses: `leads`, then `leads-2`… */
export function freeSlug(app: AppDefinition, base: string): string {
  const taken = new Set(app.layouts.map((l) => l.public?.slug));
  const clean = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 56) || 'form';
  let slug = clean;
  for (let n = 2; taken.has(slug); n++) slug = `${clean}-${n}`;
  return slug;
}

/** A new public form of `entity`, asking for every field a visitor can fill in (the author unticks the rest). */
export function newPublicFormDraft(app: AppDefinition, entity: EntityDefinition, title: LocalizedText): PublicFormDraft {
  return {
    slug: freeSlug(app, entity['x-plural']), title: texts(title), intro: texts(), thanks: texts(), submitAs: '', event: '', perMinute: '', captcha: true, enabled: true,
    fields: publicFieldChoices(app, entity), defaults: [],
  };
}

export function draftOf(layout: FormLayout): PublicFormDraft {
  const form = layout.public!;
  return {
    slug: form.slug, title: texts(form.title), intro: texts(form.intro), thanks: texts(form.thanks), submitAs: form.submitAs, event: form.event ?? '',
    perMinute: form.perMinute === undefined ? '' : String(form.perMinute), captcha: form.captcha ?? true, enabled: form.enabled ?? true,
    fields: layout.sections.flatMap((s) => s.fields),
    defaults: Object.entries(form.defaults ?? {}).map(([field, value]) => ({ field, value: String(value) })),
  };
}

/** What would keep the form from publishing (or from being a usable form), with the names to show. */
export function publicFormProblems(app: AppDefinition, entity: EntityDefinition, draft: PublicFormDraft, ownName?: string): PublicFormProblem[] {
  const problems: PublicFormProblem[] = [];
  if (!SLUG.test(draft.slug)) problems.push(['slug']);
  else if (app.layouts.some((l) => l.name !== ownName && l.public?.slug === draft.slug)) problems.push(['slugTaken', { slug: draft.slug }]);
  if (!draft.title.en.trim()) problems.push(['title']);
  if (!draft.submitAs.trim()) problems.push(['submitAs']);
  if (!draft.fields.length) problems.push(['fields']);
  const perMinute = Number(draft.perMinute);
  if (draft.perMinute !== '' && !(Number.isInteger(perMinute) && perMinute >= 1 && perMinute <= 600)) problems.push(['perMinute']);
  const named = draft.defaults.map((d) => d.field);
  if (named.some((f, i) => !f || !entity.properties[f] || named.indexOf(f) !== i)) problems.push(['defaultField']);
  for (const d of draft.defaults) {
    const field = entity.properties[d.field];
    if (field && !(parseDefault(d.value, field['x-type'], field['x-options'] ?? []) as { ok: boolean; value?: unknown }).ok) problems.push(['defaultValue', { name: d.field }]);
  }
  return problems;
}

/** A flag the runtime defaults to true: written when false, or when the form already said so. */
const flag = (value: boolean, declared: boolean | undefined) => (declared !== undefined || !value ? value : undefined);

/**
 * The layout for `draft` (call only when it has no problems): the original's sections keep
 * their fields that are still asked, new ones join the last section; a new form gets one
 * section labelled `sectionLabel`, under a layout name no other layout has.
 */
export function draftToLayout(app: AppDefinition, entity: EntityDefinition, draft: PublicFormDraft, sectionLabel: LocalizedText, original?: FormLayout): FormLayout {
  const kept = (original?.sections ?? []).map((s) => ({ ...s, fields: s.fields.filter((f) => draft.fields.includes(f)) }));
  const added = draft.fields.filter((f) => !kept.some((s) => s.fields.includes(f)));
  const sections = kept.length ? kept.map((s, i) => (i === kept.length - 1 ? { ...s, fields: [...s.fields, ...added] } : s)) : [{ id: 'main', label: sectionLabel, columns: 1, fields: added }];
  const defaults = Object.fromEntries(draft.defaults.map((d) => {
    const field = entity.properties[d.field];
    return [d.field, (parseDefault(d.value, field['x-type'], field['x-options'] ?? []) as { value?: unknown }).value ?? d.value];
  }));
  const intro = localized(draft.intro);
  const thanks = localized(draft.thanks);
  const captcha = flag(draft.captcha, original?.public?.captcha);
  const enabled = flag(draft.enabled, original?.public?.enabled);
  const form: PublicForm = {
    slug: draft.slug, title: localized(draft.title)!, ...(intro ? { intro } : {}), ...(thanks ? { thanks } : {}), submitAs: draft.submitAs.trim(),
    ...(Object.keys(defaults).length ? { defaults } : {}), ...(draft.event ? { event: draft.event } : {}),
    ...(draft.perMinute !== '' ? { perMinute: Number(draft.perMinute) } : {}), ...(captcha === undefined ? {} : { captcha }), ...(enabled === undefined ? {} : { enabled }),
  };
  const taken = new Set(app.layouts.map((l) => l.name));
  let name = original?.name ?? `${entity['x-name']}_web_form`;
  for (let n = 2; !original && taken.has(name); n++) name = `${entity['x-name']}_web_form_${n}`;
  return { name, kind: 'form', entity: entity['x-name'], sections, public: form };
}

/** `app` with `layout` in place of the layout named `name` (appended when there is none), or without it (`layout` undefined). */
export function putLayout(app: AppDefinition, name: string | undefined, layout: FormLayout | undefined): AppDefinition {
  const at = name === undefined ? -1 : app.layouts.findIndex((l) => l.name === name);
  if (!layout) return { ...app, layouts: app.layouts.filter((_, i) => i !== at) };
  return { ...app, layouts: at >= 0 ? app.layouts.map((l, i) => (i === at ? layout : l)) : [...app.layouts, layout] };
}
