import type { AppDefinition, CardMeasure, DashboardCard, DashboardDefinition, EntityDefinition, LocalizedText } from '@tessera/metadata';
import { freeName } from '../views/edit-views';
import { isNumericField } from '../model/field-kind';
const GROUPABLE = new Set(['text', 'select', 'boolean', 'user', 'number', 'integer', 'date', 'datetime', 'email', 'phone', 'url']);
const BUCKETS = ['day', 'week', 'month', 'year'] as const;

/** What a card may measure: count, and sum/avg of each numeric field (a multi-currency amount only when grouped by its code). */
export function measureOptions(entity: EntityDefinition): CardMeasure[] {
  const numeric = Object.entries(entity.properties).filter(([, f]) => isNumericField(f)).map(([n]) => n);
  return ['count', ...numeric.flatMap((n): CardMeasure[] => [`sum:${n}`, `avg:${n}`])];
}

/** What a card may group by: fields with one value per record, dates also by bucket, and the owner. */
export function groupOptions(entity: EntityDefinition): string[] {
  const fields = Object.entries(entity.properties).filter(([, f]) => GROUPABLE.has(f['x-type']));
  const plain = fields.map(([n]) => n);
  const dates = [...fields.filter(([, f]) => f['x-type'] === 'date' || f['x-type'] === 'datetime').map(([n]) => n), 'created_at'];
  return [...plain, 'owner', ...dates.flatMap((n) => BUCKETS.map((b) => `${n}:${b}`))];
}

function put(app: AppDefinition, name: string, change: (d: DashboardDefinition) => DashboardDefinition): AppDefinition {
  return { ...app, dashboards: (app.dashboards ?? []).map((d) => (d.name === name ? change(d) : d)) };
}

export function addDashboard(app: AppDefinition, label: LocalizedText): { app: AppDefinition; name: string } {
  const name = freeName((app.dashboards ?? []).map((d) => d.name), 'dashboard');
  return { app: { ...app, dashboards: [...(app.dashboards ?? []), { name, label, cards: [] }] }, name };
}

export function removeDashboard(app: AppDefinition, name: string): AppDefinition {
  const dashboards = (app.dashboards ?? []).filter((d) => d.name !== name);
  const { dashboards: _, ...rest } = app;
  return dashboards.length ? { ...rest, dashboards } : rest;
}

export const renameDashboard = (app: AppDefinition, name: string, label: LocalizedText) => put(app, name, (d) => ({ ...d, label }));

/** A new bar card counting `entity` by its first groupable field, with an id free in the dashboard. */
export function addCard(app: AppDefinition, name: string, entity: EntityDefinition, title: LocalizedText): { app: AppDefinition; id: string } {
  const dashboard = app.dashboards?.find((d) => d.name === name);
  const id = freeName(dashboard?.cards.map((c) => c.id) ?? [], entity['x-name'].replace(/_/g, '-'));
  const card: DashboardCard = { id, title, entity: entity['x-name'], chart: 'bar', measure: 'count', group: groupOptions(entity)[0] ?? 'created_at:month' };
  return { app: put(app, name, (d) => ({ ...d, cards: [...d.cards, card] })), id };
}

/**
 * The card with `patch` applied, kept valid as the user clicks: a number card has no group,
 * any other chart gets one, and a new entity resets the measure and group to its own fields.
 */
export function patchCard(app: AppDefinition, name: string, id: string, patch: Partial<DashboardCard>, entities: readonly EntityDefinition[]): AppDefinition {
  return put(app, name, (d) => ({
    ...d,
    cards: d.cards.map((c) => {
      if (c.id !== id) return c;
      let next: DashboardCard = { ...c, ...patch };
      if ('filter' in patch && !patch.filter) delete next.filter; // a cleared filter leaves no empty key behind
      const entity = entities.find((e) => e['x-name'] === next.entity);
      if (entity && patch.entity && patch.entity !== c.entity) {
        const { filter: _, ...rest } = next;
        next = { ...rest, measure: 'count', group: groupOptions(entity)[0] };
      }
      if (next.chart === 'number') {
        const { group: _, ...rest } = next;
        return rest;
      }
      return next.group ? next : { ...next, group: entity ? groupOptions(entity)[0] : 'created_at:month' };
    }),
  }));
}

export const removeCard = (app: AppDefinition, name: string, id: string) => put(app, name, (d) => ({ ...d, cards: d.cards.filter((c) => c.id !== id) }));

/** The card `id` moved to where `overId` is (a drag and drop, or the keyboard's move up/down). */
export function moveCard(app: AppDefinition, name: string, id: string, overId: string): AppDefinition {
  return put(app, name, (d) => {
    const from = d.cards.findIndex((c) => c.id === id);
    const to = d.cards.findIndex((c) => c.id === overId);
    if (from < 0 || to < 0 || from === to) return d;
    const cards = [...d.cards];
    const [moved] = cards.splice(from, 1);
    cards.splice(to, 0, moved);
    return { ...d, cards };
  });
}
