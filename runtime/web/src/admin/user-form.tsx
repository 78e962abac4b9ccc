import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AdminUser, Department, NewUser, UserPatch } from './admin-api';
import { AdminField } from './admin-field';
import { DepartmentSelect } from './department-select';
import { ManagerSelect } from './manager-select';
import { toFormErrors, type FormErrors } from './field-errors';
import { RoleCheckboxes } from './role-checkboxes';

export interface UserFormProps {
  /** Absent: a new user (username and password asked); present: that user's editable attributes. */
  user?: AdminUser;
  departments: readonly Department[];
  /** Everyone, for the manager picker (which leaves out the user and their reports). */
  users: readonly AdminUser[];
  roles: readonly { name: string; label: string }[];
  onSubmit: (body: NewUser | UserPatch) => Promise<void>;
  onCancel?: () => void;
}

/** Create or edit a user; the API's answer decides, and its field problems show at the fields. */
export function UserForm({ user, departments, users, roles, onSubmit, onCancel }: UserFormProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ username: '', password: '', displayName: user?.displayName ?? '', email: user?.email ?? '', roles: user?.roles ?? [], departmentId: user?.departmentId ?? null, managerId: user?.managerId ?? null });
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const common = { displayName: form.displayName, roles: form.roles, departmentId: form.departmentId, managerId: form.managerId };
      await onSubmit(user
        ? { ...common, email: form.email.trim() || null }
        : { ...common, username: form.username, password: form.password, displayName: form.displayName || form.username, ...(form.email.trim() ? { email: form.email.trim() } : {}) });
      setErrors({ fields: {} });
    } catch (err) {
      setErrors(toFormErrors(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="t-admin-form" onSubmit={(e) => void submit(e)} aria-label={user ? t('admin.editUser', { name: user.username }) : t('admin.newUser')}>
      {!user && (
        <AdminField label={t('admin.username')} error={errors.fields.username}>
          {(p) => <input {...p} value={form.username} autoComplete="off" onChange={(e) => set('username', e.target.value)} required />}
        </AdminField>
      )}
      <AdminField label={t('admin.displayName')} error={errors.fields.displayName}>
        {(p) => <input {...p} value={form.displayName} onChange={(e) => set('displayName', e.target.value)} />}
      </AdminField>
      <AdminField label={t('admin.email')} error={errors.fields.email}>
        {(p) => <input {...p} type="email" value={form.email} onChange={(e) => set('email', e.target.value)} />}
      </AdminField>
      {!user && (
        <AdminField label={t('admin.password')} error={errors.fields.password}>
          {(p) => <><input {...p} type="password" autoComplete="new-password" value={form.password} onChange={(e) => set('password', e.target.value)} required /><span className="t-field-note">{t('admin.passwordRule')}</span></>}
        </AdminField>
      )}
      <AdminField label={t('admin.department')} error={errors.fields.departmentId}>
        {(p) => <DepartmentSelect {...p} departments={departments} value={form.departmentId} onChange={(id) => set('departmentId', id)} />}
      </AdminField>
      <AdminField label={t('admin.manager')} error={errors.fields.managerId}>
        {(p) => <ManagerSelect {...p} users={users} userId={user?.id} value={form.managerId} onChange={(id) => set('managerId', id)} />}
      </AdminField>
      <RoleCheckboxes roles={roles} value={form.roles} onChange={(r) => set('roles', r)} error={errors.fields.roles} />
      {errors.message && <p className="t-danger" role="alert">{errors.message}</p>}
      <div className="t-form-actions">
        <button type="submit" className="t-btn t-btn-primary" disabled={busy}>{user ? t('form.save') : t('admin.createUser')}</button>
        {onCancel && <button type="button" className="t-btn" onClick={onCancel}>{t('form.cancel')}</button>}
      </div>
    </form>
  );
}

/** An admin's password reset for one user: the same length rule as a new password, checked by the API. */
export function PasswordResetForm({ user, onSubmit, onCancel }: { user: AdminUser; onSubmit: (password: string) => Promise<void>; onCancel: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await onSubmit(password);
    } catch (err) {
      setErrors(toFormErrors(err));
    }
  };
  return (
    <form className="t-admin-form" onSubmit={(e) => void submit(e)} aria-label={t('admin.resetPasswordOf', { name: user.username })}>
      <AdminField label={t('admin.newPassword')} error={errors.fields.password}>
        {(p) => <><input {...p} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required /><span className="t-field-note">{t('admin.passwordRule')}</span></>}
      </AdminField>
      {errors.message && <p className="t-danger" role="alert">{errors.message}</p>}
      <div className="t-form-actions">
        <button type="submit" className="t-btn t-btn-primary">{t('admin.resetPassword')}</button>
        <button type="button" className="t-btn" onClick={onCancel}>{t('form.cancel')}</button>
      </div>
    </form>
  );
}
