import { useTranslation } from 'react-i18next';
import type { EntityDefinition, PoolDefinition } from '@tessera/metadata';
import { localize } from '../localize';
import { withActivity, withClaimPeriod, type ActivitySource } from './pool-settings';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const POOL_EDITOR_KEYWORDS = ['entity.x-pool', 'entity.x-pool.activity', 'entity.x-pool.claimPeriodDays'] as const;

export interface PoolEditorProps {
  pool?: PoolDefinition;
  dateFields: string[];
  /** Children linked to this entity that can count as follow-ups (see activitySources). */
  sources: ActivitySource[];
  entities: readonly EntityDefinition[];
  onChange: (pool?: PoolDefinition) => void;
}

/**
 * The public pool (公海, `x-pool`): unowned records users claim, returned when not followed up —
 * by the record's own date, or by its follow-up records — and the claim limit, over the records
 * a user holds or per period.
 */
export function PoolEditor({ pool, dateFields, sources, entities, onChange }: PoolEditorProps) {
  const { t, i18n } = useTranslation();
  const put = (patch: Partial<PoolDefinition>) => {
    const next = { ...pool!, ...patch };
    if (!next.activityField) delete next.activityField;
    onChange(next);
  };
  const labelOf = (entity: string, field?: string) => {
    const e = entities.find((x) => x['x-name'] === entity);
    return field ? localize(e?.properties[field]?.['x-label'], i18n.language) || field : localize(e?.['x-label'], i18n.language) || entity;
  };
  const key = (s: { entity: string; via: string }) => `${s.entity}.${s.via}`;
  const source = pool?.activity && sources.find((s) => key(s) === key(pool.activity!));
  return (
    <fieldset className="d-entity-pool" data-testid="entity-pool">
      <legend>{t('entitySettings.pool.heading')}</legend>
      <label className="d-check">
        <input type="checkbox" data-testid="entity-pool-enabled" checked={Boolean(pool)}
          onChange={(e) => onChange(e.target.checked ? { ownerField: 'owner', returnAfterDays: 30, maxClaimsPerUser: 50 } : undefined)} />
        {t('entitySettings.pool.enabled')}
      </label>
      {pool && (
        <>
          <label className="d-label">{t('entitySettings.pool.returnAfterDays')}
            <input type="number" min={1} max={3650} data-testid="entity-pool-days" value={pool.returnAfterDays} onChange={(e) => put({ returnAfterDays: Number(e.target.value) })} />
          </label>
          <label className="d-label">{t('entitySettings.pool.activityField')}
            <select data-testid="entity-pool-activity" value={pool.activityField ?? ''} onChange={(e) => put({ activityField: e.target.value || undefined })}>
              <option value="">{t('entitySettings.pool.activityDefault')}</option>
              {dateFields.map((f) => <option key={f} value={f}>{f}</option>)}
            </select>
          </label>
          <label className="d-label">{t('entitySettings.pool.activity')}
            <select data-testid="entity-pool-activity-source" value={pool.activity ? key(pool.activity) : ''}
              onChange={(e) => onChange(withActivity(pool, sources.find((s) => key(s) === e.target.value)))}>
              <option value="">{t('entitySettings.pool.activityNone')}</option>
              {pool.activity && !source && <option value={key(pool.activity)}>{key(pool.activity)}</option>}
              {sources.map((s) => <option key={key(s)} value={key(s)}>{labelOf(s.entity)} · {labelOf(s.entity, s.via)}</option>)}
            </select>
            <span className="d-hint">{t('entitySettings.pool.activityHint')}</span>
          </label>
          {pool.activity && source && (
            <label className="d-label">{t('entitySettings.pool.activityDate')}
              <select data-testid="entity-pool-activity-date" value={pool.activity.date} onChange={(e) => onChange(withActivity(pool, source, e.target.value))}>
                {source.dates.map((d) => <option key={d} value={d}>{labelOf(source.entity, d)}</option>)}
              </select>
            </label>
          )}
          <label className="d-label">{t(pool.claimPeriodDays === undefined ? 'entitySettings.pool.maxClaimsPerUser' : 'entitySettings.pool.maxClaimsPerPeriod')}
            <input type="number" min={1} max={100000} data-testid="entity-pool-claims" value={pool.maxClaimsPerUser} onChange={(e) => put({ maxClaimsPerUser: Number(e.target.value) })} />
          </label>
          <label className="d-label">{t('entitySettings.pool.claimPeriodDays')}
            <input type="number" min={1} max={3650} data-testid="entity-pool-claim-period" value={pool.claimPeriodDays ?? ''}
              onChange={(e) => onChange(withClaimPeriod(pool, e.target.value === '' ? undefined : Number(e.target.value)))} />
            <span className="d-hint">{t('entitySettings.pool.claimPeriodHint')}</span>
          </label>
        </>
      )}
    </fieldset>
  );
}
