import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import { inboxApi } from '../api/inbox-api';
import { localize, toLocale } from '../meta/localize';
import { UserPicker } from '../users/user-picker';
import { choiceToCron, cronToChoice, DEFAULT_CHOICE, type ScheduleChoice, type SchedulePreset } from './cron-presets';
import { nextSendTime } from './next-send';
import { reportsApi, type ReportSchedule } from './reports-api';
import { scheduleErrorKeys } from './schedule-error';

const PRESETS: SchedulePreset[] = ['daily', 'weekly', 'monthly', 'custom'];
const DAYS = Array.from({ length: 28 }, (_, i) => i + 1);
// The dialog holds a row of choices and a list of roles: wider than a one-field confirm, wrapping on narrow screens.
const DIALOG = { width: 'min(640px, 94vw)', maxHeight: '90vh', overflow: 'auto' } as const;
const ROW = { display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'flex-end' } as const;
const FIELD = { display: 'flex', flexDirection: 'column', gap: 4 } as const;

/** The zones the browser knows, with `keep` (the stored or workspace zone) always among them. */
function timeZones(keep: string): string[] {
  const all = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.('timeZone') ?? [];
  return all.includes(keep) ? all : [keep, ...all];
}

/** Weekday names in the UI language, Sunday first (cron's 0): 2024-01-07 was a Sunday. */
const weekdayNames = (intl: string) => Array.from({ length: 7 }, (_, i) => new Intl.DateTimeFormat(intl, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 7 + i))));

export interface ScheduleDialogProps {
  app: AppDefinition;
  reportId: string;
  reportLabel: string;
  schedule: ReportSchedule | null | undefined;
  /** The workspace's zone: what a new schedule is read in unless changed. */
  defaultTimeZone: string;
  /** Whole roles as recipients: administrators and those who may export the records (the server checks it again). */
  mayUseRoles: boolean;
  onChanged: (schedule: ReportSchedule | null) => void;
  onClose: () => void;
}

/**
 * When one's own report is sent and to whom: every day, week or month at a time (or a cron typed
 * out), in a time zone, to roles and people. The server's answer (its next send time, or why
 * it refused) shows in the dialog.
 */
