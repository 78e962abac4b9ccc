import { splitPointer } from './json-pointer';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function childOf(node: unknown, segment: string): unknown {
  if (Array.isArray(node)) return node[Number(segment)];
  return isRecord(node) ? node[segment] : undefined;
}

/** The value at a JSON pointer, or undefined when the path does not exist. */
export function valueAt(root: unknown, pointer: string): unknown {
  return splitPointer(pointer).reduce<unknown>((node, s) => childOf(node, s), root);
}

const nameOf = (node: unknown, key: string): string | undefined => {
  const v = isRecord(node) ? node[key] : undefined;
  return typeof v === 'string' && v !== '' ? v : undefined;
};

const KEY_NAMES: Record<string, string> = {
  'x-label': 'the label',
  'x-label-plural': 'the plural label',
  label: 'the label',
  'x-relation': 'the relation',
  'x-options': 'the options',
  properties: 'the field list',
  required: 'the required list',
  sections: 'the section list',
  fields: 'the field list',
  entities: 'the entity list',
  layouts: 'the layout list',
  plugins: 'the plugin list',
  en: 'the English text',
  zh: 'the Chinese text',
};

/**
 * Names a place in an app the way an implementer thinks of it:
 * `/entities/0/properties/industry` → `the field "industry" of entity "customer"`.
 */
export function describeLocation(app: unknown, pointer: string): string {
  const segments = splitPointer(pointer);
  let text = 'the app';
  let node: unknown = app;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i];
    const parentKey = segments[i - 1];
    const next = childOf(node, s);
    if (parentKey === 'entities' && Array.isArray(node)) {
      const n = nameOf(next, 'x-name');
      text = n ? `entity "${n}"` : `entity #${Number(s) + 1}`;
    } else if (parentKey === 'layouts' && Array.isArray(node)) {
      const n = nameOf(next, 'name');
      text = n ? `layout "${n}"` : `layout #${Number(s) + 1}`;
    } else if (parentKey === 'properties' && segments[i - 3] === 'entities') {
      text = `the field "${s}" of ${text.replace(/^the field list of /, '')}`;
    } else if (parentKey === 'sections' && Array.isArray(node)) {
      const id = nameOf(next, 'id');
      text = `${id ? `section "${id}"` : `section #${Number(s) + 1}`} of ${text.replace(/^the section list of /, '')}`;
    } else if (parentKey === 'x-options' && Array.isArray(node)) {
      text = `option #${Number(s) + 1} of ${text.replace(/^the options of /, '')}`;
    } else if (Array.isArray(node)) {
      text = `item #${Number(s) + 1} of ${text}`;
    } else {
      text = `${KEY_NAMES[s] ?? `"${s}"`} of ${text}`;
    }
    node = next;
  }
  return text;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
