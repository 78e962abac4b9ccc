import { useTranslation } from 'react-i18next';
import type { EntityDefinition, WorkflowCallRef } from '@tessera/metadata';
import type { RegistryCall } from '../api/meta-api-types';
import { ActionParamsEditor, hasActionEditor } from './action-editors';
import { ParamsForm } from './params-form';

/** The registry's description of an action, in the designer's language for the built-in ones. */
function describe(t: (key: string, opts: { defaultValue: string }) => string, call: RegistryCall): string {
  const text = t(`workflow.actionNames.${call.name}`, { defaultValue: call.description ?? '' });
  return text ? `${call.name} — ${text}` : call.name;
}

/** The names earlier createRecord actions of the list give their new records. */
const createdBefore = (list: readonly WorkflowCallRef[], i: number) =>
  list.slice(0, i).flatMap((a) => (a.type === 'createRecord' && typeof a.params?.as === 'string' && a.params.as ? [a.params.as] : []));

/** Picks a guard (or none) from the registry and edits its params. */
export function GuardEditor({ id, guards, value, onChange }: { id: string; guards: RegistryCall[]; value?: WorkflowCallRef; onChange: (next?: WorkflowCallRef) => void }) {
  const { t } = useTranslation();
  const def = guards.find((g) => g.name === value?.type);
  return (
    <div className="d-wf-call">
      <label className="d-label">{t('workflow.guard')}
        <select data-testid={`${id}-type`} value={value?.type ?? ''} onChange={(e) => onChange(e.target.value ? { type: e.target.value, params: {} } : undefined)}>
          <option value="">{t('workflow.noGuard')}</option>
          {guards.map((g) => <option key={g.name} value={g.name}>{g.description ? `${g.name} — ${g.description}` : g.name}</option>)}
          {value && !def && <option value={value.type}>{value.type}</option>}
        </select>
      </label>
      {value && def && <ParamsForm key={value.type} id={id} schema={def.paramsSchema} value={value.params ?? {}} onChange={(params) => onChange({ ...value, params })} />}
    </div>
  );
}

/**
 * An ordered list of actions: add one from the registry, remove, move up or down, edit params.
 * `source` (the workflow's entity), `entities`, `roles` and `channels` give the built-in actions' editors their pickers.
 */
export function ActionList({ id, actions, value, roles = [], channels = [], source, entities = [], onChange }: { id: string; actions: RegistryCall[]; value: WorkflowCallRef[]; roles?: string[]; channels?: string[]; source?: EntityDefinition; entities?: readonly EntityDefinition[]; onChange: (next: WorkflowCallRef[]) => void }) {
  const { t } = useTranslation();
  const context = { source, entities, roles, channels };
  const setParams = (i: number, params: Record<string, unknown>) => onChange(value.map((x, j) => (j === i ? { ...x, params } : x)));
  const move = (i: number, by: number) => {
    const next = [...value];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    onChange(next);
  };
  return (
    <fieldset className="d-wf-actions">
      <legend>{t('workflow.actions')}</legend>
      {value.length === 0 && <p className="d-hint">{t('workflow.noActions')}</p>}
      <ol>
        {value.map((a, i) => {
          const def = actions.find((d) => d.name === a.type);
          return (
            <li key={`${i}-${a.type}`} data-testid={`${id}-${i}`}>
              <div className="d-wf-row">
                <strong>{a.type}</strong>
                <button type="button" className="d-btn d-btn-ghost" aria-label={t('workflow.moveUp', { name: a.type })} disabled={i === 0} onClick={() => move(i, -1)}>↑</button>
                <button type="button" className="d-btn d-btn-ghost" aria-label={t('workflow.moveDown', { name: a.type })} disabled={i === value.length - 1} onClick={() => move(i, 1)}>↓</button>
                <button type="button" className="d-btn d-btn-ghost" data-testid={`${id}-${i}-remove`} aria-label={t('workflow.remove', { name: a.type })} onClick={() => onChange(value.filter((_, j) => j !== i))}>✕</button>
              </div>
              {def && hasActionEditor(a.type) ? <ActionParamsEditor id={`${id}-${i}`} type={a.type} params={a.params ?? {}} context={{ ...context, created: createdBefore(value, i) }} onChange={(params) => setParams(i, params)} />
                : def ? <ParamsForm id={`${id}-${i}`} schema={def.paramsSchema} value={a.params ?? {}} onChange={(params) => setParams(i, params)} />
                : <p className="d-error">{t('workflow.unknownAction', { name: a.type })}</p>}
            </li>
          );
        })}
      </ol>
      <label className="d-label">{t('workflow.addAction')}
        <select data-testid={`${id}-add`} value="" onChange={(e) => e.target.value && onChange([...value, { type: e.target.value, params: {} }])}>
          <option value="">…</option>
          {actions.map((a) => <option key={a.name} value={a.name}>{describe(t, a)}</option>)}
        </select>
      </label>
    </fieldset>
  );
}
