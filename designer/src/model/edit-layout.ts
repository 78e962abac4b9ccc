import type { AppDefinition, FormLayout, LayoutSection } from '@tessera/metadata';
import { entityFormIndex } from './entity-form';

/** `app` with the form of `entityName` rewritten by `change` (unchanged when it has none; its public web forms never). */
function withLayout(app: AppDefinition, entityName: string, change: (layout: FormLayout) => FormLayout): AppDefinition {
  const at = entityFormIndex(app, entityName);
  return at < 0 ? app : { ...app, layouts: app.layouts.map((l, i) => (i === at ? change(l) : l)) };
}

function withSection(app: AppDefinition, entityName: string, sectionId: string, change: (s: LayoutSection) => LayoutSection): AppDefinition {
  return withLayout(app, entityName, (l) => ({ ...l, sections: l.sections.map((s) => (s.id === sectionId ? change(s) : s)) }));
}

/** The next free `section_<n>` id of a layout (ids are stable; labels change freely). */
export function newSectionId(layout: FormLayout): string {
  const ids = new Set(layout.sections.map((s) => s.id));
  let n = layout.sections.length + 1;
  while (ids.has(`section_${n}`)) n++;
  return `section_${n}`;
}

/** A new, empty section at the end, on the same tab as the last section. */
export function addSection(app: AppDefinition, entityName: string, label: { en: string; zh: string }): AppDefinition {
  return withLayout(app, entityName, (l) => {
    const last = l.sections[l.sections.length - 1];
    const section: LayoutSection = { id: newSectionId(l), label, columns: 2, fields: [] };
    if (last?.tab) section.tab = last.tab;
    return { ...l, sections: [...l.sections, section] };
  });
}

/** Renames a section in one language, keeping the others. */
export function renameSection(app: AppDefinition, entityName: string, sectionId: string, locale: string, text: string): AppDefinition {
  return withSection(app, entityName, sectionId, (s) => ({ ...s, label: { ...(typeof s.label === 'string' ? { en: s.label } : s.label), [locale]: text } }));
}

export function setSectionColumns(app: AppDefinition, entityName: string, sectionId: string, columns: number): AppDefinition {
  return withSection(app, entityName, sectionId, (s) => ({ ...s, columns: Math.min(Math.max(Math.round(columns), 1), 4) }));
}

/**
 * Puts a section on the tab labelled `label` (in English; the id is derived from it, so two
 * sections typed with the same tab name share a tab). An empty label takes it off any tab.
 */
export function setSectionTab(app: AppDefinition, entityName: string, sectionId: string, label: string): AppDefinition {
  const text = label.trim();
  return withSection(app, entityName, sectionId, (s) => {
    const { tab: _old, ...rest } = s;
    if (!text) return rest;
    const id = text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'tab';
    return { ...rest, tab: { id, label: { en: text } } };
  });
}

/** Removes a section; its fields move to the section before it (or after, for the first), so none is lost. */
export function removeSection(app: AppDefinition, entityName: string, sectionId: string): AppDefinition {
  return withLayout(app, entityName, (l) => {
    const index = l.sections.findIndex((s) => s.id === sectionId);
    if (index < 0 || l.sections.length < 2) return l;
    const heir = index > 0 ? index - 1 : 1;
    const gone = l.sections[index];
    const sections = l.sections.map((s, i) => (i === heir ? { ...s, fields: [...s.fields, ...gone.fields] } : s));
    return { ...l, sections: sections.filter((_, i) => i !== index) };
  });
}

/**
 * Moves `field` into section `toSectionId`, before `beforeField` (at the end when absent), from
 * whichever section held it; its visibility condition travels with it.
 */
export function moveFieldTo(app: AppDefinition, entityName: string, field: string, toSectionId: string, beforeField?: string): AppDefinition {
  return withLayout(app, entityName, (l) => {
    if (!l.sections.some((s) => s.id === toSectionId)) return l;
    let condition: string | undefined;
    const stripped = l.sections.map((s) => {
      if (!s.fields.includes(field)) return s;
      condition = s.visibleWhen?.[field];
      const { [field]: _moved, ...visibleWhen } = s.visibleWhen ?? {};
      const next: LayoutSection = { ...s, fields: s.fields.filter((f) => f !== field) };
      if (Object.keys(visibleWhen).length) next.visibleWhen = visibleWhen;
      else delete next.visibleWhen;
      return next;
    });
    const sections = stripped.map((s) => {
      if (s.id !== toSectionId) return s;
      const at = beforeField ? s.fields.indexOf(beforeField) : -1;
      const fields = [...s.fields];
      fields.splice(at < 0 ? fields.length : at, 0, field);
      return condition ? { ...s, fields, visibleWhen: { ...s.visibleWhen, [field]: condition } } : { ...s, fields };
    });
    return { ...l, sections };
  });
}

/** Sets (or, when empty, clears) the visibility condition of `field` in the section that shows it. */
export function setVisibleWhen(app: AppDefinition, entityName: string, field: string, expression: string): AppDefinition {
  return withLayout(app, entityName, (l) => ({
    ...l,
    sections: l.sections.map((s) => {
      if (!s.fields.includes(field)) return s;
      const { [field]: _old, ...rest } = s.visibleWhen ?? {};
      const visibleWhen = expression.trim() ? { ...rest, [field]: expression.trim() } : rest;
      const next: LayoutSection = { ...s, visibleWhen };
      if (!Object.keys(visibleWhen).length) delete next.visibleWhen;
      return next;
    }),
  }));
}
