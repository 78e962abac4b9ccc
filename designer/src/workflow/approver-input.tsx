import { useTranslation } from 'react-i18next';
import type { ApproverLeafRule, ApproverRule } from '@tessera/metadata';
import { addRule, LEAF_KINDS, leafRule, MAX_RULES, putRule, removeRule, withKind } from './approver-rules';
import { UsersPicker } from './recipient-picker';

interface Choices {
  roles: string[];
  fields: string[];
}

/** The settings of one plain rule: roles to check, manager levels, a user field, or named users. */
function LeafSettings({ id, rule, roles, fields, onChange }: { id: string; rule: ApproverLeafRule; onChange: (r: ApproverLeafRule) => void } & Choices) {
  const { t } = useTranslation();
  switch (rule.kind) {
    case 'role':
      return (
        <fieldset className="d-wf-pair" data-testid={`${id}-roles`}>
          <legend>{t('workflow.approverRoles')}</legend>
          {[...new Set([...roles, ...rule.roles])].map((r) => (
            <label key={r} className="d-check"><input type="checkbox" data-testid={`${id}-role-${r}`} checked={rule.roles.includes(r)}
              onChange={(e) => onChange({ kind: 'role', roles: e.target.checked ? [...rule.roles, r] : rule.roles.filter((x) => x !== r) })} />{r}</label>
          ))}
          {rule.roles.length === 0 && <p className="d-error" role="alert">{t('pickers.noRoles')}</p>}
        </fieldset>
      );
    case 'manager':
      return <label className="d-label">{t('workflow.levels')}<input type="number" min={1} max={10} data-testid={`${id}-levels`} value={rule.levels ?? 1} onChange={(e) => onChange({ kind: 'manager', levels: Math.min(10, Math.max(1, Number(e.target.value) || 1)) })} /></label>;
    case 'field':
      return (
        <label className="d-label">{t('workflow.approverField')}
          <select data-testid={`${id}-field`} value={rule.field} onChange={(e) => onChange({ kind: 'field', field: e.target.value })}>
            {[...new Set(['owner', ...fields])].map((f) => <option key={f} value={f}>{f}</option>)}
          </select>
        </label>
      );
    case 'users':
      return (
        <fieldset className="d-wf-pair">
          <legend>{t('workflow.approverUsers')}</legend>
          <UsersPicker id={id} value={rule.users} onChange={(users) => onChange({ kind: 'users', users })} />
        </fieldset>
      );
  }
}

/**
 * Who approves one step (or takes it over on escalation): one rule, or "any of several rules" —
 * e.g. the sales manager role or the submitter's manager — each rule picked with the same controls.
 */
export function ApproverInput({ id, rule, roles, fields, onChange }: { id: string; rule: ApproverRule; onChange: (r: ApproverRule) => void } & Choices) {
  const { t } = useTranslation();
  const kinds: ApproverRule['kind'][] = [...LEAF_KINDS, 'any'];
  return (
    <div className={rule.kind === 'any' ? 'd-wf-approvers' : 'd-wf-pair'}>
      <label className="d-label">{t('workflow.approvers')}
        <select data-testid={`${id}-kind`} value={rule.kind} onChange={(e) => onChange(withKind(rule, e.target.value as ApproverRule['kind']))}>
          {kinds.map((k) => <option key={k} value={k}>{t(`workflow.approverKinds.${k}`)}</option>)}
        </select>
      </label>
      {rule.kind !== 'any' && <LeafSettings id={id} rule={rule} roles={roles} fields={fields} onChange={onChange} />}
      {rule.kind === 'any' && (
        <fieldset className="d-wf-union" data-testid={`${id}-any`}>
          <legend>{t('workflow.anyRules')}</legend>
          <p className="d-hint">{t('workflow.anyRulesHint')}</p>
          <ol>
            {rule.of.map((part, i) => (
              <li key={i} data-testid={`${id}-of-${i}`}>
                <label className="d-label">{t('workflow.ruleN', { n: i + 1 })}
                  <select data-testid={`${id}-of-${i}-kind`} value={part.kind} onChange={(e) => onChange(putRule(rule, i, leafRule(e.target.value as ApproverLeafRule['kind'])))}>
                    {LEAF_KINDS.map((k) => <option key={k} value={k}>{t(`workflow.approverKinds.${k}`)}</option>)}
                  </select>
                </label>
                <LeafSettings id={`${id}-of-${i}`} rule={part} roles={roles} fields={fields} onChange={(next) => onChange(putRule(rule, i, next))} />
                <button type="button" className="d-btn d-btn-ghost" data-testid={`${id}-of-${i}-remove`} onClick={() => onChange(removeRule(rule, i))}>{t('workflow.removeRule', { n: i + 1 })}</button>
              </li>
            ))}
          </ol>
          <button type="button" className="d-btn" data-testid={`${id}-of-add`} disabled={rule.of.length >= MAX_RULES} onClick={() => onChange(addRule(rule))}>{t('workflow.addRule')}</button>
        </fieldset>
      )}
    </div>
  );
}
