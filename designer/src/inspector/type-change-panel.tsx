import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TypeChangeOffer } from '@tessera/engine';
import type { AppDefinition, EntityDefinition, FieldDefinition, SelectOption } from '@tessera/metadata';
import { fetchAggregate, planApp } from '../api/meta-api';
import { localize } from '../localize';

export type ValueMapping = Record<string, string | null>;

export interface TypeChangePanelProps {
  offer: TypeChangeOffer;
  entity: EntityDefinition;
  name: string;
  original: FieldDefinition;
  /** The new type's options (text → select). */
  options: SelectOption[];
  /** The draft with this change applied: what the server plans and prechecks. */
  candidate: AppDefinition | undefined;
  mapping: ValueMapping;
  onChange: (next: ValueMapping) => void;
}

interface Counts { total?: number; emptied?: number; failing?: number; error?: string }

/** Stored values with their record counts, from the published app's aggregate API (top 50). */
function useStoredValues(entity: EntityDefinition, name: string, published: boolean) {
  const [values, setValues] = useState<{ value: string; count: number }[]>();
  useEffect(() => {
    if (!published) return;
    let live = true;
    void fetchAggregate(entity['x-plural'], new URLSearchParams({ group: name, measures: 'count', limit: '50' }).toString()).then((answer) => {
      if (!live || !answer.ok) return;
      setValues(answer.value.data.filter((row) => row[name] !== null && row[name] !== undefined).map((row) => ({ value: String(row[name]), count: Number(row.count ?? 0) })));
    });
    return () => { live = false; };
  }, [entity, name, published]);
  return values;
}

/**
 * A type change that needs the implementer's mapping: each option of a select → a value of the
 * new type (select → number: low → 1), or each stored value → an option of the new select.
 * Under it, the server's precheck for this draft: how many records convert, are emptied, or
 * would not convert (publishing refuses those until they are mapped).
 */
export function TypeChangePanel({ offer, entity, name, original, options, candidate, mapping, onChange }: TypeChangePanelProps) {
  const { t, i18n } = useTranslation();
  const stored = useStoredValues(entity, name, Boolean(candidate));
  const [counts, setCounts] = useState<Counts>();
  const fieldId = original['x-id'];
  useEffect(() => {
    if (!candidate) return;
    let live = true;
    const timer = setTimeout(() => {
      void planApp(candidate, { confirmDestructive: true, valueMappings: Object.keys(mapping).length ? { [fieldId]: mapping } : undefined }).then((answer) => {
        if (!live) return;
        if (!answer.ok) { setCounts({ error: answer.message }); return; }
        const failing = answer.value.checks.filter((c) => c.fieldId === fieldId).reduce((n, c) => n + c.count, 0);
        setCounts({ failing });
      });
    }, 300);
    return () => { live = false; clearTimeout(timer); };
  }, [candidate, mapping, fieldId]);

  const countOf = (value: string) => stored?.find((s) => s.value === value)?.count ?? 0;
  const total = stored?.reduce((n, s) => n + s.count, 0);
  const emptied = Object.entries(mapping).filter(([, to]) => to === null).reduce((n, [from]) => n + countOf(from), 0);
  const set = (from: string, to: string | null | undefined) => {
    const { [from]: _old, ...rest } = mapping;
    onChange(to === undefined ? rest : { ...rest, [from]: to });
  };

  return (
    <fieldset className="d-options" data-testid="type-mapping">
      <legend>{t('typeChange.heading')}</legend>
      <p className="d-hint">{t(offer.mapping === 'options-to-values' ? 'typeChange.optionsHint' : 'typeChange.valuesHint')}</p>
      {offer.mapping === 'options-to-values' && (original['x-options'] ?? []).map((option) => (
        <div key={option.value} className="d-label">
          <label htmlFor={`type-map-${option.value}`}>{t('typeChange.optionRow', { label: localize(option.label, i18n.language), count: countOf(option.value) })}</label>
          <input id={`type-map-${option.value}`} data-testid={`type-map-${option.value}`} value={mapping[option.value] ?? ''} spellCheck={false} disabled={mapping[option.value] === null}
            onChange={(e) => set(option.value, e.target.value.trim() === '' ? undefined : e.target.value.trim())} />
          <label className="d-check">
            <input type="checkbox" data-testid={`type-map-empty-${option.value}`} checked={mapping[option.value] === null} onChange={(e) => set(option.value, e.target.checked ? null : undefined)} />
            {t('typeChange.empty')}
          </label>
        </div>
      ))}
      {offer.mapping === 'values-to-options' && (stored ?? []).map(({ value, count }) => (
        <label key={value} className="d-label">
          {t('typeChange.valueRow', { value, count })}
          <select data-testid={`type-map-${value}`} value={value in mapping ? (mapping[value] ?? '\u0000') : ''}
            onChange={(e) => set(value, e.target.value === '' ? undefined : e.target.value === '\u0000' ? null : e.target.value)}>
            <option value="">{t('typeChange.keep')}</option>
            <option value={'\u0000'}>{t('typeChange.empty')}</option>
            {options.filter((o) => o.value.trim()).map((o) => <option key={o.value} value={o.value}>{localize(o.label, i18n.language) || o.value}</option>)}
          </select>
        </label>
      ))}
      <div className="d-hint" data-testid="type-precheck" aria-live="polite">
        {!candidate && t('typeChange.unpublished')}
        {candidate && !counts && t('typeChange.checking')}
        {counts?.error && <span className="d-error">{counts.error}</span>}
        {counts && counts.failing !== undefined && (total !== undefined
          ? t('typeChange.counts', { converts: Math.max(0, total - emptied - counts.failing), emptied, failing: counts.failing })
          : t('typeChange.failing', { count: counts.failing }))}
      </div>
    </fieldset>
  );
}
