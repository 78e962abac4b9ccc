import { useTranslation } from 'react-i18next';
import type { AssignOwnerParams } from '@tessera/engine';
import { defineActionEditor, type ActionEditorProps } from './action-editor-types';
import { assignOwnerToParams, assignOwnerToState, STRATEGIES, strategyOf, withStrategy, type AssignOwnerState } from './assign-owner-model';
import { UsersPicker } from './recipient-picker';

function UsersField({ id, legend, value, onChange }: { id: string; legend: string; value: string[]; onChange: (next: string[]) => void }) {
  return (
    <fieldset data-testid={id}>
      <legend>{legend}</legend>
      <UsersPicker id={id} value={value} onChange={onChange} />
    </fieldset>
  );
}

function AssignOwnerEditor({ id, state, onChange }: ActionEditorProps<AssignOwnerState>) {
  const { t } = useTranslation();
  const strategy = strategyOf(state);
  const putRule = (i: number, patch: Partial<AssignOwnerState['rules'][number]>) => onChange({ ...state, rules: state.rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <div className="d-wf-params" data-testid={`${id}-params`}>
      <label className="d-label">{t('actionEditors.assignOwner.strategy')}
        <select data-testid={`${id}-strategy`} value={strategy} onChange={(e) => onChange(withStrategy(state, e.target.value as AssignOwnerState['strategy'] & string))}>
          {STRATEGIES.map((s) => <option key={s} value={s}>{t(`actionEditors.assignOwner.strategies.${s}`)}</option>)}
        </select>
      </label>
      <p className="d-hint">{t(`actionEditors.assignOwner.hints.${strategy}`)}</p>
      {strategy !== 'rules' && <UsersField id={`${id}-users`} legend={t('actionEditors.assignOwner.users')} value={state.users} onChange={(users) => onChange({ ...state, users })} />}
      {strategy !== 'rules' && state.users.length === 0 && <p className="d-error" role="alert">{t('actionEditors.assignOwner.noUsers')}</p>}
      {strategy === 'rules' && (
        <fieldset data-testid={`${id}-rules`}>
          <legend>{t('actionEditors.assignOwner.rules')}</legend>
          <ol>
            {state.rules.map((r, i) => (
              <li key={i} data-testid={`${id}-rule-${i}`}>
                <label className="d-label">{t('actionEditors.assignOwner.when')}
                  <input data-testid={`${id}-rule-${i}-when`} spellCheck={false} value={r.when} aria-invalid={!r.when} onChange={(e) => putRule(i, { when: e.target.value })} />
                </label>
                <UsersField id={`${id}-rule-${i}-users`} legend={t('actionEditors.assignOwner.ruleUsers')} value={r.users} onChange={(users) => putRule(i, { users })} />
                <button type="button" className="d-btn d-btn-ghost" data-testid={`${id}-rule-${i}-remove`} onClick={() => onChange({ ...state, rules: state.rules.filter((_, j) => j !== i) })}>
                  {t('actionEditors.assignOwner.removeRule', { n: i + 1 })}
                </button>
              </li>
            ))}
          </ol>
          <p className="d-hint">{t('actionEditors.assignOwner.whenHint', { example: "region == 'east'" })}</p>
          <button type="button" className="d-btn" data-testid={`${id}-rule-add`} onClick={() => onChange({ ...state, rules: [...state.rules, { when: '', users: [] }] })}>{t('actionEditors.assignOwner.addRule')}</button>
        </fieldset>
      )}
      {strategy !== 'round-robin' && <UsersField id={`${id}-fallback`} legend={t('actionEditors.assignOwner.fallback')} value={state.fallback} onChange={(fallback) => onChange({ ...state, fallback })} />}
      {strategy !== 'load' && (
        <label className="d-label">{t('actionEditors.assignOwner.pool')}
          <input data-testid={`${id}-pool`} value={state.pool} onChange={(e) => onChange({ ...state, pool: e.target.value })} />
        </label>
      )}
      {strategy !== 'load' && <p className="d-hint">{t('actionEditors.assignOwner.poolHint')}</p>}
    </div>
  );
}

/** assignOwner: how the owner is chosen (in turn, by rules, by load) and among whom, users picked from the directory. */
export const assignOwnerEditor = defineActionEditor<AssignOwnerParams, AssignOwnerState>({
  toState: assignOwnerToState,
  toParams: assignOwnerToParams,
  Editor: AssignOwnerEditor,
});
