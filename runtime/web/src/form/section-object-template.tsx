import { useState } from 'react';
import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import { getUiOptions } from '@rjsf/utils';
import { isFieldVisible, sectionsToTabs, type FormSection } from '@tessera/engine';

/**
 * Renders the root object as the layout's sections (`uiSchema['ui:options'].sections`): a
 * heading and a CSS grid per section, grouped into tabs when sections name one. A field with a
 * `visibleWhen` condition shows only while it holds for the current form data. Nested objects
 * and forms without sections fall back to one plain grid. Fields no section names still
 * render, in a last untitled section.
 */
export function SectionObjectTemplate(props: ObjectFieldTemplateProps) {
  const { properties, uiSchema, fieldPathId, formData } = props;
  const isRoot = fieldPathId.path.length === 0;
  const sections = isRoot ? ((getUiOptions(uiSchema).sections as FormSection[] | undefined) ?? []) : [];
  const byName = new Map(properties.filter((p) => !p.hidden).map((p) => [p.name, p]));
  const [activeTab, setActiveTab] = useState<string>();

  const placed = new Set<string>();
  const groups = sections.map((section) => {
    const items = section.fields.filter((f) => byName.has(f) && !placed.has(f));
    items.forEach((f) => placed.add(f));
    return { ...section, items: items.filter((f) => isFieldVisible(section.visibleWhen?.[f], formData)) };
  });
  const rest = [...byName.keys()].filter((f) => !placed.has(f));
  if (rest.length) groups.push({ id: '_rest', title: '', columns: sections.length ? 1 : 2, fields: rest, items: rest });
  const tabs = sectionsToTabs(groups);
  const current = tabs.find((t) => t.id === activeTab) ?? tabs[0];

  return (
    <div className="t-form-sections" id={fieldPathId.$id}>
      {tabs.length > 1 && (
        <div className="t-form-tabs" role="tablist">
          {tabs.map((tab) => (
            <button key={tab.id} type="button" role="tab" aria-selected={tab === current} className={tab === current ? 't-form-tab t-active' : 't-form-tab'}
              data-testid={`form-tab-${tab.id}`} onClick={() => setActiveTab(tab.id)}>{tab.title}</button>
          ))}
        </div>
      )}
      {current?.sections.filter((g) => g.items.length).map((group) => (
        <section key={group.id} className="t-form-section" data-testid={`section-${group.id}`} role={tabs.length > 1 ? 'tabpanel' : undefined}>
          {group.title && <h3 className="t-section-title">{group.title}</h3>}
          <div className="t-form-grid" style={{ gridTemplateColumns: `repeat(${Math.min(Math.max(group.columns ?? 1, 1), 4)}, minmax(0, 1fr))` }}>
            {group.items.map((name) => <div key={name} className="t-form-cell">{byName.get(name)!.content}</div>)}
          </div>
        </section>
      ))}
    </div>
  );
}
