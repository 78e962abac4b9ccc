import type { AppDefinition } from '../app/app-types';
import type { Locale, LocalizedText } from '../i18n-types';
import type { FieldDependent } from './field-dependents';

const text = (label: LocalizedText | undefined, fallback: string, locale: Locale) => (label ? (locale === 'zh' ? label.zh ?? label.en : label.en) : fallback);

/** The labels of everything a dependent names, in `locale`; names only where a label is missing. */
function labels(app: AppDefinition, dep: FieldDependent, locale: Locale) {
  const entity = app.entities.find((e) => e['x-name'] === dep.entity);
  const layout = app.layouts.find((l) => l.name === dep.layout);
  const view = app.views?.find((v) => v.name === dep.view);
  const dashboard = app.dashboards?.find((d) => d.name === dep.dashboard);
  const workflow = app.workflows?.find((w) => w.name === dep.workflow);
  const state = dep.state ? workflow?.machine.states[dep.state] : undefined;
  const transition = dep.event ? state?.on?.[dep.event] : undefined;
  const step = state?.approval?.steps.find((s) => s.id === dep.step);
  const fieldEntity = dep.kind === 'rollup' || dep.kind === 'relation' ? app.entities.find((e) => e['x-name'] === dep.entity) : entity;
  return {
    entity: text(entity?.['x-label'], dep.entity ?? '', locale),
    section: text(layout?.sections.find((s) => s.id === dep.section)?.label, dep.section ?? '', locale),
    view: text(view?.label, dep.view ?? '', locale),
    dashboard: text(dashboard?.label, dep.dashboard ?? '', locale),
    card: text(dashboard?.cards.find((c) => c.id === dep.card)?.title, dep.card ?? '', locale),
    rule: dep.rule ?? '',
    field: text(dep.field ? fieldEntity?.properties[dep.field]?.['x-label'] : undefined, dep.field ?? '', locale),
    workflow: text(workflow?.label, dep.workflow ?? '', locale),
    state: text(state?.label, dep.state ?? '', locale),
    event: text(transition?.meta?.label, dep.event ?? '', locale),
    step: text(step?.label, dep.step ?? '', locale),
    role: dep.permissionRole ?? '',
  };
}

type Words = ReturnType<typeof labels> & { target: string };
type Phrase = (w: Words) => string;

const EN: Record<string, Phrase> = {
  layout: (w) => `The form of "${w.entity}" shows field "${w.target}" in section "${w.section}"`,
  visibility: (w) => `On the form of "${w.entity}", field "${w.field}" is shown only when a condition on field "${w.target}" holds`,
  'view:column': (w) => `View "${w.view}" shows field "${w.target}" as a column`,
  'view:sort': (w) => `View "${w.view}" sorts by field "${w.target}"`,
  'view:filter': (w) => `View "${w.view}" filters on field "${w.target}"`,
  'view:group': (w) => `View "${w.view}" groups its columns by field "${w.target}"`,
  'view:card-field': (w) => `View "${w.view}" shows field "${w.target}" on its cards`,
  'card:group': (w) => `Dashboard "${w.dashboard}" card "${w.card}" groups by field "${w.target}"`,
  'card:measure': (w) => `Dashboard "${w.dashboard}" card "${w.card}" adds up field "${w.target}"`,
  'card:filter': (w) => `Dashboard "${w.dashboard}" card "${w.card}" filters on field "${w.target}"`,
  rule: (w) => `Validation rule "${w.rule}" of "${w.entity}" uses field "${w.target}"`,
  formula: (w) => `Formula field "${w.field}" of "${w.entity}" computes from field "${w.target}"`,
  rollup: (w) => `Rollup field "${w.field}" of "${w.entity}" is computed from field "${w.target}"`,
  relation: (w) => `Relation field "${w.field}" of "${w.entity}" links back through field "${w.target}"`,
  'display-field': (w) => `"${w.entity}" records are titled by field "${w.target}"`,
  'currency-field': (w) => `Amount field "${w.field}" of "${w.entity}" takes its currency from field "${w.target}"`,
  index: (w) => `An index of "${w.entity}" covers field "${w.target}"`,
  reminder: (w) => `The reminder of field "${w.field}" of "${w.entity}" notifies the user in field "${w.target}"`,
  pool: (w) => `The public pool of "${w.entity}" measures follow-up by field "${w.target}"`,
  'record-type': (w) => `The record types of "${w.entity}" use field "${w.target}"`,
  permission: (w) => `Role "${w.role}" has an access setting for field "${w.target}"`,
  'workflow-state': (w) => `Workflow "${w.workflow}" keeps its state in field "${w.target}"`,
  'workflow-guard': (w) => `Workflow "${w.workflow}": "${w.event}" from "${w.state}" has a condition on field "${w.target}"`,
  'workflow-timer': (w) => `Workflow "${w.workflow}": a timer of "${w.state}" counts from the date in field "${w.target}"`,
  'approval:summary': (w) => `The approval of workflow "${w.workflow}" in "${w.state}" shows field "${w.target}" to approvers`,
  'approval:approver': (w) => `Approval step "${w.step}" of workflow "${w.workflow}" takes its approver from field "${w.target}"`,
  'approval:condition': (w) => `Approval step "${w.step}" of workflow "${w.workflow}" has a condition on field "${w.target}"`,
};

