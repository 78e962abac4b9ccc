import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

export type DesignerPage = 'form' | 'permissions' | 'workflows' | 'views' | 'dashboards';
const PAGES: DesignerPage[] = ['form', 'permissions', 'workflows', 'views', 'dashboards'];

/** The designer's pages as a tablist (arrow keys move between tabs, as WAI-ARIA tabs do). */
export function PageTabs({ page, onChange }: { page: DesignerPage; onChange: (page: DesignerPage) => void }) {
  const { t } = useTranslation();
  const onKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = PAGES[(PAGES.indexOf(page) + step + PAGES.length) % PAGES.length];
    onChange(next);
    document.getElementById(`d-page-${next}`)?.focus();
  };
  return (
    <nav className="d-page-tabs" role="tablist" aria-label={t('pages.label')} onKeyDown={onKey}>
      {PAGES.map((p) => (
        <button key={p} id={`d-page-${p}`} type="button" role="tab" aria-selected={p === page} tabIndex={p === page ? 0 : -1}
          className={p === page ? 'd-page-tab d-active' : 'd-page-tab'} data-testid={`page-${p}`} onClick={() => onChange(p)}>
          {t(`pages.${p}`)}
        </button>
      ))}
    </nav>
  );
}
