import { useTranslation } from 'react-i18next';
import type { AdminUser } from './admin-api';
import { managerChoices } from './manager-choices';

/** A manager picker: "(no manager)" or another user, never the user themself or one of their reports. */
export function ManagerSelect({ users, userId, value, onChange, ...aria }: {
  users: readonly AdminUser[];
  /** The user being edited; absent for a new user. */
  userId?: string;
  value: string | null;
  onChange: (id: string | null) => void;
  id?: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}) {
  const { t } = useTranslation();
  return (
    <select {...aria} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">{t('admin.noManager')}</option>
      {managerChoices(users, userId).map((u) => (
        <option key={u.id} value={u.id}>{`${u.displayName} (${u.username})${u.isActive ? '' : ` — ${t('admin.disabled')}`}`}</option>
      ))}
    </select>
  );
}
