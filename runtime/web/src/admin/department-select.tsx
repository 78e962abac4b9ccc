import { useTranslation } from 'react-i18next';
import type { Department } from './admin-api';
import { departmentTree } from './department-tree';

/** A department picker showing the tree by indentation; `exclude` hides ids (a move's own subtree). */
export function DepartmentSelect({ departments, value, onChange, exclude, noneLabel, ...aria }: {
  departments: readonly Department[];
  value: string | null;
  onChange: (id: string | null) => void;
  exclude?: ReadonlySet<string>;
  noneLabel?: string;
  id?: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}) {
  const { t } = useTranslation();
  return (
    <select {...aria} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
      <option value="">{noneLabel ?? t('admin.noDepartment')}</option>
      {departmentTree(departments).filter((r) => !exclude?.has(r.department.id)).map((r) => (
        <option key={r.department.id} value={r.department.id}>{`${'\u00a0\u00a0'.repeat(r.depth)}${r.department.name}`}</option>
      ))}
    </select>
  );
}
