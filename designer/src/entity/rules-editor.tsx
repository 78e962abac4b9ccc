import { useTranslation } from 'react-i18next';
import type { EntityRule } from '@tessera/metadata';

/** The keyword paths this editor edits (read by the keyword coverage test). */
export const RULES_EDITOR_KEYWORDS = ['entity.x-rules'] as const;

const list = (text: string) => text.split(',').map((s) => s.trim()).filter(Boolean);
const ID = /^[a-z][a-z0-9_-]*$/;

/** Problems of each rule, as [rule number, message key]. */
export function ruleProblems(rules: readonly EntityRule[]): Array<[number, 'ruleId' | 'ruleExpr' | 'ruleMessage']> {
  return rules.flatMap((r, i): Array<[number, 'ruleId' | 'ruleExpr' | 'ruleMessage']> => [
    ...(!ID.test(r.id) || r.id.length > 63 || rules.findIndex((o) => o.id === r.id) !== i ? [[i + 1, 'ruleId'] as [number, 'ruleId']] : []),
    ...(!r.expr.trim() ? [[i + 1, 'ruleExpr'] as [number, 'ruleExpr']] : []),
    ...(!r.message.en.trim() ? [[i + 1, 'ruleMessage'] as [number, 'ruleMessage']] : []),
  ]);
}

/** Cross-field validation rules of an entity (`x-rules`): an expression, its message in en/zh, the fields it is about. */
export function RulesEditor({ rules, onChange }: { rules: EntityRule[]; onChange: (rules: EntityRule[]) => void }) {
  const { t } = useTranslation();
  const put = (i: number, patch: Partial<EntityRule>) => onChange(rules.map((r, j) => {
    if (j !== i) return r;
    const next = { ...r, ...patch };
    if (!next.fields?.length) delete next.fields;
    if (!next.message.zh) next.message = { en: next.message.en };
    return next;
  }));
  return (
    <fieldset className="d-entity-rules" data-testid="entity-rules">
      <legend>{t('entitySettings.rules.heading')}</legend>
      <p className="d-hint">{t('entitySettings.rules.hint')}</p>
      {rules.map((rule, i) => (
        <div key={i} className="d-rule-row" data-testid={`entity-rule-${i}`}>
          <label className="d-label">{t('entitySettings.rules.id')}<input data-testid={`entity-rule-${i}-id`} value={rule.id} spellCheck={false} onChange={(e) => put(i, { id: e.target.value.trim() })} /></label>
          <label className="d-label">{t('entitySettings.rules.expr')}<input data-testid={`entity-rule-${i}-expr`} value={rule.expr} spellCheck={false} placeholder="end_date >= start_date" onChange={(e) => put(i, { expr: e.target.value })} /></label>
          <label className="d-label">{t('entitySettings.rules.messageEn')}<input data-testid={`entity-rule-${i}-message-en`} value={rule.message.en} onChange={(e) => put(i, { message: { ...rule.message, en: e.target.value } })} /></label>
          <label className="d-label">{t('entitySettings.rules.messageZh')}<input data-testid={`entity-rule-${i}-message-zh`} value={rule.message.zh ?? ''} onChange={(e) => put(i, { message: { ...rule.message, zh: e.target.value } })} /></label>
          <label className="d-label">{t('entitySettings.rules.fields')}<input data-testid={`entity-rule-${i}-fields`} defaultValue={(rule.fields ?? []).join(', ')} spellCheck={false} list="d-entity-fields" onChange={(e) => put(i, { fields: [...new Set(list(e.target.value))] })} /></label>
          <button type="button" className="d-btn d-btn-ghost" data-testid={`entity-rule-${i}-remove`} onClick={() => onChange(rules.filter((_, j) => j !== i))}>{t('entitySettings.rules.remove', { n: i + 1 })}</button>
        </div>
      ))}
      <button type="button" className="d-btn" data-testid="entity-rule-add" onClick={() => onChange([...rules, { id: `rule_${rules.length + 1}`, expr: '', message: { en: '' } }])}>+ {t('entitySettings.rules.add')}</button>
    </fieldset>
  );
}
