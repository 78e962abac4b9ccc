import type { LocalizedText } from '../i18n-types';

export interface LayoutSection {
  id: string;
  label: LocalizedText;
  /** How many columns the section's fields flow into (1–4). */
  columns?: number;
  /** Field names of the entity, in display order. */
  fields: string[];
  /**
   * The tab this section sits on. Sections with the same tab `id` share one tab, in the order
   * the first of them appears; a layout without tabs renders all sections on one page.
   */
  tab?: { id: string; label: LocalizedText };
  /**
   * Per field name, a jexl expression over the record being edited (e.g. `status == "won"`);
   * the field is shown only while it is truthy. Hidden values are still submitted: this is
   * presentation, not permission (field-level access lives in `permissions`).
   */
  visibleWhen?: Record<string, string>;
}

export interface FormLayout {
  /** Unique within the app. */
  name: string;
  kind: 'form';
  /** `x-name` of the entity this layout arranges. */
  entity: string;
  sections: LayoutSection[];
}

export type LayoutDefinition = FormLayout;
