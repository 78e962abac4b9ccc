import { useTranslation } from 'react-i18next';
import type { AdminUser } from './admin-api';
import { managerChoices } from './manager-choices';
import { NullableSelect, type SelectAria } from './nullable-select';

/** A manager picker: "(no manager)" or another user, never the user themself or one of their reports. */
export function ManagerSelect({ users, userId, value, onChange, ...aria }: SelectAria & {
  users: readonly AdminUser[];
  /** The user being edited; absent for a new user. */
  userId?: string;
  value: string | null;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const choices = managerChoices(users, userId).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})${u.isActive ? '' : ` — ${t('admin.disabled')}`}` }));
  return <NullableSelect {...aria} choices={choices} value={value} onChange={onChange} noneLabel={t('admin.noManager')} />;
}
