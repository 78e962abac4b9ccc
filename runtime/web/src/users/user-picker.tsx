import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inboxApi, type DirectoryUser } from '../api/inbox-api';
import { useUserNames } from './use-user-names';

const SEARCH_DELAY_MS = 250;

export interface UserPickerProps {
  label: string;
  value: string;
  onChange: (userId: string) => void;
  /** Left out of the choices (e.g. the signed-in user, who cannot delegate to themselves). */
  exclude?: string;
  testId?: string;
  /** The select's element id (a form's label points at it); generated when absent. */
  id?: string;
  disabled?: boolean;
}

/** Pick an active user: a search box narrowing a list from the user directory (`/api/_users`). */
export function UserPicker({ label, value, onChange, exclude, testId = 'user-picker', id: givenId, disabled = false }: UserPickerProps) {
  const { t } = useTranslation();
  const generatedId = useId();
  const id = givenId ?? generatedId;
  // The chosen user stays a choice (with their name) when the search does not list them.
  const names = useUserNames(value ? [value] : []);
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
      <input id={`${id}-q`} type="search" disabled={disabled} data-testid={`${testId}-search`} placeholder={t('users.search')} value={q} onChange={(e) => setQ(e.target.value)} />
      <label htmlFor={id} className="t-visually-hidden">{label}</label>
      <select id={id} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} disabled={disabled || !users}>
        <option value="">{users ? t('users.choose') : t('app.loading')}</option>
        {value && !users?.some((u) => u.id === value) && <option value={value}>{names[value] ?? value}</option>}
        {users?.map((u) => <option key={u.id} value={u.id}>{u.displayName} ({u.username})</option>)}
      </select>
      {error && <div className="t-field-note t-danger">{error}</div>}
    </div>
  );
}
