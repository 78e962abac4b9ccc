import { dependentAt, describeDependent, fieldDependents, type AppDefinition, type Locale, type LocalizedText } from '@tessera/metadata';

/** RFC 6901 segments of a pointer (`~1` is `/`, `~0` is `~`). */
const splitPointerSegments = (pointer: string) => (pointer ? pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : []);

const text = (label: LocalizedText | undefined, fallback: string, locale: Locale) => (label ? (locale === 'zh' ? label.zh ?? label.en : label.en) : fallback);

/** Fields of `published` that `draft` no longer has (by stable id), with their labels. */
function deletedFields(published: AppDefinition, draft: AppDefinition) {
  const kept = new Set(draft.entities.flatMap((e) => Object.values(e.properties).map((f) => f['x-id'])));
  return published.entities.flatMap((e) => Object.entries(e.properties).filter(([, f]) => !kept.has(f['x-id'])).map(([name, f]) => ({ entity: e['x-name'], name, label: f['x-label'] })));
}

/**
 * Where a publish problem is, in the implementer's words instead of a JSON pointer. A problem
 * inside something that still names a field the draft deletes is that dependent's words
 * ("Dashboard "Sales" card "Open tickets by priority" groups by field "Priority"") with the
 * deleted field named; otherwise the labels of the dashboard, view, workflow, entity or
 * field the pointer is in. Undefined when the pointer names nothing we can label.
 */
export function problemWords(pointer: string | undefined, published: AppDefinition | undefined, draft: AppDefinition, locale: Locale, deletedSuffix: (label: string) => string): string | undefined {
  if (!pointer) return undefined;
  for (const field of published ? deletedFields(published, draft) : []) {
    const dep = dependentAt(fieldDependents(draft, field.entity, field.name), pointer);
    if (dep) return `${describeDependent(draft, dep, field.label, locale)} ${deletedSuffix(text(field.label, field.name, locale))}`;
  }
  return placeWords(draft, pointer, locale);
}

/** The labelled place a pointer is in: `Dashboard "Sales" card "Won deals"`, `Field "Amount" of "Deal"`. */
export function placeWords(app: AppDefinition, pointer: string, locale: Locale): string | undefined {
  const [top, a, b, c, d] = splitPointerSegments(pointer);
  const zh = locale === 'zh';
  const q = (s: string) => (zh ? `“${s}”` : `"${s}"`);
  if (top === 'dashboards') {
    const dashboard = app.dashboards?.[Number(a)];
    if (!dashboard) return undefined;
    const card = b === 'cards' ? dashboard.cards[Number(c)] : undefined;
    const name = text(dashboard.label, dashboard.name, locale);
    if (!card) return zh ? `仪表盘${q(name)}` : `Dashboard ${q(name)}`;
    return zh ? `仪表盘${q(name)}的卡片${q(text(card.title, card.id, locale))}` : `Dashboard ${q(name)} card ${q(text(card.title, card.id, locale))}`;
  }
  if (top === 'views') {
    const view = app.views?.[Number(a)];
    return view && (zh ? `视图${q(text(view.label, view.name, locale))}` : `View ${q(text(view.label, view.name, locale))}`);
  }
  if (top === 'workflows') {
    const workflow = app.workflows?.[Number(a)];
    if (!workflow) return undefined;
    const name = text(workflow.label, workflow.name, locale);
    const state = b === 'machine' && c === 'states' && d ? workflow.machine.states[d] : undefined;
    if (!state || !d) return zh ? `流程${q(name)}` : `Workflow ${q(name)}`;
    return zh ? `流程${q(name)}的状态${q(text(state.label, d, locale))}` : `Workflow ${q(name)} state ${q(text(state.label, d, locale))}`;
  }
  if (top === 'entities') {
    const entity = app.entities[Number(a)];
    if (!entity) return undefined;
    const name = text(entity['x-label'], entity['x-name'], locale);
    const field = b === 'properties' && c ? entity.properties[c] : undefined;
    if (!field || !c) return zh ? `实体${q(name)}` : `Entity ${q(name)}`;
    return zh ? `${q(name)}的字段${q(text(field['x-label'], c, locale))}` : `Field ${q(text(field['x-label'], c, locale))} of ${q(name)}`;
  }
  if (top === 'layouts') {
    const layout = app.layouts[Number(a)];
    const entity = app.entities.find((e) => e['x-name'] === layout?.entity);
    if (!layout) return undefined;
    const name = text(entity?.['x-label'], layout.entity, locale);
    return zh ? `${q(name)}的表单` : `The form of ${q(name)}`;
  }
  return undefined;
}