export function ScheduleDialog({ app, reportId, reportLabel, schedule, defaultTimeZone, mayUseRoles, onChanged, onClose }: ScheduleDialogProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const intl = locale === 'zh' ? 'zh-CN' : 'en-US';
  const [current, setCurrent] = useState(schedule ?? null);
  const [choice, setChoice] = useState<ScheduleChoice>(() => (schedule ? cronToChoice(schedule.cron) : DEFAULT_CHOICE));
  const [timeZone, setTimeZone] = useState(schedule?.timeZone ?? defaultTimeZone);
  const [roles, setRoles] = useState<string[]>(schedule?.recipients.roles ?? []);
  const [users, setUsers] = useState<string[]>(schedule?.recipients.users ?? []);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const missing = users.filter((u) => !names.has(u));
    if (missing.length) inboxApi.usersByIds(missing).then((found) => setNames((m) => new Map([...m, ...found.map((u) => [u.id, u.displayName || u.username] as const)])), () => undefined);
  }, [users.join(',')]);

  const edit = (patch: Partial<ScheduleChoice>) => setChoice((c) => ({ ...c, ...patch }));
  const appRoles = Object.entries(app.permissions?.roles ?? {});
  const weekdays = weekdayNames(intl);
  const when = (at: Date, zone: string) => new Intl.DateTimeFormat(intl, { dateStyle: 'full', timeStyle: 'short', timeZone: zone }).format(at);
  const nextAt = current?.nextAt ? when(new Date(current.nextAt), current.timeZone) : undefined;
  // While the choices differ from what is stored, what they would do (the server's answer replaces it on save).
  const changed = !current || current.cron !== choiceToCron(choice) || current.timeZone !== timeZone;
  const preview = changed ? nextSendTime(choice, timeZone, new Date()) : undefined;

  const run = async (action: () => Promise<ReportSchedule | null>) => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await action();
      setCurrent(next);
      onChanged(next);
    } catch (e) {
      // The server names each problem by field and rule (too frequent, unknown zone, a role one may not send to).
      setError(scheduleErrorKeys(e).map((key) => t(key)).join(' '));
    } finally {
      setBusy(false);
    }
  };
  const save = () => run(() => reportsApi.schedule(reportId, { cron: choiceToCron(choice), timeZone, recipients: { roles, users } }));
  const remove = () => run(() => reportsApi.unschedule(reportId).then(() => null));

  return (
    <div className="t-dialog-backdrop" role="presentation">
      <div className="t-dialog t-card" role="dialog" aria-modal="true" aria-labelledby="t-schedule-title" style={DIALOG} data-testid="schedule-dialog" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
        <h3 id="t-schedule-title">{t('reports.scheduleTitle', { label: reportLabel })}</h3>
        <div style={ROW}>
          <label style={FIELD}>{t('reports.scheduleRepeat')}
            <select data-testid="schedule-preset" value={choice.preset} onChange={(e) => edit({ preset: e.target.value as SchedulePreset, cron: choice.preset === 'custom' ? choice.cron : choiceToCron(choice) })}>
              {PRESETS.map((p) => <option key={p} value={p}>{t(`reports.schedulePresets.${p}`)}</option>)}
            </select>
          </label>
          {choice.preset === 'weekly' && (
            <label style={FIELD}>{t('reports.scheduleWeekday')}
              <select data-testid="schedule-weekday" value={choice.weekday} onChange={(e) => edit({ weekday: Number(e.target.value) })}>
                {weekdays.map((name, i) => <option key={i} value={i}>{name}</option>)}
              </select>
            </label>
          )}
          {choice.preset === 'monthly' && (
            <label style={FIELD}>{t('reports.scheduleDay')}
              <select data-testid="schedule-day" value={choice.day} onChange={(e) => edit({ day: Number(e.target.value) })}>
                {DAYS.map((d) => <option key={d} value={d}>{d}</option>)}
              </select>
            </label>
          )}
          {choice.preset === 'custom'
            ? <label style={FIELD}>{t('reports.scheduleCron')} <input data-testid="schedule-cron" value={choice.cron} onChange={(e) => edit({ cron: e.target.value })} /></label>
            : <label style={FIELD}>{t('reports.scheduleTime')} <input type="time" data-testid="schedule-time" value={choice.time} onChange={(e) => edit({ time: e.target.value })} /></label>}
          <label style={FIELD}>{t('reports.scheduleTimeZone')}
            <select data-testid="schedule-time-zone" style={{ maxWidth: 220 }} value={timeZone} onChange={(e) => setTimeZone(e.target.value)}>
              {timeZones(timeZone).map((z) => <option key={z} value={z}>{z}</option>)}
            </select>
          </label>
        </div>
        <fieldset data-testid="schedule-recipients" style={{ ...FIELD, marginTop: 12 }}>
          <legend>{t('reports.scheduleRecipients')}</legend>
          {mayUseRoles && <div style={ROW}>{appRoles.map(([name, role]) => (
            <label key={name} style={{ whiteSpace: 'nowrap' }}><input type="checkbox" data-testid={`schedule-role-${name}`} checked={roles.includes(name)} onChange={(e) => setRoles(e.target.checked ? [...roles, name] : roles.filter((r) => r !== name))} /> {localize(role.label, locale) || name}</label>
          ))}</div>}
          <div>
            {users.map((u) => (
              <span key={u} className="t-chip" data-testid="schedule-user">{names.get(u) ?? ''} <button type="button" className="t-btn t-btn-ghost" aria-label={t('reports.scheduleRemoveUser', { name: names.get(u) ?? '' })} onClick={() => setUsers(users.filter((x) => x !== u))}>×</button></span>
            ))}
            <UserPicker label={t('reports.scheduleUsers')} value="" testId="schedule-user-picker" onChange={(u) => u && !users.includes(u) && setUsers([...users, u])} />
          </div>
        </fieldset>
        {preview && <p className="t-muted" data-testid="schedule-preview" data-at={preview.toISOString()}>{t('reports.schedulePreview', { when: when(preview, timeZone), zone: timeZone })}</p>}
        {current && <p className="t-muted" role="status" data-testid="schedule-next" data-at={current.nextAt ?? ''}>{nextAt ? t('reports.scheduleNext', { when: nextAt, zone: current.timeZone }) : t('reports.scheduleSet')}</p>}
        {error && <p className="t-danger" role="alert" data-testid="schedule-error">{error}</p>}
        <div className="t-form-actions">
          <button type="button" className="t-btn t-btn-primary" data-testid="schedule-save" disabled={busy} onClick={() => void save()}>{t('reports.scheduleSave')}</button>
          {current && <button type="button" className="t-btn t-btn-danger" data-testid="schedule-remove" disabled={busy} onClick={() => void remove()}>{t('reports.scheduleRemove')}</button>}
          <button type="button" className="t-btn" data-testid="schedule-close" onClick={onClose}>{t('reports.scheduleClose')}</button>
        </div>
      </div>
    </div>
  );
}
