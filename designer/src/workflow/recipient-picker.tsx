import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RELATIONS, recipientParts, roleToken, toggleRecipient } from './recipients';
import { useUsers } from './use-users';

/** Chosen users as removable chips, and a list of the workspace's users to add one from. */
export function UsersPicker({ id, value, onChange }: { id: string; value: string[]; onChange: (next: string[]) => void }) {
  const { t } = useTranslation();
  const users = useUsers();
  const [adding, setAdding] = useState('');
  const nameOf = (u: string) => {
    const found = users.find((x) => x.username === u || x.id === u);
    return found ? (found.displayName ? `${found.displayName} (${found.username})` : found.username) : u;
  };
  const free = users.filter((u) => !value.includes(u.username) && !value.includes(u.id));
  return (
    <div className="d-wf-users" data-testid={`${id}-users`}>
      <ul className="d-chips">
        {value.map((u) => (
          <li key={u} className="d-chip">{nameOf(u)}
            <button type="button" className="d-btn d-btn-ghost" data-testid={`${id}-user-remove-${u}`} aria-label={t('pickers.removeUser', { name: nameOf(u) })} onClick={() => onChange(value.filter((x) => x !== u))}>✕</button>
          </li>
        ))}
      </ul>
      <select aria-label={t('pickers.addUser')} data-testid={`${id}-user-add`} value={adding}
        onChange={(e) => { if (e.target.value) onChange([...value, e.target.value]); setAdding(''); }}>
        <option value="">{t('pickers.addUser')}</option>
        {free.map((u) => <option key={u.id} value={u.username}>{u.displayName ? `${u.displayName} (${u.username})` : u.username}</option>)}
      </select>
    </div>
  );
}

/**
 * Who a notification goes to: people related to the record (owner, creator, their managers),
 * everyone holding a role, and named users — written as the `to` entries the runtime resolves.
 */
export function RecipientPicker({ id, value, roles, onChange }: { id: string; value: string[]; roles: string[]; onChange: (next: string[]) => void }) {
  const { t } = useTranslation();
  const parts = recipientParts(value);
  return (
    <fieldset className="d-wf-recipients" data-testid={`${id}-to`}>
      <legend>{t('pickers.recipients')}</legend>
      {value.length === 0 && <p className="d-error" role="alert">{t('pickers.noRecipients')}</p>}
      <div className="d-wf-pair">
        {RELATIONS.map((r) => (
          <label key={r} className="d-check">
            <input type="checkbox" data-testid={`${id}-to-${r}`} checked={parts.relations.includes(r)} onChange={(e) => onChange(toggleRecipient(value, r, e.target.checked))} />
            {t(`pickers.relations.${r.replace('.', '_')}`)}
          </label>
        ))}
      </div>
      {roles.length > 0 && (
        <div className="d-wf-pair" role="group" aria-label={t('pickers.roles')}>
          <span className="d-hint">{t('pickers.roles')}</span>
          {roles.map((r) => (
            <label key={r} className="d-check">
              <input type="checkbox" data-testid={`${id}-to-role-${r}`} checked={parts.roles.includes(r)} onChange={(e) => onChange(toggleRecipient(value, roleToken(r), e.target.checked))} />
              {r}
            </label>
          ))}
        </div>
      )}
      <UsersPicker id={`${id}-to`} value={parts.users} onChange={(users) => onChange([...value.filter((v) => !parts.users.includes(v)), ...users])} />
    </fieldset>
  );
}
