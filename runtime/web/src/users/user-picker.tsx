import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inboxApi, type DirectoryUser } from '../api/inbox-api';

const SEARCH_DELAY_MS = 250;

export interface UserPickerProps {
  label: string;
  value: string;
  onChange: (userId: string) => void;
  /** Left out of the choices (e.g. the signed-in user, who cannot delegate to themselves). */
  exclude?: string;
  testId?: string;
}

/** Pick an active user: a search box narrowing a list from the user directory (`/api/_users`). */
export function UserPicker({ label, value, onChange, exclude, testId = 'user-picker' }: UserPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const [users, setUsers] = useState<DirectoryUser[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      inboxApi.findUsers(q).then((found) => live && setUsers(found.filter((u) => u.id !== exclude)), (e: Error) => live && setError(e.message));
    }, q ? SEARCH_DELAY_MS : 0);
    return () => { live = false; clearTimeout(timer); };
  }, [q, exclude]);

  return (
    <div className="t-user-picker">
      <label htmlFor={`${id}-q`} className="t-visually-hidden">{t('users.search')}</label>
      <input id={`${id}-q`} type="search" data-testid={`${testId}-search`} placeholder={t('users.search')} value={q} onChange={(e) => setQ(e.target.value)} />
      <label htmlFor={id} className="t-visually-hidden">{label}</label>
      <select id={id} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} disabled={!users}>
        <option value="">{users ? t('users.choose') : t('app.loading')}</option>
        {users?.map((u) => <option key={u.id} value={u.id}>{u.displayName} ({u.username})</option>)}
      </select>
      {error && <div className="t-field-note t-danger">{error}</div>}
    </div>
  );
}
