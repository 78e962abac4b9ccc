import { useTranslation } from 'react-i18next';
import type { AppDefinition, FieldDefinition } from '@tessera/metadata';
import type { MigrationChoices, PlanCheck } from '../api/meta-api-types';
import { parseDefault } from '../inspector/default-input';

function fieldById(app: AppDefinition, id: string | undefined): FieldDefinition | undefined {
  if (!id) return undefined;
  for (const entity of app.entities) for (const field of Object.values(entity.properties)) if (field['x-id'] === id) return field;
  return undefined;
}

export interface PlanChoicesProps {
  checks: PlanCheck[];
  published: AppDefinition;
  draft: AppDefinition;
  choices: MigrationChoices;
  onChange: (next: MigrationChoices) => void;
}

/**
 * What failed prechecks ask of the implementer: rows using a removed select option get a new
 * option (valueMappings), rows with no value for a field that becomes required get a backfill.
 * Other failures (values that would not convert, duplicates) are listed with counts and ids.
 */
export function PlanChoices({ checks, published, draft, choices, onChange }: PlanChoicesProps) {
  const { t } = useTranslation();
  const failing = checks.filter((c) => c.count > 0);
  if (!failing.length) return null;
  return (
    <ul className="d-checks" data-testid="plan-checks">
      {failing.map((check, i) => {
        const id = check.fieldId ?? '';
        const before = fieldById(published, id);
        const after = fieldById(draft, id);
        // A type change maps values to the new type (select → number): typed in, not picked (ADR 0035).
        const retyped = Boolean(before && after && before['x-type'] !== after['x-type']);
        const removed = retyped ? [] : (before?.['x-options'] ?? []).filter((o) => !(after?.['x-options'] ?? []).some((n) => n.value === o.value));
        return (
          <li key={i} className="d-check-failure" data-testid="plan-check">
            <strong>{t('plan.checkCount', { count: check.count })}</strong> {check.failure}
            {check.samples.length > 0 && <div className="d-hint">{t('plan.samples', { ids: check.samples.join(', ') })}</div>}
            {check.failure.includes('valueMappings') && removed.map((option) => (
              <label key={option.value} className="d-label">{t('plan.mapOption', { value: option.value })}
                <select data-testid={`map-${option.value}`} value={choices.valueMappings?.[id]?.[option.value] ?? ''}
                  onChange={(e) => onChange({ ...choices, valueMappings: { ...choices.valueMappings, [id]: { ...choices.valueMappings?.[id], [option.value]: e.target.value || null } } })}>
                  <option value="">{t('plan.clearValue')}</option>
                  {(after?.['x-options'] ?? []).map((o) => <option key={o.value} value={o.value}>{o.value}</option>)}
                </select>
              </label>
            ))}
            {retyped && check.failure.includes('valueMappings') && !after?.['x-options'] && (before?.['x-options'] ?? []).map((option) => (
              <label key={option.value} className="d-label">{t('plan.mapTyped', { value: option.value })}
                <input data-testid={`map-${option.value}`} value={choices.valueMappings?.[id]?.[option.value] ?? ''}
                  onChange={(e) => {
                    const { [option.value]: _old, ...rest } = choices.valueMappings?.[id] ?? {};
                    const next = e.target.value.trim() ? { ...rest, [option.value]: e.target.value.trim() } : rest;
                    onChange({ ...choices, valueMappings: { ...choices.valueMappings, [id]: next } });
                  }} />
              </label>
            ))}
            {retyped && check.failure.includes('valueMappings') && after?.['x-options'] && <div className="d-hint">{t('plan.mapInEditor')}</div>}
            {check.failure.includes('backfill') && after && (
              <label className="d-label">{t('plan.backfill')}
                <input data-testid={`backfill-${id}`} defaultValue=""
                  onChange={(e) => {
                    const parsed = parseDefault(e.target.value, after['x-type'], after['x-options'] ?? []);
                    const { [id]: _old, ...rest } = choices.backfills ?? {};
                    onChange({ ...choices, backfills: parsed.ok && parsed.value !== undefined ? { ...rest, [id]: parsed.value } : rest });
                  }} />
              </label>
            )}
          </li>
        );
      })}
    </ul>
  );
}
