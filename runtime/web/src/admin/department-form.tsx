import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from './admin-api';
import { AdminField } from './admin-field';
import { DepartmentSelect } from './department-select';
import { subtreeIds } from './department-tree';
import { toFormErrors, type FormErrors } from './field-errors';

/**
 * Add, rename or move a department: a name and a parent. When editing, the department's own
 * subtree is not offered as a parent (the API refuses it as a cycle, and says so at the field).
 */
export function DepartmentForm({ department, parentId, departments, label, onSubmit, onCancel }: {
  department?: Department;
  parentId: string | null;
  departments: readonly Department[];
  label: string;
  onSubmit: (name: string, parentId: string | null) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(department?.name ?? '');
  const [parent, setParent] = useState(parentId);
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      await onSubmit(name, parent);
    } catch (err) {
      setErrors(toFormErrors(err));
    }
  };
  return (
    <form className="t-admin-form t-inline-form" onSubmit={(e) => void submit(e)} aria-label={label}>
      <AdminField label={t('admin.departmentName')} error={errors.fields.name}>
        {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} required />}
      </AdminField>
      <AdminField label={t('admin.parent')} error={errors.fields.parentId}>
        {(p) => <DepartmentSelect {...p} departments={departments} value={parent} onChange={setParent} noneLabel={t('admin.topLevel')} exclude={department ? subtreeIds(departments, department.id) : undefined} />}
      </AdminField>
      {errors.message && <p className="t-danger" role="alert">{errors.message}</p>}
      <div className="t-form-actions">
        <button type="submit" className="t-btn t-btn-primary">{t('form.save')}</button>
        <button type="button" className="t-btn" onClick={onCancel}>{t('form.cancel')}</button>
      </div>
    </form>
  );
}
