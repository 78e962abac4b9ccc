import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkVisibleWhen } from '@tessera/engine';
import type { FormLayout } from '@tessera/metadata';
import { localize } from '../localize';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const FIELD_LAYOUT_EDITOR_KEYWORDS = ['layout.sections[].fields', 'layout.sections[].visibleWhen'] as const;

export interface FieldLayoutChange {
  sectionId: string;
  visibleWhen: string;
}

/**
 * Where a field sits in the form and when it shows: the section (the keyboard way to do what
 * dragging does) and a jexl condition over the record, checked as it is typed.
 */
export function FieldLayoutEditor({ name, layout, onApply }: { name: string; layout: FormLayout; onApply: (change: FieldLayoutChange) => void }) {
  const { t, i18n } = useTranslation();
  const current = layout.sections.find((s) => s.fields.includes(name));
  const [sectionId, setSectionId] = useState(current?.id ?? layout.sections[0]?.id ?? '');
  const [condition, setCondition] = useState(current?.visibleWhen?.[name] ?? '');
  const problem = condition.trim() ? checkVisibleWhen(condition) : undefined;
  return (
    <section className="d-panel d-field-layout" data-testid="field-layout" aria-labelledby="d-field-layout-heading">
      <h2 id="d-field-layout-heading">{t('fieldLayout.heading', { name })}</h2>
      <label className="d-label">
        {t('fieldLayout.section')}
        <select data-testid="field-layout-section" value={sectionId} onChange={(e) => setSectionId(e.target.value)}>
          {layout.sections.map((s) => <option key={s.id} value={s.id}>{localize(s.label, i18n.language) || s.id}</option>)}
        </select>
      </label>
      <label className="d-label">
        {t('fieldLayout.visibleWhen')}
        <input data-testid="field-layout-visible-when" value={condition} placeholder='status == "won"' aria-invalid={Boolean(problem)}
          aria-describedby="d-visible-when-hint" onChange={(e) => setCondition(e.target.value)} />
      </label>
      <p id="d-visible-when-hint" className={problem ? 'd-error' : 'd-hint'} data-testid={problem ? 'field-layout-problem' : undefined}>
        {problem ? t('fieldLayout.invalid', { message: problem }) : t('fieldLayout.hint')}
      </p>
      <button type="button" className="d-btn" data-testid="field-layout-apply" disabled={Boolean(problem)} onClick={() => onApply({ sectionId, visibleWhen: condition })}>
        {t('fieldLayout.apply')}
      </button>
    </section>
  );
}
