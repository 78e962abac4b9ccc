import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDefinition, WorkflowCallRef, WorkflowDefinition } from '@tessera/metadata';
import { localize } from '../localize';
import { simulateEvent, simulatedEvents, simulatedTimers, simulateTimer, simulation, type SimulationStep } from './simulate-workflow';

const NUMERIC = new Set(['number', 'currency', 'percent', 'integer']);
const SKIPPED = new Set(['formula', 'rollup', 'autonumber', 'relation', 'file', 'json', 'richtext']);

export interface SimulatorPanelProps {
  workflow: WorkflowDefinition;
  entity: EntityDefinition;
  roles: string[];
  onClose: () => void;
}

const describeCall = (call: WorkflowCallRef) => {
  const params = call.params && Object.keys(call.params).length ? ` ${JSON.stringify(call.params)}` : '';
  return `${call.type}${params}`;
};

/**
 * Steps a sample record through the draft workflow (issue 17): fields editable, the acting
 * role chosen, each event enabled or blocked with the reason, the actions a step would run
 * (listed, never run) and the timers armed with their due time. Nothing reaches the server.
 */
export function SimulatorPanel({ workflow, entity, roles, onClose }: SimulatorPanelProps) {
  const { t, i18n } = useTranslation();
  const sim = useMemo(() => simulation(workflow), [workflow]);
  const [state, setState] = useState(workflow.machine.initial);
  const [record, setRecord] = useState<Record<string, unknown>>({});
  const [role, setRole] = useState(roles[0] ?? 'admin');
  const [enteredAt, setEnteredAt] = useState(() => new Date().toISOString());
  const [history, setHistory] = useState<SimulationStep[]>([]);
  const [error, setError] = useState<string>();
  const user = { id: 'simulated-user', roles: [role] };
  const now = history.length ? history[history.length - 1].at : enteredAt;
  const events = simulatedEvents(sim, state, record, user, now);
  const timers = simulatedTimers(sim, state, enteredAt);
  const stateLabel = (s: string) => localize(workflow.machine.states[s]?.label ?? { en: s }, i18n.language);
  const fields = Object.entries(entity.properties).filter(([name, f]) => name !== workflow.stateField && !SKIPPED.has(f['x-type']));

  const after = (outcome: ReturnType<typeof simulateEvent>) => {
    if (!outcome.ok) { setError(outcome.message); return; }
    setError(undefined);
    setHistory([...history, outcome.step]);
    setRecord(outcome.record);
    setState(outcome.step.to);
    setEnteredAt(outcome.step.at);
  };
  const reset = () => { setState(workflow.machine.initial); setRecord({}); setHistory([]); setError(undefined); setEnteredAt(new Date().toISOString()); };
  const setField = (name: string, type: string, text: string) => {
    const { [name]: _old, ...rest } = record;
    if (text === '') { setRecord(rest); return; }
    setRecord({ ...rest, [name]: NUMERIC.has(type) && !Number.isNaN(Number(text)) ? Number(text) : text });
  };
  const time = (iso: string) => new Date(iso).toLocaleString(i18n.language === 'zh' ? 'zh-CN' : 'en-GB');

  return (
    <section className="d-panel d-inspector" data-testid="workflow-simulator" aria-labelledby="d-sim-title">
      <h2 id="d-sim-title">{t('simulator.heading')}</h2>
      <p className="d-hint">{t('simulator.hint')}</p>
      <label className="d-label">{t('simulator.role')}
        <select data-testid="sim-role" value={role} onChange={(e) => setRole(e.target.value)}>
          {roles.map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </label>
      <p data-testid="sim-state"><strong>{t('simulator.current')}</strong> {stateLabel(state)}{workflow.machine.states[state]?.type === 'final' ? ` (${t('simulator.final')})` : ''}</p>
      <fieldset className="d-options">
        <legend>{t('simulator.record')}</legend>
        {fields.map(([name, field]) => (
          <label key={name} className="d-label">{localize(field['x-label'], i18n.language)}
            {field['x-options'] ? (
              <select data-testid={`sim-field-${name}`} value={String(record[name] ?? '')} onChange={(e) => setField(name, field['x-type'], e.target.value)}>
                <option value="">—</option>
                {field['x-options'].map((o) => <option key={o.value} value={o.value}>{localize(o.label, i18n.language)}</option>)}
              </select>
            ) : (
              <input data-testid={`sim-field-${name}`} value={String(record[name] ?? '')} inputMode={NUMERIC.has(field['x-type']) ? 'decimal' : undefined} onChange={(e) => setField(name, field['x-type'], e.target.value)} />
            )}
          </label>
        ))}
      </fieldset>
      <h3>{t('simulator.events')}</h3>
      {events.length === 0 && <p className="d-hint">{t('simulator.noEvents')}</p>}
      <ul className="d-sim-events">
        {events.map((e) => (
          <li key={e.event}>
            <button type="button" className="d-btn" data-testid={`sim-event-${e.event}`} disabled={!e.enabled} onClick={() => after(simulateEvent(sim, state, e.event, record, user, now))}>
              {e.event} → {stateLabel(e.target)}
            </button>
            {e.blocked === 'guard' && <span className="d-hint" data-testid={`sim-why-${e.event}`}>{t('simulator.guardBlocks', { guard: e.guard?.params?.expression ?? e.guard?.type ?? '' })}</span>}
            {e.blocked === 'role' && <span className="d-hint" data-testid={`sim-why-${e.event}`}>{t('simulator.roleBlocks', { roles: (e.roles ?? []).join(', ') })}</span>}
            {e.guard && sim.unknownGuards.includes(e.guard.type) && <span className="d-hint">{t('simulator.pluginGuard', { guard: e.guard.type })}</span>}
            {e.actions.length > 0 && <span className="d-hint" data-testid={`sim-actions-${e.event}`}>{t('simulator.wouldRun', { actions: e.actions.map((a) => a.type).join(', ') })}</span>}
          </li>
        ))}
      </ul>
      <h3>{t('simulator.timers')}</h3>
      {timers.length === 0 && <p className="d-hint">{t('simulator.noTimers')}</p>}
      <ul>
        {timers.map((timer, i) => (
          <li key={timer.event} data-testid={`sim-timer-${i}`}>
            {t('simulator.timer', { target: timer.target ? stateLabel(timer.target) : '', due: time(timer.dueAt) })}{' '}
            <button type="button" className="d-btn d-btn-ghost" data-testid={`sim-fire-${i}`} onClick={() => after(simulateTimer(sim, state, timer, record))}>{t('simulator.fire')}</button>
          </li>
        ))}
      </ul>
      {error && <p className="d-error" role="alert">{error}</p>}
      {history.length > 0 && (
        <>
          <h3>{t('simulator.history')}</h3>
          <ol data-testid="sim-history">
            {history.map((s, i) => (
              <li key={i}>
                {t('simulator.step', { event: s.event.startsWith('xstate.after') ? t('simulator.timerEvent') : s.event, from: stateLabel(s.from), to: stateLabel(s.to), at: time(s.at) })}
                {s.actions.length > 0 && <ul>{s.actions.map((a, j) => <li key={j} className="d-hint"><code>{describeCall(a)}</code></li>)}</ul>}
              </li>
            ))}
          </ol>
        </>
      )}
      <div className="d-actions">
        <button type="button" className="d-btn" data-testid="sim-reset" onClick={reset}>{t('simulator.reset')}</button>
        <button type="button" className="d-btn" data-testid="sim-close" onClick={onClose}>{t('editor.close')}</button>
      </div>
    </section>
  );
}
