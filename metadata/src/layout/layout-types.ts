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

/**
 * A layout published as a public form at `/forms/{slug}` (web-to-lead). Each submission is
 * created as `submitAs` through the app's write path, then `event` is fired on it as that user.
 */
export interface PublicForm {
  slug: string;
  title: LocalizedText;
  intro?: LocalizedText;
  thanks?: LocalizedText;
  /** Username of the service user (active, not an administrator, granted create on the entity). */
  submitAs: string;
  /** Field values every submission gets, not shown in the form. */
  defaults?: Record<string, unknown>;
  /** A workflow event of the entity fired on the new record, e.g. the assignment by rules. */
  event?: string;
  /** Submissions per minute from one address (default 5). */
  perMinute?: number;
  /** An arithmetic question before a submission is accepted (default true). */
  captcha?: boolean;
  /** False takes the form offline. */
  enabled?: boolean;
}

export interface FormLayout {
  /** Unique within the app. */
  name: string;
  kind: 'form';
  /** `x-name` of the entity this layout arranges. */
  entity: string;
  sections: LayoutSection[];
  public?: PublicForm;
}

export type LayoutDefinition = FormLayout;
