import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { recordsApi, type RecordData, type WorkflowState } from '../api/records-api';
import { localize, toLocale } from '../meta/localize';
import { ErrorBanner } from '../shell/error-banner';
import { TransitionDialog, type Transition } from './transition-dialog';

export interface WorkflowPanelProps {
  entity: EntityDefinition;
  recordId: string;
  reloadKey: number;
  /** The record's `transition` capability: without it (out of the user's write scope) no button, whatever the workflow lists. */
  canTransition?: boolean;
  onTransitioned: (record: RecordData) => void;
}

/** The record's state and the transitions this user may take now (the server decides which). */
export function WorkflowPanel({ entity, recordId, reloadKey, canTransition = true, onTransitioned }: WorkflowPanelProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const plural = entity['x-plural'];
  const [wf, setWf] = useState<WorkflowState>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<Transition>();

  useEffect(() => {
    let live = true;
    recordsApi.workflow(plural, recordId).then((w) => live && setWf(w), (e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [plural, recordId, reloadKey]);

  const done = (record: RecordData) => { setAsking(undefined); onTransitioned(record); };
  async function press(transition: Transition) {
    if (transition.form) return setAsking(transition);
    setBusy(true);
    setError(undefined);
    try {
      done(await recordsApi.transition(plural, recordId, transition.event));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  if (!wf) return error ? <ErrorBanner message={error} /> : null;
  const stateField = entity.properties[wf.stateField];
  const stateLabel = localize(stateField?.['x-options']?.find((o) => o.value === wf.state)?.label, locale) || wf.state;
  return (
    <div className="t-workflow" data-testid="workflow-panel">
      <span className="t-badge" data-testid="workflow-state">{stateLabel}</span>
      {canTransition && wf.transitions.map((tr) => (
        <button key={tr.event} type="button" className="t-btn" data-testid={`transition-${tr.event}`} disabled={busy} onClick={() => void press(tr)}>
          {tr.label ? localize(tr.label, locale) : tr.event}
        </button>
      ))}
      {wf.final && <span className="t-muted">{t('workflow.final')}</span>}
      {error && <ErrorBanner message={error} onClose={() => setError(undefined)} />}
      {asking && <TransitionDialog plural={plural} recordId={recordId} transition={asking} onDone={done} onCancel={() => setAsking(undefined)} />}
    </div>
  );
}
