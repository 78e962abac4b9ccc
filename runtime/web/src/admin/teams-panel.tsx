import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, type AdminUser, type Department, type Team } from './admin-api';
import { AdminField } from './admin-field';
import { DepartmentSelect } from './department-select';
import { toFormErrors, type FormErrors } from './field-errors';

export interface TeamsPanelProps {
  teams: readonly Team[];
  users: readonly AdminUser[];
  departments: readonly Department[];
  onChanged: () => Promise<void>;
  onNotice: (message: string) => void;
  onError: (message: string) => void;
}

/**
 * Teams and their members: create a team, add a member (optionally as lead), remove one,
 * delete a team after a confirm (its memberships and the shares made to it go with it).
 */
export function TeamsPanel({ teams, users, departments, onChanged, onNotice, onError }: TeamsPanelProps) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const userName = (id: string) => users.find((u) => u.id === id)?.displayName ?? id;

  const create = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await adminApi.createTeam(name, departmentId);
      setName('');
      setErrors({ fields: {} });
      await onChanged();
    } catch (err) {
      setErrors(toFormErrors(err));
    }
  };
  const run = (action: Promise<unknown>) => void action.then(onChanged, (e: Error) => onError(e.message));
  const remove = async (team: Team) => {
    if (!window.confirm(t('admin.deleteTeamConfirm', { name: team.name }))) return;
    try {
      await adminApi.deleteTeam(team.id);
      await onChanged(); // reloaded first: once the notice says so, the list shows it
      onNotice(t('admin.teamDeleted', { name: team.name }));
    } catch (e) {
      onError((e as Error).message);
    }
  };

  return (
    <section aria-labelledby="admin-teams-title">
      <h2 id="admin-teams-title" className="t-section-title">{t('admin.teams')}</h2>
      <form className="t-admin-form t-inline-form" onSubmit={(e) => void create(e)} aria-label={t('admin.newTeam')}>
        <AdminField label={t('admin.teamName')} error={errors.fields.name}>{(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} required />}</AdminField>
        <AdminField label={t('admin.department')} error={errors.fields.departmentId}>{(p) => <DepartmentSelect {...p} departments={departments} value={departmentId} onChange={setDepartmentId} />}</AdminField>
        {errors.message && <p className="t-danger" role="alert">{errors.message}</p>}
        <button type="submit" className="t-btn t-btn-primary">{t('admin.newTeam')}</button>
      </form>
      {teams.map((team) => (
        <div key={team.id} className="t-card" data-testid={`admin-team-${team.name}`}>
          <div className="t-card-header">
            <h3>{team.name}</h3>
            <button type="button" className="t-btn t-btn-ghost t-danger" onClick={() => void remove(team)} aria-label={t('admin.deleteTeam', { name: team.name })}>{t('bulk.delete')}</button>
          </div>
          <ul aria-label={t('admin.membersOf', { name: team.name })}>
            {team.members.map((m) => (
              <li key={m.userId}>
                {userName(m.userId)}{m.isLead && ` (${t('admin.lead')})`}
                <button type="button" className="t-btn t-btn-ghost" onClick={() => run(adminApi.removeMember(team.id, m.userId))} aria-label={t('admin.removeMember', { name: userName(m.userId), team: team.name })}>{t('admin.remove')}</button>
              </li>
            ))}
          </ul>
          <AddMember team={team} users={users.filter((u) => !team.members.some((m) => m.userId === u.id))} onAdd={(userId, isLead) => run(adminApi.addMember(team.id, userId, isLead))} />
        </div>
      ))}
    </section>
  );
}

function AddMember({ team, users, onAdd }: { team: Team; users: readonly AdminUser[]; onAdd: (userId: string, isLead: boolean) => void }) {
  const { t } = useTranslation();
  const [userId, setUserId] = useState('');
  const [isLead, setIsLead] = useState(false);
  return (
    <form className="t-inline-form" aria-label={t('admin.addMemberTo', { team: team.name })} onSubmit={(e) => { e.preventDefault(); if (userId) onAdd(userId, isLead); setUserId(''); }}>
      <AdminField label={t('admin.member')}>
        {(p) => (
          <select {...p} value={userId} onChange={(e) => setUserId(e.target.value)}>
            <option value="">{t('users.choose')}</option>
            {users.map((u) => <option key={u.id} value={u.id}>{u.displayName} ({u.username})</option>)}
          </select>
        )}
      </AdminField>
      <label><input type="checkbox" checked={isLead} onChange={(e) => setIsLead(e.target.checked)} />{t('admin.lead')}</label>
      <button type="submit" className="t-btn" disabled={!userId}>{t('admin.addMember')}</button>
    </form>
  );
}
