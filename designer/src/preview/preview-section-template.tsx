import type { ObjectFieldTemplateProps } from '@rjsf/utils';
import { getUiOptions } from '@rjsf/utils';

interface Section { id: string; title?: string; columns?: number; fields: string[] }

/**
 * The sections of `uiSchema['ui:options']` as headings and grids, like the end-user app's
 * template (runtime/web cannot be imported here: designer sits beside runtime, not above it).
 */
export function PreviewSectionTemplate({ properties, uiSchema, fieldPathId }: ObjectFieldTemplateProps) {
  const sections = fieldPathId.path.length === 0 ? ((getUiOptions(uiSchema).sections as Section[] | undefined) ?? []) : [];
  const byName = new Map(properties.filter((p) => !p.hidden).map((p) => [p.name, p.content]));
  const placed = new Set(sections.flatMap((s) => s.fields));
  const groups = [...sections, { id: '_rest', fields: [...byName.keys()].filter((f) => !placed.has(f)) } as Section];
  return (
    <div>
      {groups.filter((g) => g.fields.some((f) => byName.has(f))).map((group) => (
        <section key={group.id} className="d-preview-section">
          {group.title && <h3>{group.title}</h3>}
          <div className="d-preview-grid" style={{ gridTemplateColumns: `repeat(${Math.min(Math.max(group.columns ?? 1, 1), 4)}, minmax(0, 1fr))` }}>
            {group.fields.filter((f) => byName.has(f)).map((f) => <div key={f}>{byName.get(f)}</div>)}
          </div>
        </section>
      ))}
    </div>
  );
}
