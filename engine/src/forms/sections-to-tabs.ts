import type { FormSection } from './form-types';

export interface FormTab<S extends FormSection = FormSection> {
  id: string;
  title: string;
  sections: S[];
}

/**
 * A form's sections grouped into tabs, in the order each tab first appears. Sections without a
 * tab join the first tab (or form the only, untitled one), so a layout that uses no tabs gives
 * exactly one group and renders as before.
 */
export function sectionsToTabs<S extends FormSection>(sections: readonly S[]): Array<FormTab<S>> {
  const tabs: Array<FormTab<S>> = [];
  const untabbed: S[] = [];
  for (const section of sections) {
    if (!section.tab) {
      untabbed.push(section);
      continue;
    }
    const existing = tabs.find((t) => t.id === section.tab!.id);
    if (existing) existing.sections.push(section);
    else tabs.push({ id: section.tab.id, title: section.tab.title, sections: [section] });
  }
  if (!tabs.length) return [{ id: '_main', title: '', sections: untabbed }];
  tabs[0].sections.unshift(...untabbed);
  return tabs;
}
