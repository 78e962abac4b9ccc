import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition, EntityDefinition } from '@tessera/metadata';
import type { Capabilities } from '../api/capabilities-api';
import { inboxApi } from '../api/inbox-api';
import { recordsApi } from '../api/records-api';
import { reportNames } from './report-names';
import { useFieldTypeFacts } from '../field-types/field-types-context';
import { FilterBuilder } from '../list/filter-builder';
import { UserPicker } from '../users/user-picker';
import { conditionsToFilter, type FilterCondition } from '../list/list-query';
import { localize, toLocale } from '../meta/localize';
import { canRead } from '../permissions/app-menu';
import { drillConditions, filterToConditions, openListWith } from './drill-down';
import { chartShape, pivotToCsv, toPivot } from './pivot';
import { chartToPng } from './chart-png';
import { PivotTable } from './pivot-table';
import { ReportChart } from './report-chart';
import { dateFields, groupFields, isDateField, numberFields } from './report-fields';
import { groupValueLabel, orderKeys } from './report-labels';
import { rangeBounds, RANGE_PERIODS, todayIn, type RangePeriod } from './report-range';
import { reportsApi, type ChartKind, type ReportBody, type SavedReport } from './reports-api';
import { ScheduleDialog } from './schedule-dialog';

const BUCKETS = ['day', 'week', 'month', 'quarter', 'year'] as const;
const FNS = ['count', 'sum', 'avg', 'min', 'max', 'distinct'] as const;
const CHARTS: ChartKind[] = ['bar', 'line', 'pie', 'funnel', 'number', 'table'];

interface Draft {
  id?: string;
  mine: boolean;
  ownerName?: string;
  label: string;
  entity: string;
  groups: { field: string; bucket: string }[];
  fn: (typeof FNS)[number];
  field: string;
  conditions: FilterCondition[];
  range?: { field: string; period: RangePeriod };
  chart?: ChartKind;
  roles: string[];
  users: string[];
}

const groupName = (g: { field: string; bucket: string }) => (g.bucket ? `${g.field}:${g.bucket}` : g.field);
const blank = (entity: string): Draft => ({ mine: true, label: '', entity, groups: [{ field: '', bucket: '' }, { field: '', bucket: '' }], fn: 'count', field: '', conditions: [], roles: [], users: [] });

function fromSaved(r: SavedReport): Draft {
  const groups = r.groups.map((g) => { const [field, bucket = ''] = g.split(':'); return { field, bucket }; });
  while (groups.length < 2) groups.push({ field: '', bucket: '' });
  const [fn, field = ''] = (r.measures[0] ?? 'count').split(':');
  return { id: r.id, mine: r.mine, ownerName: r.ownerName, label: r.label, entity: r.entity, groups, fn: fn as Draft['fn'], field, conditions: filterToConditions(r.filter), range: r.range, chart: r.chart, roles: r.sharedWith?.roles ?? [], users: r.sharedWith?.users ?? [] };
}

export interface ReportsPageProps {
  app: AppDefinition;
  capabilities: Capabilities;
  userId: string;
  timeZone?: string;
  /** `#/_reports?id=`: a report to open. */
  reportId?: string;
}

