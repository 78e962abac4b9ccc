import type { EntityDefinition, FieldDefinition } from '@tessera/metadata';
import { formatCell } from './format-cell';
import { USER_COLUMNS } from './system-columns';

/** What a table cell or card line needs besides the value: the locale, the app's entities, user names. */
export interface CellContext {
  locale: string;
  yesNo: [string, string];
  /** Every entity of the app: a relation cell names its target's record by the target's display field. */
  entities: readonly EntityDefinition[];
  /** User id → display name for the page (one directory call, see `useUserNames`). */
  users: Readonly<Record<string, string>>;
}

/** A cell's text and, for a reference, the page of the record it names. */
export interface Cell {
  text: string;
  href?: string;
  /** Rich text's stored HTML, shown through the browser's sanitizer (`RichTextView`); `text` is its words. */
  html?: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The words of rich text, for places that show one line (cards, related lists' first column). */
export function richTextWords(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, e: string) => ENTITIES[e]).replace(/\s+/g, ' ').trim();
}

/** A user field, or a system column holding a user id (not in `properties`, so it has no field). */
export const isUserField = (name: string, field: FieldDefinition | undefined) =>
  field ? field['x-type'] === 'user' : (USER_COLUMNS as readonly string[]).includes(name);

/** Many-to-one relations and user fields among `names` (the columns a page shows). */
export function referenceFields(entity: EntityDefinition, names: readonly string[]): { expand: string[]; users: string[] } {
  const expand: string[] = [];
  const users: string[] = [];
  for (const name of new Set(names)) {
    const field = Object.hasOwn(entity.properties, name) ? entity.properties[name] : undefined;
    if (field?.['x-relation']?.kind === 'many-to-one') expand.push(name);
    else if (isUserField(name, field)) users.push(name);
  }
  return { expand, users };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The user ids the `fields` of `rows` hold, once each: the page's one directory request (which takes UUIDs only). */
export function userIdsOf(rows: readonly Record<string, unknown>[], fields: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const row of rows) for (const f of fields) if (typeof row[f] === 'string' && UUID.test(row[f] as string)) ids.add(row[f] as string);
  return [...ids].sort();
}

/**
 * A value as cell content. A many-to-one value expanded by the list API (`expand=customer`)
 * shows the related record's display field and links to it; one that was not expanded (or
 * could not be: the user may not read it) keeps its id. A user id shows the user's name.
 */
export function cellValue(name: string, field: FieldDefinition | undefined, value: unknown, ctx: CellContext, record?: Record<string, unknown>): Cell {
  if (value === null || value === undefined || value === '') return { text: '' };
  const relation = field?.['x-relation'];
  if (relation?.kind === 'many-to-one') {
    const target = ctx.entities.find((e) => e['x-name'] === relation.entity);
    const related = typeof value === 'object' ? (value as Record<string, unknown>) : { id: value };
    const id = String(related.id ?? '');
    const display = related[target?.['x-display-field'] ?? 'name'];
    const text = display === null || display === undefined || display === '' ? id : String(display);
    return target && id ? { text, href: `#/${encodeURIComponent(target['x-plural'])}/${encodeURIComponent(id)}` } : { text };
  }
  if (isUserField(name, field) && typeof value === 'string') return { text: ctx.users[value] ?? value };
  if (field?.['x-type'] === 'richtext' && typeof value === 'string') return { text: richTextWords(value), html: value };
  return { text: field ? formatCell(field, value, ctx.locale, ctx.yesNo, record) : String(value) };
}
