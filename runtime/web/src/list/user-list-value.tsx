import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inboxApi } from '../api/inbox-api';
import { UserPicker } from '../users/user-picker';

/**
 * The value of "owner is one of": the people by name (never their ids), each removable, and a
 * picker to add one. The value stays the list query's comma-separated ids.
 */
export function UserListValue({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  const ids = value.split(',').map((s) => s.trim()).filter(Boolean);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    const missing = ids.filter((id) => !names.has(id));
    if (missing.length) inboxApi.usersByIds(missing).then((found) => setNames((m) => new Map([...m, ...found.map((u) => [u.id, u.displayName || u.username] as const)])), () => undefined);
  }, [value]);
  return (
    <span className="t-inline-form" data-testid="filter-value-users">
      {ids.map((id) => (
        <span key={id} className="t-chip" data-testid="filter-value-user" data-user-id={id}>
          {names.get(id) ?? ''}
          <button type="button" className="t-btn t-btn-ghost" aria-label={t('list.removeUser', { name: names.get(id) ?? '' })} onClick={() => onChange(ids.filter((x) => x !== id).join(','))}>×</button>
        </span>
      ))}
      <UserPicker label={t('list.filterValue')} value="" testId="filter-value" onChange={(id) => id && !ids.includes(id) && onChange([...ids, id].join(','))} />
    </span>
  );
}
