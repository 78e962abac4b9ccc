import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eventProblem } from './workflow-model';

/** Asks for the event of a transition just drawn on the canvas; Escape or Cancel draws nothing. */
export function EventPrompt({ from, to, taken, onDone, onCancel }: { from: string; to: string; taken: string[]; onDone: (event: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [event, setEvent] = useState('');
  const problem = event ? eventProblem(event, taken) : undefined;
  return (
    <div className="d-modal-backdrop" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <form className="d-modal d-wf-prompt" role="dialog" aria-modal="true" aria-labelledby="d-wf-prompt-title" data-testid="event-prompt"
        onSubmit={(e) => { e.preventDefault(); if (event && !problem) onDone(event); }}>
        <h2 id="d-wf-prompt-title">{t('workflow.promptHeading', { from, to })}</h2>
        <label className="d-label">{t('workflow.event')}
          <input autoFocus data-testid="event-prompt-name" value={event} placeholder="SUBMIT" spellCheck={false} aria-invalid={Boolean(problem)} onChange={(e) => setEvent(e.target.value.toUpperCase())} />
        </label>
        <span className="d-hint">{t('workflow.eventHint')}</span>
        {problem && <p className="d-error" role="alert">{t(`workflow.problems.event.${problem}`, { name: event })}</p>}
        <div className="d-actions">
          <button type="submit" className="d-btn d-btn-primary" data-testid="event-prompt-ok" disabled={!event || Boolean(problem)}>{t('workflow.add')}</button>
          <button type="button" className="d-btn" onClick={onCancel}>{t('inspector.cancel')}</button>
        </div>
      </form>
    </div>
  );
}
