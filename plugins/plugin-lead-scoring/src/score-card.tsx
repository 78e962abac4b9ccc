import { useEffect, useState } from 'react';
import type { DashboardCardProps } from '@tessera/runtime/web';

const TEXT = {
  loading: { en: 'Loading…', zh: '加载中…' },
  empty: { en: 'No scored records yet.', zh: '还没有已评分的记录。' },
  unscored: { en: 'no score', zh: '未评分' },
  failed: { en: 'Could not load the scores: ', zh: '无法加载评分：' },
};

export interface Bucket {
  score: number | null;
  count: number;
}

/** The aggregate API's `group=<field>&measures=count` rows as buckets, highest score first. */
export function toBuckets(rows: Record<string, unknown>[], field: string): Bucket[] {
  return rows
    .map((r) => ({ score: r[field] === null || r[field] === undefined ? null : Number(r[field]), count: Number(r.count) }))
    .sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity));
}

/** A dashboard card: how many records have each score, through the aggregate API (as the user: their scope). */
export function scoreDistributionCard(target: { plural: string; field: string } = { plural: 'leads', field: 'score' }) {
  return function ScoreDistribution({ locale, api }: DashboardCardProps) {
    const [state, setState] = useState<{ buckets?: Bucket[]; error?: string }>({});
    useEffect(() => {
      let live = true;
      api<{ data: Record<string, unknown>[] }>(`/api/${encodeURIComponent(target.plural)}/aggregate?group=${encodeURIComponent(target.field)}&measures=count`).then(
        (r) => live && setState({ buckets: toBuckets(r.data, target.field) }),
        (err: Error) => live && setState({ error: err.message }),
      );
      return () => {
        live = false;
      };
    }, [api]);
    if (state.error) return <p className="t-error">{TEXT.failed[locale]}{state.error}</p>;
    if (!state.buckets) return <p className="t-muted">{TEXT.loading[locale]}</p>;
    if (state.buckets.length === 0) return <p className="t-muted">{TEXT.empty[locale]}</p>;
    const max = Math.max(...state.buckets.map((b) => b.count));
    return (
      <table data-testid="score-distribution">
        <tbody>
          {state.buckets.map((b) => (
            <tr key={String(b.score)} data-testid="score-bucket">
              <th scope="row">{b.score ?? TEXT.unscored[locale]}</th>
              <td style={{ width: '70%' }}><div style={{ background: '#6366f1', height: 10, width: `${(100 * b.count) / max}%` }} /></td>
              <td>{b.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  };
}
