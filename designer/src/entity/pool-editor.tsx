import { useTranslation } from 'react-i18next';
import type { PoolDefinition } from '@tessera/metadata';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const POOL_EDITOR_KEYWORDS = ['entity.x-pool'] as const;

const whole = (n: number) => Number.isInteger(n) && n >= 1;
export const poolProblem = (pool?: PoolDefinition) => Boolean(pool && (!whole(pool.returnAfterDays) || !whole(pool.maxClaimsPerUser)));

/** The public pool (公海, `x-pool`): unowned records users claim, returned when not followed up. */
export function PoolEditor({ pool, dateFields, onChange }: { pool?: PoolDefinition; dateFields: string[]; onChange: (pool?: PoolDefinition) => void }) {
  const { t } = useTranslation();
  const put = (patch: Partial<PoolDefinition>) => {
    const next = { ...pool!, ...patch };
    if (!next.activityField) delete next.activityField;
    onChange(next);
  };
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
          <label className="d-label">{t('entitySettings.pool.maxClaimsPerUser')}
            <input type="number" min={1} data-testid="entity-pool-claims" value={pool.maxClaimsPerUser} onChange={(e) => put({ maxClaimsPerUser: Number(e.target.value) })} />
          </label>
          <label className="d-label">{t('entitySettings.pool.activityField')}
            <select data-testid="entity-pool-activity" value={pool.activityField ?? ''} onChange={(e) => put({ activityField: e.target.value || undefined })}>
              <option value="">{t('entitySettings.pool.activityDefault')}</option>
              {dateFields.map((f) => <option key={f} value={f}>{f}</option>)}
            </select>
          </label>
        </>
      )}
    </fieldset>
  );
}
