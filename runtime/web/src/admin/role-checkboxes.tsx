import { useTranslation } from 'react-i18next';

/** The roles as checkboxes in a labelled group; `roles` pairs each role name with its label. */
export function RoleCheckboxes({ roles, value, onChange, error }: { roles: readonly { name: string; label: string }[]; value: readonly string[]; onChange: (roles: string[]) => void; error?: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="t-admin-roles" aria-invalid={error ? true : undefined}>
      <legend>{t('admin.roles')}</legend>
      {roles.map((r) => (
        <label key={r.name}>
          <input type="checkbox" checked={value.includes(r.name)} onChange={(e) => onChange(e.target.checked ? [...value, r.name] : value.filter((x) => x !== r.name))} />
          {r.label}
        </label>
      ))}
      {error && <span className="t-danger" role="alert">{error}</span>}
    </fieldset>
  );
}
