import type { LocalizedText, SelectOption } from '@tessera/metadata';

/** What the inspector collects before a field is added to the entity. */
export interface FieldDraft {
  type: string;
  name: string;
  label: LocalizedText;
  required: boolean;
  /** select / multiselect types. */
  options?: SelectOption[];
  /** relation types: the target entity's `x-name`. */
  relationEntity?: string;
  /** The type's own keywords from its settings form (`x-format`, `x-file`…). */
  keywords?: Record<string, unknown>;
}