/** The report builder (issue 21): pick, group, measure, filter; a pivot and a chart; save, share, export, drill down. */
export default function ReportsPage({ app, capabilities, userId, timeZone, reportId }: ReportsPageProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const intl = locale === 'zh' ? 'zh-CN' : 'en-US';
  const facts = useFieldTypeFacts();
  const entities = app.entities.filter((e) => canRead(capabilities, e['x-name']));
  const [saved, setSaved] = useState<SavedReport[]>([]);
  const [draft, setDraft] = useState<Draft>(() => blank(entities[0]?.['x-name'] ?? ''));
  const [rows, setRows] = useState<Record<string, unknown>[]>();
  const [users, setUsers] = useState<Map<string, string>>(new Map());
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [dirty, setDirty] = useState(false);
  const [shareNames, setShareNames] = useState<Map<string, string>>(new Map());
  const [scheduling, setScheduling] = useState(false);
  const chartBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const missing = draft.users.filter((u) => !shareNames.has(u));
    if (missing.length) inboxApi.usersByIds(missing).then((found) => setShareNames((m) => new Map([...m, ...found.map((u) => [u.id, u.displayName || u.username] as const)])), () => undefined);
  }, [draft.users.join(',')]);
  const entity: EntityDefinition | undefined = entities.find((e) => e['x-name'] === draft.entity);
  const fieldLabel = (name: string) => (entity?.properties[name] ? localize(entity.properties[name]['x-label'], locale) : t(`system.${name}`));

  const refreshSaved = () => reportsApi.list().then(setSaved, (e: Error) => setError(e.message));
  useEffect(() => void refreshSaved(), []);
  useEffect(() => {
    const found = reportId ? saved.find((r) => r.id === reportId) : undefined;
    // Opened once: a list refreshed after pinning or scheduling keeps the edits on screen.
    if (found && found.id !== draft.id) { setDraft(fromSaved(found)); setDirty(false); }
  }, [reportId, saved]);

  const groups = draft.groups.filter((g) => g.field).map(groupName);
  const measure = draft.fn === 'count' ? 'count' : `${draft.fn}:${draft.field}`;
  const rangeConditions: FilterCondition[] = draft.range ? (() => { const b = rangeBounds(draft.range.period, todayIn(timeZone)); return [{ field: draft.range.field, op: 'gte', value: b.gte }, { field: draft.range.field, op: 'lt', value: b.lt }]; })() : [];
  const filterJson = entity ? conditionsToFilter(entity, draft.conditions) : undefined;
  // Saved as drawn: "chosen from the data" is stored as the chart it chose.
  const autoChart = (): ChartKind => { const shape = chartShape(groups, (g) => !!entity && isDateField(entity, g.split(':')[0])); return shape === 'stacked' ? 'bar' : shape; };
  const body = (): ReportBody => ({
    label: draft.label.trim(), entity: draft.entity, groups, measures: [measure],
    ...(filterJson ? { filter: JSON.parse(filterJson) as Record<string, unknown> } : {}),
    ...(draft.range ? { range: draft.range } : {}),
    chart: draft.chart ?? autoChart(), sharedWith: { roles: draft.roles, users: draft.users },
  });
  const query = useMemo(() => {
    if (!entity || (draft.fn !== 'count' && !draft.field)) return undefined;
    const params = new URLSearchParams();
    if (groups.length) params.set('group', groups.join(','));
    params.set('measures', measure);
    const filter = entity ? conditionsToFilter(entity, [...draft.conditions, ...rangeConditions]) : undefined;
    if (filter) params.set('filter', filter);
    return params.toString();
  }, [entity, JSON.stringify(groups), measure, JSON.stringify(draft.conditions), JSON.stringify(rangeConditions)]);

  useEffect(() => {
    if (!entity || !query) return;
    let live = true;
    // A report opened unchanged runs as saved (the server applies the viewer's scope either way).
    const run = draft.id && !dirty ? reportsApi.run(draft.id) : recordsApi.aggregate(entity['x-plural'], query);
    run.then(async (data) => {
      const names = await reportNames(app, entity, groups, data);
      if (live) { setUsers(names); setRows(data); setError(undefined); }
    }).catch((e: Error) => live && (setRows(undefined), setError(e.message)));
    return () => { live = false; };
  }, [query, draft.id, dirty]);

  const change = (patch: Partial<Draft>) => { setDraft((d) => ({ ...d, ...patch })); setDirty(true); setNotice(undefined); };
  const labelCtx = { locale, empty: t('reports.empty'), other: t('reports.other'), yesNo: [t('list.yes'), t('list.no')] as [string, string], users };
  const label = (which: 'row' | 'col', key: string) => (entity ? groupValueLabel(entity, (which === 'row' ? groups[0] : groups[1]) ?? '', key, labelCtx) : key);
  const pivot = rows && entity ? toPivot(rows, groups, measure, (g, keys) => (g ? orderKeys(entity, g, keys, (k) => groupValueLabel(entity, g, k, labelCtx)) : keys)) : undefined;
  const amountField = draft.fn !== 'count' && draft.fn !== 'distinct' ? entity?.properties[draft.field] : undefined;
  const format = (v: number) => (Number.isNaN(v) ? '—' : new Intl.NumberFormat(intl, { maximumFractionDigits: 2, ...(amountField?.['x-type'] === 'currency' ? {} : {}) }).format(v));
  const kind: ChartKind = draft.chart ?? autoChart();
  const measureName = draft.fn === 'count' ? t('reports.fns.count') : `${t(`reports.fns.${draft.fn}`)} · ${fieldLabel(draft.field)}`;

  const drill = (rowKey: string, colKey?: string) => {
    if (!entity) return;
    const keys = groups.length === 2 ? [rowKey, colKey ?? ''] : [rowKey];
    const conditions = drillConditions([...draft.conditions, ...rangeConditions], groups.slice(0, keys.length), keys);
    openListWith(userId, entity, conditions);
  };
  const save = async () => {
    try {
      const next = draft.id && draft.mine ? await reportsApi.update(draft.id, body()) : await reportsApi.create(body());
      setDraft(fromSaved(next)); setDirty(false); setNotice(t('reports.savedNotice', { label: next.label }));
      await refreshSaved();
    } catch (e) { setError((e as Error).message); }
  };
  const remove = async () => {
    if (!draft.id || !window.confirm(t('reports.deleteConfirm', { label: draft.label }))) return;
    try { await reportsApi.remove(draft.id); setDraft(blank(draft.entity)); setNotice(t('reports.deleted')); await refreshSaved(); } catch (e) { setError((e as Error).message); }
  };
  const exportCsv = () => {
    if (!pivot) return;
    const csv = pivotToCsv(pivot, label, { row: groups[0] ? fieldLabel(groups[0].split(':')[0]) : measureName, total: t('reports.total') });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
    a.download = `${draft.label.trim() || 'report'}.csv`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  // The saved report as the server has it now: its schedule and whether the viewer pinned it.
  const current = draft.id ? saved.find((r) => r.id === draft.id) : undefined;
  const togglePin = async () => {
    if (!current) return;
    try {
      if (current.pinned) await reportsApi.unpin(current.id); else await reportsApi.pin(current.id);
      setNotice(t(current.pinned ? 'reports.unpinnedNotice' : 'reports.pinnedNotice', { label: current.label }));
      await refreshSaved();
    } catch (e) { setError((e as Error).message); }
  };
  const exportPng = () => {
    if (chartBox.current) chartToPng(chartBox.current, draft.label.trim() || 'report').catch((e: Error) => setError(e.message));
  };
  const fileName = (draft.label.trim() || 'report');
  const scheduleNext = current?.schedule?.nextAt ? new Intl.DateTimeFormat(intl, { dateStyle: 'medium', timeStyle: 'short', timeZone: current.schedule.timeZone }).format(new Date(current.schedule.nextAt)) : undefined;
  const readOnly = !draft.mine;
  const roles = Object.entries(app.permissions?.roles ?? {});
  const hasCols = groups.length === 2;

  return (
    <div className="t-reports" data-testid="reports-page" style={{ display: 'grid', gridTemplateColumns: 'minmax(180px, 220px) 1fr', gap: 16, alignItems: 'start' }}>
      <aside className="t-card" data-testid="report-list">
        <div className="t-card-header"><h2>{t('reports.title')}</h2><button type="button" className="t-btn" data-testid="report-new" onClick={() => { setDraft(blank(draft.entity)); setDirty(false); window.location.hash = '#/_reports'; }}>{t('reports.new')}</button></div>
        {saved.length === 0 && <p className="t-muted">{t('reports.none')}</p>}
        <ul>
          {saved.map((r) => (
            <li key={r.id}><a href={`#/_reports?id=${r.id}`} data-testid={`report-open-${r.label}`}>{r.mine ? r.label : t('reports.sharedBy', { label: r.label, owner: r.ownerName ?? '' })}</a></li>
          ))}
        </ul>
      </aside>
      <section className="t-card" data-testid="report-builder">
        {readOnly && <p className="t-muted" data-testid="report-shared-note">{t('reports.sharedNote', { owner: draft.ownerName ?? '' })}</p>}
        <fieldset disabled={readOnly} className="t-inline-form">
          <label>{t('reports.name')} <input data-testid="report-label" value={draft.label} onChange={(e) => change({ label: e.target.value })} /></label>
          <label>{t('reports.entity')}
            <select data-testid="report-entity" value={draft.entity} onChange={(e) => change({ ...blank(e.target.value), label: draft.label, id: draft.id })}>
              {entities.map((e) => <option key={e['x-name']} value={e['x-name']}>{localize(e['x-label-plural'] ?? e['x-label'], locale)}</option>)}
            </select>
          </label>
          {draft.groups.map((g, i) => (
            <label key={i}>{t(i === 0 ? 'reports.rows' : 'reports.columns')}
              <select data-testid={`report-group-${i}`} value={g.field} onChange={(e) => change({ groups: draft.groups.map((x, j) => (j === i ? { field: e.target.value, bucket: entity && isDateField(entity, e.target.value) ? 'month' : '' } : x)) })}>
                <option value="">{t('reports.noGroup')}</option>
                {entity && groupFields(entity).map((f) => <option key={f} value={f}>{fieldLabel(f)}</option>)}
              </select>
              {entity && g.field && isDateField(entity, g.field) && (
                <select data-testid={`report-bucket-${i}`} aria-label={t('reports.bucket')} value={g.bucket} onChange={(e) => change({ groups: draft.groups.map((x, j) => (j === i ? { ...x, bucket: e.target.value } : x)) })}>
                  {BUCKETS.map((b) => <option key={b} value={b}>{t(`reports.buckets.${b}`)}</option>)}
                </select>
              )}
            </label>
          ))}
          <label>{t('reports.measure')}
            <select data-testid="report-fn" value={draft.fn} onChange={(e) => change({ fn: e.target.value as Draft['fn'], field: '' })}>
              {FNS.map((f) => <option key={f} value={f}>{t(`reports.fns.${f}`)}</option>)}
            </select>
            {draft.fn !== 'count' && entity && (
              <select data-testid="report-measure-field" aria-label={t('reports.field')} value={draft.field} onChange={(e) => change({ field: e.target.value })}>
                <option value="">{t('reports.chooseField')}</option>
                {(draft.fn === 'distinct' ? groupFields(entity) : draft.fn === 'min' || draft.fn === 'max' ? [...numberFields(entity), ...dateFields(entity)] : numberFields(entity)).map((f) => <option key={f} value={f}>{fieldLabel(f)}</option>)}
              </select>
            )}
          </label>
          <label>{t('reports.range')}
            <select data-testid="report-range" value={draft.range?.period ?? ''} onChange={(e) => change({ range: e.target.value && entity ? { field: draft.range?.field ?? dateFields(entity)[0], period: e.target.value as RangePeriod } : undefined })}>
              <option value="">{t('reports.ranges.all')}</option>
              {RANGE_PERIODS.map((p) => <option key={p} value={p}>{t(`reports.ranges.${p}`)}</option>)}
            </select>
            {draft.range && entity && (
              <select data-testid="report-range-field" aria-label={t('reports.rangeField')} value={draft.range.field} onChange={(e) => change({ range: { ...draft.range!, field: e.target.value } })}>
                {dateFields(entity).map((f) => <option key={f} value={f}>{fieldLabel(f)}</option>)}
              </select>
            )}
          </label>
          <label>{t('reports.chart')}
            <select data-testid="report-chart-kind" value={draft.chart ?? ''} onChange={(e) => change({ chart: (e.target.value || undefined) as ChartKind | undefined })}>
              <option value="">{t('reports.charts.auto')}</option>
              {CHARTS.map((c) => <option key={c} value={c}>{t(`reports.charts.${c}`)}</option>)}
            </select>
          </label>
        </fieldset>
        {entity && !readOnly && (
          <div data-testid="report-filter"><h3>{t('reports.filter')}</h3><FilterBuilder entity={entity} conditions={draft.conditions} onChange={(conditions) => change({ conditions })} facts={facts} hidden={capabilities.entities[entity['x-name']]?.hidden} /></div>
        )}
        {!readOnly && (
          <fieldset className="t-inline-form" data-testid="report-share">
            <legend>{t('reports.share')}</legend>
            {roles.map(([name, role]) => (
              <label key={name}><input type="checkbox" data-testid={`report-share-${name}`} checked={draft.roles.includes(name)} onChange={(e) => change({ roles: e.target.checked ? [...draft.roles, name] : draft.roles.filter((r) => r !== name) })} /> {localize(role.label, locale) || name}</label>
            ))}
            <div data-testid="report-share-users">
              {draft.users.map((u) => (
                <span key={u} className="t-chip" data-testid="report-share-user">{shareNames.get(u) ?? ''} <button type="button" className="t-btn t-btn-ghost" aria-label={t('reports.unshare', { name: shareNames.get(u) ?? '' })} onClick={() => change({ users: draft.users.filter((x) => x !== u) })}>×</button></span>
              ))}
              <UserPicker label={t('reports.shareUsers')} value="" exclude={userId} testId="report-share-user-picker" onChange={(u) => u && !draft.users.includes(u) && change({ users: [...draft.users, u] })} />
            </div>
          </fieldset>
        )}
        <div className="t-actions">
          {!readOnly && <button type="button" className="t-btn t-btn-primary" data-testid="report-save" disabled={!draft.label.trim() || !query} onClick={() => void save()}>{t('reports.save')}</button>}
          {/* A saved report exports from the server (the viewer's own numbers, in the UI language); a draft as shown. */}
          {current && !dirty ? (
            <>
              <a className="t-btn" data-testid="report-export-csv" href={reportsApi.exportUrl(current.id, 'csv', locale)} download={`${fileName}.csv`}>{t('reports.csv')}</a>
              <a className="t-btn" data-testid="report-export-xlsx" href={reportsApi.exportUrl(current.id, 'xlsx', locale)} download={`${fileName}.xlsx`}>{t('reports.xlsx')}</a>
            </>
          ) : <button type="button" className="t-btn" data-testid="report-csv" disabled={!pivot} onClick={exportCsv}>{t('reports.csv')}</button>}
          {pivot && pivot.rowKeys.length > 0 && kind !== 'table' && kind !== 'number' && <button type="button" className="t-btn" data-testid="report-png" onClick={exportPng}>{t('reports.png')}</button>}
          {current && <button type="button" className="t-btn" data-testid="report-pin" data-pinned={current.pinned ? 'true' : 'false'} onClick={() => void togglePin()}>{t(current.pinned ? 'reports.unpin' : 'reports.pin')}</button>}
          {current && current.mine && <button type="button" className="t-btn" data-testid="report-schedule" onClick={() => setScheduling(true)}>{t(current.schedule ? 'reports.scheduleEdit' : 'reports.schedule')}</button>}
          {draft.id && !readOnly && <button type="button" className="t-btn t-btn-danger" data-testid="report-delete" onClick={() => void remove()}>{t('reports.delete')}</button>}
        </div>
        {current?.schedule && <p className="t-muted" data-testid="report-schedule-summary">{scheduleNext ? t('reports.scheduleNext', { when: scheduleNext, zone: current.schedule.timeZone }) : t('reports.scheduleSet')}</p>}
        {notice && <p className="t-muted" role="status" data-testid="report-notice">{notice}</p>}
        {error && <p className="t-danger" role="alert" data-testid="report-error">{error}</p>}
        {!rows && !error && query && <p className="t-muted">{t('app.loading')}</p>}
        {pivot && pivot.rowKeys.length === 0 && <p className="t-muted" data-testid="report-no-data">{t('reports.noData')}</p>}
        {pivot && pivot.rowKeys.length > 0 && kind !== 'table' && (
          <div ref={chartBox}><ReportChart pivot={pivot} kind={kind} stacked={hasCols} label={label} format={format} measureName={measureName} onDrill={drill} /></div>
        )}
        {pivot && pivot.rowKeys.length > 0 && groups.length > 0 && (
          <PivotTable pivot={pivot} rowHeader={fieldLabel(groups[0].split(':')[0])} measureName={measureName} twoWay={hasCols} label={label} format={format} onDrill={drill} />
        )}
      </section>
      {scheduling && current && (
        <ScheduleDialog app={app} reportId={current.id} reportLabel={current.label} schedule={current.schedule} defaultTimeZone={timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone}
          mayUseRoles={capabilities.admin || !!capabilities.entities[current.entity]?.actions.includes('export')}
          onChanged={() => void refreshSaved()} onClose={() => setScheduling(false)} />
      )}
    </div>
  );
}
