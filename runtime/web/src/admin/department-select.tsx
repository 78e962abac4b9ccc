import { useTranslation } from 'react-i18next';
import type { Department } from './admin-api';
import { departmentTree } from './department-tree';
import { NullableSelect, type SelectAria } from './nullable-select';

/** A department picker showing the tree by indentation; `exclude` hides ids (a move's own subtree). */
export function DepartmentSelect({ departments, value, onChange, exclude, noneLabel, ...aria }: SelectAria & {
  departments: readonly Department[];
  value: string | null;
  onChange: (id: string | null) => void;
  exclude?: ReadonlySet<string>;
  noneLabel?: string;
}) {
  const { t } = useTranslation();
  const choices = departmentTree(departments)
    .filter((r) => !exclude?.has(r.department.id))
    .map((r) => ({ value: r.department.id, label: `${'\u00a0\u00a0'.repeat(r.depth)}${r.department.name}` }));
  return <NullableSelect {...aria} choices={choices} value={value} onChange={onChange} noneLabel={noneLabel ?? t('admin.noDepartment')} />;
}
