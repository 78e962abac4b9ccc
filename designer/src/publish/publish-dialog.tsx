import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import { publishApp, type PublishResult } from '../api/designer-api';
import { planApp } from '../api/meta-api';
import type { ApiResult, MigrationChoices, PlanPreview } from '../api/meta-api-types';
import { PlanChoices } from './plan-choices';
import { PlanSteps } from './plan-steps';
import { clearPendingMappings, pendingMappings } from './pending-mappings';
import { problemWords } from './problem-words';

export interface PublishDialogProps {
  draft: AppDefinition;
  published: { version: number; app: AppDefinition };
  onDone: (result: PublishResult) => void;
  onClose: () => void;
}

/**
 * The migration plan of the draft before it goes live: steps, blockers and failed prechecks,
 * the choices those need, and a confirmation when a step destroys data. The plan is fetched
 * again whenever a choice changes, so what is shown is what publishing will run.
 */
export function PublishDialog({ draft, published, onDone, onClose }: PublishDialogProps) {
  const { t, i18n } = useTranslation();
  // Mappings the field editor kept for type changes start the choices (ADR 0035).
  const [choices, setChoices] = useState<MigrationChoices>(() => { const valueMappings = pendingMappings(published.app, draft); return valueMappings ? { valueMappings } : {}; });
  const [plan, setPlan] = useState<ApiResult<PlanPreview>>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void planApp(draft, choices).then((answer) => { if (live) setPlan(answer); });
    return () => { live = false; };
  }, [draft, choices]);

  const preview = plan?.ok ? plan.value : undefined;
  const destructive = preview?.steps.some((s) => s.destructive) ?? false;
  const failing = preview?.checks.some((c) => c.count > 0) ?? false;
  const blocked = !preview || preview.blockers.length > 0 || failing || (destructive && !choices.confirmDestructive);
  const publish = async () => {
    setBusy(true);
    const result = await publishApp(draft, published.version, choices);
    setBusy(false);
    if (result.ok) clearPendingMappings(draft.name);
    onDone(result);
  };

  return (
    <div className="d-modal-backdrop" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <div className="d-modal" role="dialog" aria-modal="true" aria-labelledby="d-plan-title" data-testid="plan-dialog">
        <h2 id="d-plan-title">{t('plan.title', { version: published.version })}</h2>
        {!plan && <p className="d-hint">{t('plan.loading')}</p>}
        {plan && !plan.ok && (
          <div className="d-error" role="alert" data-testid="plan-error">
            <p>{plan.message}</p>
            <ul>{plan.details.map((d, i) => {
              // Where the problem is, in labels ("Dashboard "Sales" card …"), not a JSON pointer.
              const where = problemWords(d.pointer, published.app, draft, i18n.language === 'zh' ? 'zh' : 'en', (label) => t('deleteField.deleted', { label }));
              return <li key={i}>{where ? <strong data-testid="problem-where">{where}:</strong> : d.pointer && <code>{d.pointer}</code>} {d.message}</li>;
            })}</ul>
          </div>
        )}
        {preview && (
          <>
            <PlanSteps steps={preview.steps} />
            {preview.blockers.filter((b) => !b.includes('confirmDestructive')).map((b) => <p key={b} className="d-error" data-testid="plan-blocker">{b}</p>)}
            <PlanChoices checks={preview.checks} published={published.app} draft={draft} choices={choices} onChange={setChoices} />
            {destructive && (
              <label className="d-check d-confirm">
                <input type="checkbox" data-testid="confirm-destructive" checked={Boolean(choices.confirmDestructive)}
                  onChange={(e) => setChoices({ ...choices, confirmDestructive: e.target.checked })} />
                {t('plan.confirm')}
              </label>
            )}
          </>
        )}
        <div className="d-actions">
          <button type="button" className="d-btn d-btn-primary" data-testid="plan-publish" autoFocus disabled={blocked || busy} onClick={() => void publish()}>
            {busy ? t('publish.publishing') : t('plan.publish')}
          </button>
          <button type="button" className="d-btn" data-testid="plan-cancel" onClick={onClose}>{t('inspector.cancel')}</button>
        </div>
      </div>
    </div>
  );
}
