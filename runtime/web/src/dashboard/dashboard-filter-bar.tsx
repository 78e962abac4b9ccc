import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DirectoryUser } from '../api/inbox-api';
import { inboxApi } from '../api/inbox-api';
import { RANGE_PERIODS, rangeBounds, todayIn, type RangePeriod } from '../reports/report-range';
import { UserPicker } from '../users/user-picker';
import { isDate, type DashboardFilter, type DashboardOwner } from './dashboard-filter';

export interface DashboardFilterBarProps {
  filter: DashboardFilter;
  onChange: (next: DashboardFilter) => void;
  userId?: string;
  /** The people of the viewer's teams (the viewer included). */
  teammates: readonly DirectoryUser[];
  timeZone: string;
}

const ownerValue = (owner: DashboardOwner | undefined) => (!owner ? '' : owner.kind === 'user' ? owner.id : owner.kind);

/**
 * The bar above the dashboard: a time range (a period on the workspace calendar, or two dates)
 * and whose records (mine, my team's, one person's) — applied to every card at once.
 */
export function DashboardFilterBar({ filter, onChange, userId, teammates, timeZone }: DashboardFilterBarProps) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const chosen = filter.owner?.kind === 'user' ? filter.owner.id : undefined;
  const [chosenName, setChosenName] = useState<string>();
  const others = teammates.filter((u) => u.id !== userId);
  // A person from a shared link who is not in the viewer's teams still shows by name.
  useEffect(() => {
    setChosenName(undefined);
    if (chosen && !others.some((u) => u.id === chosen)) inboxApi.usersByIds([chosen]).then(([u]) => setChosenName(u ? u.displayName || u.username : chosen), () => setChosenName(chosen));
  }, [chosen, teammates]);

  const setRange = (value: string) => {
    if (value === 'custom') {
      const { gte } = rangeBounds('this-month', todayIn(timeZone));
      const [y, m, d] = todayIn(timeZone);
      onChange({ ...filter, range: { period: 'custom', from: gte, to: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` } });
    } else onChange({ ...filter, range: value ? { period: value as RangePeriod } : undefined });
  };
  // The two dates stay in order: moving one past the other moves both.
  const setDay = (which: 'from' | 'to', day: string) => {
    if (filter.range?.period !== 'custom' || !isDate(day)) return;
    const { from, to } = filter.range;
    const next = which === 'from' ? { from: day, to: day > to ? day : to } : { from: day < from ? day : from, to: day };
    onChange({ ...filter, range: { period: 'custom', ...next } });
  };
  const setOwner = (value: string) => {
    setPicking(value === 'other');
    if (value === 'other') return;
    onChange({ ...filter, owner: value === 'me' || value === 'team' ? { kind: value } : value ? { kind: 'user', id: value } : undefined });
  };

  return (
    // Wraps on a phone rather than widening the page.
    <div className="t-inline-form" style={{ flexWrap: 'wrap', gap: '8px 16px', marginBottom: 12 }} role="group" aria-label={t('dashboard.filters')} data-testid="dashboard-filter">
      <label>{t('dashboard.range')}{' '}
        <select data-testid="dashboard-range" value={filter.range?.period ?? ''} onChange={(e) => setRange(e.target.value)}>
          <option value="">{t('dashboard.ranges.all')}</option>
          {RANGE_PERIODS.map((p) => <option key={p} value={p}>{t(`dashboard.ranges.${p}`)}</option>)}
          <option value="custom">{t('dashboard.ranges.custom')}</option>
        </select>
      </label>
      {filter.range?.period === 'custom' && (
        <>
          <label>{t('dashboard.from')} <input type="date" data-testid="dashboard-from" value={filter.range.from} onChange={(e) => setDay('from', e.target.value)} /></label>
          <label>{t('dashboard.to')} <input type="date" data-testid="dashboard-to" value={filter.range.to} onChange={(e) => setDay('to', e.target.value)} /></label>
        </>
      )}
      <label>{t('dashboard.owner')}{' '}
        <select data-testid="dashboard-owner" value={picking ? 'other' : ownerValue(filter.owner)} onChange={(e) => setOwner(e.target.value)}>
          <option value="">{t('dashboard.owners.all')}</option>
          <option value="me">{t('dashboard.owners.me')}</option>
          {teammates.length > 0 && <option value="team">{t('dashboard.owners.team')}</option>}
          {(others.length > 0 || chosenName) && (
            <optgroup label={t('dashboard.owners.people')}>
              {others.map((u) => <option key={u.id} value={u.id}>{u.displayName || u.username}</option>)}
              {chosen && chosenName && <option value={chosen}>{chosenName}</option>}
            </optgroup>
          )}
          <option value="other">{t('dashboard.owners.other')}</option>
        </select>
      </label>
      {picking && (
        <UserPicker label={t('dashboard.owners.pick')} value="" testId="dashboard-owner-picker"
          onChange={(id) => { if (!id) return; setPicking(false); onChange({ ...filter, owner: { kind: 'user', id } }); }} />
      )}
      {(filter.range || filter.owner) && <button type="button" className="t-btn t-btn-ghost" data-testid="dashboard-clear" onClick={() => { setPicking(false); onChange({}); }}>{t('dashboard.clear')}</button>}
      <span className="t-muted" data-testid="dashboard-time-zone">{t('dashboard.timeZone', { zone: timeZone })}</span>
    </div>
  );
}
