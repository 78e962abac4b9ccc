import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, type AdminUser, type Department, type NewUser, type UserPatch } from './admin-api';
import { PasswordResetForm, UserForm } from './user-form';

export interface UsersPanelProps {
  users: readonly AdminUser[];
  departments: readonly Department[];
  roles: readonly { name: string; label: string }[];
  onChanged: () => Promise<void>;
  onNotice: (message: string) => void;
  onError: (message: string) => void;
}

/** Users: list, create, edit (roles, department, manager, name, email), disable/enable, reset password. */
export function UsersPanel({ users, departments, roles, onChanged, onNotice, onError }: UsersPanelProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ id: string; kind: 'edit' | 'password' } | 'new'>();
  const deptName = (id: string | null) => departments.find((d) => d.id === id)?.name ?? '—';
  const userName = (id: string | null) => users.find((u) => u.id === id)?.displayName ?? '—';
  const roleLabel = (name: string) => roles.find((r) => r.name === name)?.label ?? name;

  const create = async (body: NewUser | UserPatch) => {
    const user = await adminApi.createUser(body as NewUser);
    setOpen(undefined);
    await onChanged(); // reloaded first: once the notice says so, the table shows it
    onNotice(t('admin.userCreated', { name: user.username }));
  };
  const update = async (user: AdminUser, body: UserPatch, notice: string) => {
    await adminApi.updateUser(user.id, body);
    setOpen(undefined);
    await onChanged();
    onNotice(notice);
  };
  const toggle = (user: AdminUser) =>
    update(user, { isActive: !user.isActive }, t(user.isActive ? 'admin.userDisabled' : 'admin.userEnabled', { name: user.username })).catch((e: Error) => onError(e.message));

  return (
    <section aria-labelledby="admin-users-title">
      <div className="t-toolbar">
        <h2 id="admin-users-title" className="t-section-title">{t('admin.users')}</h2>
        <span className="t-spacer" />
        <button type="button" className="t-btn t-btn-primary" onClick={() => setOpen('new')} aria-expanded={open === 'new'}>{t('admin.newUser')}</button>
      </div>
      {open === 'new' && <UserForm departments={departments} users={users} roles={roles} onSubmit={create} onCancel={() => setOpen(undefined)} />}
      <div className="t-table-wrap">
        <table className="t-table" data-testid="admin-users">
          <thead>
            <tr><th scope="col">{t('admin.username')}</th><th scope="col">{t('admin.displayName')}</th><th scope="col">{t('admin.roles')}</th><th scope="col">{t('admin.department')}</th><th scope="col">{t('admin.manager')}</th><th scope="col">{t('admin.status')}</th><th scope="col">{t('approvals.actions')}</th></tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <Fragment key={u.id}>
                <tr data-testid={`admin-user-${u.username}`}>
                  <td>{u.username}</td>
                  <td>{u.displayName}</td>
                  <td>{u.roles.map(roleLabel).join(', ')}</td>
                  <td>{deptName(u.departmentId)}</td>
                  <td>{userName(u.managerId)}</td>
                  <td>{u.isActive ? t('admin.active') : t('admin.disabled')}</td>
                  <td className="t-actions">
                    <button type="button" className="t-btn t-btn-ghost" onClick={() => setOpen({ id: u.id, kind: 'edit' })} aria-label={t('admin.editUser', { name: u.username })}>{t('admin.edit')}</button>
                    <button type="button" className="t-btn t-btn-ghost" onClick={() => setOpen({ id: u.id, kind: 'password' })} aria-label={t('admin.resetPasswordOf', { name: u.username })}>{t('admin.resetPassword')}</button>
                    <button type="button" className="t-btn t-btn-ghost" onClick={() => void toggle(u)}>{u.isActive ? t('admin.disable') : t('admin.enable')}</button>
                  </td>
                </tr>
                {open !== 'new' && open?.id === u.id && (
                  <tr>
                    <td colSpan={7}>
                      {open.kind === 'edit'
                        ? <UserForm user={u} departments={departments} users={users} roles={roles} onSubmit={(body) => update(u, body as UserPatch, t('admin.userSaved', { name: u.username }))} onCancel={() => setOpen(undefined)} />
                        : <PasswordResetForm user={u} onSubmit={(password) => update(u, { password }, t('admin.passwordReset', { name: u.username }))} onCancel={() => setOpen(undefined)} />}
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
