import { useTranslation } from 'react-i18next';
import type { EntityDefinition, EntityPermission, FieldAccess } from '@tessera/metadata';
import { localize } from '../localize';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const FIELD_ACCESS_GRID_KEYWORDS = ['permission.roles.*.entities.*.fields'] as const;

const ACCESS: Array<FieldAccess | 'default'> = ['default', 'read', 'write', 'hidden'];

/** One entity's fields for one role: each readable-and-writable by default, or read-only, or hidden. */
export function FieldAccessGrid({ entity, permission, onChange }: { entity: EntityDefinition; permission?: EntityPermission; onChange: (field: string, access: FieldAccess | 'default') => void }) {
  const { t, i18n } = useTranslation();
  const name = entity['x-name'];
  return (
    <section className="d-panel" data-testid={`perm-fields-${name}`} aria-labelledby="d-perm-fields-heading">
      <h3 id="d-perm-fields-heading">{t('permissions.fieldsHeading', { entity: localize(entity['x-label'], i18n.language) })}</h3>
      {!permission && <p className="d-hint">{t('permissions.noAccess')}</p>}
      <table className="d-matrix">
        <thead><tr><th scope="col">{t('permissions.field')}</th><th scope="col">{t('permissions.access')}</th></tr></thead>
        <tbody>
          {Object.entries(entity.properties).map(([field, def]) => (
            <tr key={field}>
              <th scope="row">{localize(def['x-label'], i18n.language)} <code className="d-field-name">{field}</code></th>
              <td>
                <select data-testid={`perm-field-${name}-${field}`} aria-label={t('permissions.fieldAccess', { field })} disabled={!permission}
                  value={permission?.fields?.[field] ?? 'default'} onChange={(e) => onChange(field, e.target.value as FieldAccess | 'default')}>
                  {ACCESS.map((a) => <option key={a} value={a}>{t(`permissions.accessLevels.${a}`)}</option>)}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
