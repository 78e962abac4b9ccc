import { useState } from 'react';
import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import { getUiOptions } from '@rjsf/utils';
import { isFieldVisible, sectionsToTabs, type FormSection } from '@tessera/engine';

/**
 * The sections of `uiSchema['ui:options']` as tabs, headings and grids, with `visibleWhen`
 * conditions applied to what is typed into the preview, like the end-user app's template
 * (runtime/web cannot be imported here: designer sits beside runtime, not above it).
 */
export function PreviewSectionTemplate({ properties, uiSchema, fieldPathId, formData }: ObjectFieldTemplateProps) {
  const [activeTab, setActiveTab] = useState<string>();
  const sections = fieldPathId.path.length === 0 ? ((getUiOptions(uiSchema).sections as FormSection[] | undefined) ?? []) : [];
  const byName = new Map(properties.filter((p) => !p.hidden).map((p) => [p.name, p.content]));
  const placed = new Set(sections.flatMap((s) => s.fields));
  const groups = [...sections, { id: '_rest', title: '', columns: 1, fields: [...byName.keys()].filter((f) => !placed.has(f)) }]
    .map((g) => ({ ...g, fields: g.fields.filter((f) => byName.has(f) && isFieldVisible(g.visibleWhen?.[f], formData)) }));
  const tabs = sectionsToTabs(groups);
  const current = tabs.find((t) => t.id === activeTab) ?? tabs[0];
  return (
    <div>
      {tabs.length > 1 && (
        <div className="d-preview-tabs" role="tablist">
          {tabs.map((tab) => (
            <button key={tab.id} type="button" role="tab" aria-selected={tab === current} className={tab === current ? 'd-page-tab d-active' : 'd-page-tab'}
              data-testid={`preview-tab-${tab.id}`} onClick={() => setActiveTab(tab.id)}>{tab.title}</button>
          ))}
        </div>
      )}
      {current?.sections.filter((g) => g.fields.length).map((group) => (
        <section key={group.id} className="d-preview-section" data-testid={`preview-section-${group.id}`}>
          {group.title && <h3>{group.title}</h3>}
          <div className="d-preview-grid" style={{ gridTemplateColumns: `repeat(${Math.min(Math.max(group.columns ?? 1, 1), 4)}, minmax(0, 1fr))` }}>
            {group.fields.map((f) => <div key={f}>{byName.get(f)}</div>)}
          </div>
        </section>
      ))}
    </div>
  );
}
