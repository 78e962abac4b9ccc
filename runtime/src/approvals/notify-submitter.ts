import type { ApprovalAction, ApprovalResult } from '@tessera/engine';
import type { LocalizedText } from '@tessera/metadata';
import type { Knex } from 'knex';
import type { AppState } from '../meta/compile-app-state';
import type { NotifyPayload } from '../notifications/notify-row';
import type { RenderedText } from '../notifications/render-notification';
import { approvalRecordViews } from './approval-record-view';
import type { ApprovalInstanceRow } from './approval-store';

type Success = Extract<ApprovalResult, { ok: true }>;

/** What the submitter hears: the chain's end, a step passed, or their record sent back. */
export type SubmitterDecision = 'approved' | 'rejected' | 'returned' | 'step-approved' | 'sent-back';

/** The decision an approver's action made, or undefined when it decided nothing yet (one of several signers). */
export function decisionOf(action: Pick<ApprovalAction, 'type'>, result: Pick<Success, 'outcome' | 'activated'>): SubmitterDecision | undefined {
  if (result.outcome === 'approved' || result.outcome === 'rejected' || result.outcome === 'returned') return result.outcome;
  if (result.outcome || !result.activated) return undefined;
  if (action.type === 'approve') return 'step-approved';
  if (action.type === 'reject') return 'sent-back';
  return undefined;
}

interface Words {
  entity: string;
  title: string;
  step: string;
  approver: string;
  comment: string | undefined;
}

const TEXTS: Record<'en' | 'zh', Record<SubmitterDecision, (w: Words) => RenderedText>> = {
  en: {
    'approved': (w) => ({ subject: `Approved: ${w.entity} "${w.title}"`, body: `${w.approver} approved ${w.entity} "${w.title}" (${w.step}). The approval is complete.` }),
    'rejected': (w) => ({ subject: `Rejected: ${w.entity} "${w.title}"`, body: `${w.approver} rejected ${w.entity} "${w.title}" (${w.step}).` }),
    'returned': (w) => ({ subject: `Returned to you: ${w.entity} "${w.title}"`, body: `${w.approver} returned ${w.entity} "${w.title}" to you (${w.step}). Change it and submit it again.` }),
    'step-approved': (w) => ({ subject: `Step approved: ${w.entity} "${w.title}"`, body: `${w.approver} approved the step "${w.step}" of ${w.entity} "${w.title}". It goes on to the next step.` }),
    'sent-back': (w) => ({ subject: `Sent back a step: ${w.entity} "${w.title}"`, body: `${w.approver} sent ${w.entity} "${w.title}" back to an earlier step (${w.step}).` }),
  },
  zh: {
    'approved': (w) => ({ subject: `已通过：${w.entity}“${w.title}”`, body: `${w.approver} 批准了${w.entity}“${w.title}”（${w.step}），审批已全部通过。` }),
    'rejected': (w) => ({ subject: `已驳回：${w.entity}“${w.title}”`, body: `${w.approver} 驳回了${w.entity}“${w.title}”（${w.step}）。` }),
    'returned': (w) => ({ subject: `已退回给你：${w.entity}“${w.title}”`, body: `${w.approver} 将${w.entity}“${w.title}”退回给你（${w.step}），请修改后重新提交。` }),
    'step-approved': (w) => ({ subject: `审批步骤已通过：${w.entity}“${w.title}”`, body: `${w.approver} 通过了${w.entity}“${w.title}”的审批步骤“${w.step}”，将进入下一步。` }),
    'sent-back': (w) => ({ subject: `已退回上一步：${w.entity}“${w.title}”`, body: `${w.approver} 将${w.entity}“${w.title}”退回到之前的审批步骤（${w.step}）。` }),
  },
};

function say(decision: SubmitterDecision, words: Words, locale: 'en' | 'zh'): RenderedText {
  const text = TEXTS[locale][decision](words);
  if (!words.comment) return text;
  return { ...text, body: `${text.body}${locale === 'zh' ? `\n意见：${words.comment}` : `\nComment: ${words.comment}`}` };
}

const pick = (text: LocalizedText | undefined, locale: 'en' | 'zh', fallback: string) => (text ? (locale === 'zh' ? text.zh ?? text.en : text.en) : fallback);

/**
 * Tells the submitter what an approver decided (approve, reject, return; and the chain's end):
 * one `notify` outbox row in the action's transaction, in English and Chinese (each recipient
 * reads their own language), naming the record, the step, the approver and their comment,
 * sent in-app and on `channels` (email where configured). Nothing when the action decided
 * nothing yet, or when the submitter acted themselves.
 */
export async function notifySubmitter(trx: Knex.Transaction, state: AppState, row: ApprovalInstanceRow, action: Exclude<ApprovalAction, { type: 'escalate' }>, result: Success, channels: string[]): Promise<void> {
  const decision = decisionOf(action, result);
  if (!decision || !row.submitter || action.actor === row.submitter) return;
  const entity = [...state.byPlural.values()].find((e) => e.entity['x-name'] === row.entity);
  const view = (await approvalRecordViews(trx, state, [{ entity: row.entity, recordId: row.record_id }])).get(`${row.entity}:${row.record_id}`);
  const stepId = row.state.steps[row.state.current]?.id;
  const step = row.definition.steps.find((s) => s.id === stepId);
  const actor = (await trx('tessera.users').where({ id: action.actor }).first('display_name', 'username')) as { display_name: string | null; username: string } | undefined;
  const comment = 'comment' in action && action.comment ? action.comment : undefined;
  const words = (locale: 'en' | 'zh'): Words => ({
    entity: pick(entity?.entity['x-label'], locale, row.entity).toLowerCase(),
    title: view?.title ?? pick(entity?.entity['x-label'], locale, row.entity),
    step: pick(step?.label, locale, stepId ?? ''),
    approver: actor?.display_name || actor?.username || (locale === 'zh' ? '审批人' : 'An approver'),
    comment,
  });
  const en = say(decision, words('en'), 'en');
  const payload: NotifyPayload = { to: [row.submitter], entity: row.entity, recordId: row.record_id, event: `approval.${decision}`, subject: en.subject, body: en.body, localized: { zh: say(decision, words('zh'), 'zh') }, channels };
  await trx('tessera.outbox').insert({ kind: 'notify', payload: JSON.stringify(payload) });
}
