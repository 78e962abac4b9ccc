import type { LocalizedText } from '../i18n-types';

export interface LayoutSection {
  id: string;
  label: LocalizedText;
  /** How many columns the section's fields flow into (1–4). */
  columns?: number;
  /** Field names of the entity, in display order. */
  fields: string[];
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
