import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { planRollback, rollbackApp } from '../api/meta-api';
import type { RollbackPlan } from '../api/meta-api-types';
import { PlanSteps } from '../publish/plan-steps';

export interface RollbackPreviewProps {
  version: number;
  onDone: () => void;
  onCancel: () => void;
}

/**
 * The server's dry run of a rollback (`POST /api/_meta/rollback/plan`): the steps it will run,
 * archive restores included, or why it cannot (e.g. a purged archive). Roll back stays disabled
 * until the plan is in, possible, unblocked, and — when a step drops data — confirmed.
 */
export function RollbackPreview({ version, onDone, onCancel }: RollbackPreviewProps) {
  const { t } = useTranslation();
  const [plan, setPlan] = useState<RollbackPlan>();
  const [error, setError] = useState<string>();
  const [confirm, setConfirm] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    void planRollback(version).then((r) => { if (live) (r.ok ? setPlan(r.value) : setError(r.message)); });
    return () => { live = false; };
  }, [version]);
  const ready = plan?.possible === true && plan.blockers.length === 0 && plan.checks.every((c) => c.count === 0) && (!plan.destructive || confirm);
  const run = async () => {
    setBusy(true);
    const answer = await rollbackApp(version, confirm);
    setBusy(false);
    if (answer.ok) onDone(); else setError(answer.message);
  };
  return (
    <div className="d-rollback" data-testid="rollback-preview" role="group" aria-label={t('versions.rollback')}>
      {!plan && !error && <p className="d-hint">{t('plan.loading')}</p>}
      {plan?.possible === false && (
        <div className="d-error" role="alert" data-testid="rollback-impossible">
          <p>{t('versions.rollbackImpossible')}</p>
          <ul>{plan.details.length ? plan.details.map((d, i) => <li key={i}>{d.message}</li>) : <li>{plan.reason}</li>}</ul>
        </div>
      )}
      {plan?.possible && (
        <>
          <p>{t('versions.rollbackPreview', { from: plan.fromVersion, to: plan.restoredVersion })}</p>
          <PlanSteps steps={plan.steps} />
          {plan.blockers.map((b) => <p key={b} className="d-error" data-testid="rollback-blocker">{b}</p>)}
          {plan.checks.filter((c) => c.count > 0).map((c, i) => <p key={i} className="d-error" data-testid="rollback-check">{c.description}: {c.failure} ({c.count})</p>)}
          {plan.destructive && (
            <label className="d-check"><input type="checkbox" data-testid="rollback-confirm" checked={confirm} onChange={(e) => setConfirm(e.target.checked)} />{t('versions.rollbackConfirm')}</label>
          )}
        </>
      )}
      {error && <p className="d-error" role="alert" data-testid="rollback-error">{error}</p>}
      <div className="d-actions">
        <button type="button" className="d-btn d-btn-danger" data-testid="rollback-run" disabled={!ready || busy} onClick={() => void run()}>{t('versions.rollback')}</button>
        <button type="button" className="d-btn" data-testid="rollback-cancel" onClick={onCancel}>{t('inspector.cancel')}</button>
      </div>
    </div>
  );
}
