import { useEffect, useState } from 'react';
import type { RecordPanelProps } from '@tessera/runtime/web';
import type { Duplicate } from './find-duplicates';

const TEXT = {
  loading: { en: 'Checking for duplicates…', zh: '正在查找重复记录…' },
  none: { en: 'No possible duplicates.', zh: '没有疑似重复的记录。' },
  same: { en: 'same', zh: '相同' },
  failed: { en: 'Could not check for duplicates: ', zh: '无法查找重复记录：' },
};

/** The record's fields the check compares, as query parameters; `except` leaves the record itself out. */
export function checkQuery(entity: string, record: Record<string, unknown>, fields: readonly string[]): string {
  const params = new URLSearchParams({ entity, except: String(record.id) });
  for (const f of fields) if (typeof record[f] === 'string' && record[f] !== '') params.set(f, record[f] as string);
  return params.toString();
}

/**
 * "Possible duplicates" on a record page: the plugin's own check route, as the user (so only
 * duplicates the user may see), each linking to the other record.
 */
export function DuplicatesPanel({ entity, plural, record, locale, fetch }: RecordPanelProps) {
  const [state, setState] = useState<{ list?: Duplicate[]; error?: string }>({});
  const query = checkQuery(entity, record, ['name', 'phone', 'email']);
  useEffect(() => {
    let live = true;
    fetch<{ data: Duplicate[] }>(`/check?${query}`).then(
      (r) => live && setState({ list: r.data }),
      (err: Error) => live && setState({ error: err.message }),
    );
    return () => {
      live = false;
    };
  }, [fetch, query]);
  if (state.error) return <p className="t-error">{TEXT.failed[locale]}{state.error}</p>;
  if (!state.list) return <p className="t-muted">{TEXT.loading[locale]}</p>;
  if (state.list.length === 0) return <p className="t-muted" data-testid="dedup-none">{TEXT.none[locale]}</p>;
  return (
    <ul data-testid="dedup-list">
      {state.list.map((d) => (
        <li key={d.id} data-testid="dedup-candidate">
          <a href={`#/${encodeURIComponent(plural)}/${encodeURIComponent(d.id)}`}>{String(d.record.name ?? d.id)}</a>{' '}
          <span className="t-muted">({TEXT.same[locale]} {d.matches.join(', ')})</span>
        </li>
      ))}
    </ul>
  );
}
