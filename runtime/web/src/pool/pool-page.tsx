import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { ApiError } from '../api/api-error';
import { recordsApi, type RecordData } from '../api/records-api';
import { requestJson } from '../api/request-json';
import { localize } from '../meta/localize';
import { useEntityCapabilities } from '../permissions/capabilities-context';
import { poolCell, poolColumns } from './pool-columns';

const PAGE = 50;

export interface PoolPageProps {
  entity: EntityDefinition;
  onList: () => void;
  onOpen: (id: string) => void;
}

/**
 * The public pool (公海) of an entity for the roles that may claim: the records nobody owns,
 * newest first, each with Claim. A claim that lost a race or hit the limit says so and the
 * list reloads; a won claim opens the record, now the rep's own.
 */
export default function PoolPage({ entity, onList, onOpen }: PoolPageProps) {
  const { t, i18n } = useTranslation();
  const grant = useEntityCapabilities(entity['x-name']);
  const pool = entity['x-pool'];
  const plural = entity['x-plural'];
  const [rows, setRows] = useState<RecordData[]>();
  const [total, setTotal] = useState(0);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState<string>();
  const columns = poolColumns(entity, grant?.hidden);
  const load = useCallback(async (offset = 0) => {
    const page = await recordsApi.list(plural, `pool=true&limit=${PAGE}&offset=${offset}&sort=-created_at`);
    setRows((old) => (offset === 0 ? page.data : [...(old ?? []), ...page.data]));
    setTotal(page.total);
  }, [plural]);
  useEffect(() => { load().catch((e: Error) => setProblem(e.message)); }, [load]);
  async function claim(record: RecordData) {
    setBusy(record.id);
    setProblem(undefined);
    try {
      await requestJson(`/api/${encodeURIComponent(plural)}/${encodeURIComponent(record.id)}/claim`, { method: 'POST' });
      onOpen(record.id);
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      setProblem(code === 'claim_limit_reached' && pool ? t(pool.claimPeriodDays ? 'pool.limitReachedPeriod' : 'pool.limitReachedOwned', { max: pool.maxClaimsPerUser, days: pool.claimPeriodDays }) : code === 'not_in_pool' ? t('pool.taken') : (e as Error).message);
      await load().catch(() => undefined);
    } finally {
      setBusy(undefined);
    }
  }
  const title = localize(entity['x-label-plural'] ?? entity['x-label'], i18n.language);
  if (!pool || (grant && !grant.actions.includes('claim'))) return <p className="t-muted" data-testid="pool-none">{t('pool.none')}</p>;
  return (
    <section className="t-card t-pool" data-testid="pool-page">
      <div className="t-toolbar">
        <h2>{t('pool.title', { entity: title })}</h2>
        <button type="button" className="t-btn" data-testid="pool-back" onClick={onList}>{t('pool.back')}</button>
      </div>
      <p className="t-muted">{t('pool.text', { days: pool.returnAfterDays })} {pool.claimPeriodDays ? t('pool.limitPeriod', { max: pool.maxClaimsPerUser, days: pool.claimPeriodDays }) : t('pool.limitOwned', { max: pool.maxClaimsPerUser })}</p>
      {problem && <p className="t-danger" role="alert" data-testid="pool-problem">{problem}</p>}
      {rows === undefined ? <p className="t-muted">{t('pool.loading')}</p> : rows.length === 0 ? <p className="t-muted" data-testid="pool-empty">{t('pool.empty')}</p> : (
        <table className="t-table" data-testid="pool-table">
          <thead>
            <tr>
              {columns.map((c) => <th key={c}>{localize(entity.properties[c]?.['x-label'], i18n.language)}</th>)}
              <th>{t('pool.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-testid={`pool-row-${r.id}`}>
                {columns.map((c) => <td key={c}>{poolCell(entity, c, r[c], i18n.language)}</td>)}
                <td><button type="button" className="t-btn t-btn-primary" data-testid={`pool-claim-${r.id}`} disabled={busy !== undefined} onClick={() => void claim(r)}>{t('pool.claim')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rows && rows.length < total && <button type="button" className="t-btn" data-testid="pool-more" onClick={() => void load(rows.length)}>{t('pool.more')}</button>}
    </section>
  );
}
