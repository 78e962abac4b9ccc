import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, type Department } from './admin-api';
import { DepartmentForm } from './department-form';
import { departmentTree } from './department-tree';

export interface DepartmentsPanelProps {
  departments: readonly Department[];
  onChanged: () => Promise<void>;
  onNotice: (message: string) => void;
  onError: (message: string) => void;
}

/**
 * The org tree, indented: add (at the top or below a department), rename and move (one form),
 * delete (the API allows it only for a department with no sub-departments and no users, and
 * its message says what is left).
 */
export function DepartmentsPanel({ departments, onChanged, onNotice, onError }: DepartmentsPanelProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<{ kind: 'add'; parentId: string | null } | { kind: 'edit'; department: Department }>();
  // The tree is reloaded before the notice: once it says "saved", the tree shows the change.
  const done = async (notice: string) => {
    setOpen(undefined);
    await onChanged();
    onNotice(notice);
  };
  const remove = async (d: Department) => {
    if (!window.confirm(t('admin.deleteDepartmentConfirm', { name: d.name }))) return;
    try {
      await adminApi.deleteDepartment(d.id);
      await done(t('admin.departmentDeleted', { name: d.name }));
    } catch (e) {
      onError((e as Error).message);
    }
  };
  const addForm = (parentId: string | null) => (
    <DepartmentForm parentId={parentId} departments={departments} label={t('admin.addDepartment')} onCancel={() => setOpen(undefined)}
      onSubmit={async (name, parent) => { await adminApi.createDepartment(name, parent); await done(t('admin.departmentSaved', { name })); }} />
  );

  return (
    <section aria-labelledby="admin-departments-title">
      <div className="t-toolbar">
        <h2 id="admin-departments-title" className="t-section-title">{t('admin.departments')}</h2>
        <span className="t-spacer" />
        <button type="button" className="t-btn t-btn-primary" onClick={() => setOpen({ kind: 'add', parentId: null })}>{t('admin.addDepartment')}</button>
      </div>
      {open?.kind === 'add' && open.parentId === null && addForm(null)}
      {departments.length === 0 && <p className="t-muted">{t('admin.noDepartments')}</p>}
      <ul className="t-admin-tree" data-testid="admin-departments">
        {departmentTree(departments).map(({ department: d, depth }) => (
          <li key={d.id} style={{ paddingInlineStart: `${depth * 1.5}rem` }} data-testid={`admin-department-${d.name}`} data-depth={depth}>
            <span className="t-admin-tree-name">{d.name}</span>
            <button type="button" className="t-btn t-btn-ghost" onClick={() => setOpen({ kind: 'edit', department: d })} aria-label={t('admin.editDepartment', { name: d.name })}>{t('admin.renameMove')}</button>
            <button type="button" className="t-btn t-btn-ghost" onClick={() => setOpen({ kind: 'add', parentId: d.id })} aria-label={t('admin.addBelow', { name: d.name })}>{t('admin.addSub')}</button>
            <button type="button" className="t-btn t-btn-ghost t-danger" onClick={() => void remove(d)} aria-label={t('admin.deleteDepartment', { name: d.name })}>{t('bulk.delete')}</button>
            {open?.kind === 'add' && open.parentId === d.id && addForm(d.id)}
            {open?.kind === 'edit' && open.department.id === d.id && (
              <DepartmentForm department={d} parentId={d.parentId} departments={departments} label={t('admin.editDepartment', { name: d.name })} onCancel={() => setOpen(undefined)}
                onSubmit={async (name, parentId) => { await adminApi.updateDepartment(d.id, { name, parentId }); await done(t('admin.departmentSaved', { name })); }} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
