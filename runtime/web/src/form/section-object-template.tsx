import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import { getUiOptions } from '@rjsf/utils';
import { localize } from '../meta/localize';
import type { LocalizedText } from '@tessera/metadata';

interface FormSection {
  id: string;
  title?: string | LocalizedText;
  columns?: number;
  fields: string[];
}

/**
 * Renders the root object as the layout's sections (`uiSchema['ui:options'].sections`): a
 * heading and a CSS grid per section. Nested objects and forms without sections fall back to
 * one plain grid. Fields no section names still render, in a last untitled section.
 */
export function SectionObjectTemplate(props: ObjectFieldTemplateProps) {
  const { properties, uiSchema, fieldPathId, registry } = props;
  const isRoot = fieldPathId.path.length === 0;
  const sections = isRoot ? ((getUiOptions(uiSchema).sections as FormSection[] | undefined) ?? []) : [];
  const byName = new Map(properties.filter((p) => !p.hidden).map((p) => [p.name, p]));
  const locale = String((registry.formContext as { locale?: string } | undefined)?.locale ?? 'en');

  const placed = new Set<string>();
  const groups = sections.map((section) => {
    const items = section.fields.filter((f) => byName.has(f) && !placed.has(f));
    items.forEach((f) => placed.add(f));
    return { ...section, items };
  });
  const rest = [...byName.keys()].filter((f) => !placed.has(f));
  if (rest.length) groups.push({ id: '_rest', title: undefined, columns: sections.length ? 1 : 2, fields: rest, items: rest });

  return (
    <div className="t-form-sections" id={fieldPathId.$id}>
      {groups.filter((g) => g.items.length).map((group) => (
        <section key={group.id} className="t-form-section" data-testid={`section-${group.id}`}>
          {group.title && <h3 className="t-section-title">{typeof group.title === 'string' ? group.title : localize(group.title, locale)}</h3>}
          <div className="t-form-grid" style={{ gridTemplateColumns: `repeat(${Math.min(Math.max(group.columns ?? 1, 1), 4)}, minmax(0, 1fr))` }}>
            {group.items.map((name) => <div key={name} className="t-form-cell">{byName.get(name)!.content}</div>)}
          </div>
        </section>
      ))}
    </div>
  );
}