const ZH: Record<string, Phrase> = {
  layout: (w) => `“${w.entity}”的表单在分区“${w.section}”中显示字段“${w.target}”`,
  visibility: (w) => `“${w.entity}”的表单中，字段“${w.field}”仅在字段“${w.target}”满足条件时显示`,
  'view:column': (w) => `视图“${w.view}”把字段“${w.target}”显示为一列`,
  'view:sort': (w) => `视图“${w.view}”按字段“${w.target}”排序`,
  'view:filter': (w) => `视图“${w.view}”按字段“${w.target}”筛选`,
  'view:group': (w) => `视图“${w.view}”按字段“${w.target}”分列`,
  'view:card-field': (w) => `视图“${w.view}”在卡片上显示字段“${w.target}”`,
  'card:group': (w) => `仪表盘“${w.dashboard}”的卡片“${w.card}”按字段“${w.target}”分组`,
  'card:measure': (w) => `仪表盘“${w.dashboard}”的卡片“${w.card}”汇总字段“${w.target}”`,
  'card:filter': (w) => `仪表盘“${w.dashboard}”的卡片“${w.card}”按字段“${w.target}”筛选`,
  rule: (w) => `“${w.entity}”的校验规则“${w.rule}”用到字段“${w.target}”`,
  formula: (w) => `“${w.entity}”的公式字段“${w.field}”由字段“${w.target}”计算`,
  rollup: (w) => `“${w.entity}”的汇总字段“${w.field}”由字段“${w.target}”计算`,
  relation: (w) => `“${w.entity}”的关联字段“${w.field}”经由字段“${w.target}”反向关联`,
  'display-field': (w) => `“${w.entity}”的记录以字段“${w.target}”为标题`,
  'currency-field': (w) => `“${w.entity}”的金额字段“${w.field}”的币种取自字段“${w.target}”`,
  index: (w) => `“${w.entity}”的一个索引包含字段“${w.target}”`,
  reminder: (w) => `“${w.entity}”的字段“${w.field}”的提醒发给字段“${w.target}”中的用户`,
  pool: (w) => `“${w.entity}”的公海按字段“${w.target}”判断跟进时间`,
  'record-type': (w) => `“${w.entity}”的记录类型用到字段“${w.target}”`,
  permission: (w) => `角色“${w.role}”对字段“${w.target}”有访问设置`,
  'workflow-state': (w) => `流程“${w.workflow}”把状态保存在字段“${w.target}”中`,
  'workflow-guard': (w) => `流程“${w.workflow}”中从“${w.state}”发起的“${w.event}”有关于字段“${w.target}”的条件`,
  'workflow-timer': (w) => `流程“${w.workflow}”中“${w.state}”的定时器从字段“${w.target}”的日期开始计时`,
  'approval:summary': (w) => `流程“${w.workflow}”在“${w.state}”的审批向审批人显示字段“${w.target}”`,
  'approval:approver': (w) => `流程“${w.workflow}”的审批步骤“${w.step}”的审批人取自字段“${w.target}”`,
  'approval:condition': (w) => `流程“${w.workflow}”的审批步骤“${w.step}”有关于字段“${w.target}”的条件`,
};

/** The phrase keys a dependent may take (kind, or kind:role): tests check each has en and zh. */
export const DEPENDENT_PHRASES = Object.keys(EN);

/**
 * A dependent in the implementer's words, with labels instead of pointers:
 * `Dashboard "Sales" card "Open tickets by priority" groups by field "Priority"`.
 * `target` is the field's label (it may already be gone from `app`, e.g. after a delete).
 */
export function describeDependent(app: AppDefinition, dep: FieldDependent, target: LocalizedText | string, locale: Locale = 'en'): string {
  const words: Words = { ...labels(app, dep, locale), target: typeof target === 'string' ? target : text(target, '', locale) };
  const phrases = locale === 'zh' ? ZH : EN;
  const phrase = (dep.role && phrases[`${dep.kind}:${dep.role}`]) || phrases[dep.kind];
  return phrase(words);
}

/** Every dependent that a pointer (a publish error's) sits in or under, in `app`. */
export function dependentAt(dependents: readonly FieldDependent[], pointer: string): FieldDependent | undefined {
  return dependents.find((d) => pointer === d.pointer || pointer.startsWith(`${d.pointer}/`) || d.pointer.startsWith(`${pointer}/`));
}
