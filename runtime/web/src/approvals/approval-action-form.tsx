import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import { inboxApi, type ApprovalBody, type ApprovalDetail, type InboxTask } from '../api/inbox-api';
import { toLocale } from '../meta/localize';
import { UserPicker } from '../users/user-picker';
import { rejectTo, returnTargets, stepLabel } from './approval-labels';

export type ApprovalVerb = 'approve' | 'reject' | 'delegate';

export interface ApprovalActionFormProps {
  app: AppDefinition;
  task: InboxTask;
  verb: ApprovalVerb;
  userId: string;
  onSubmit: (body: ApprovalBody) => void;
  onCancel: () => void;
}

/** The comment (required to reject), where a reject sends the chain, or whom to delegate to. */
export function ApprovalActionForm({ app, task, verb, userId, onSubmit, onCancel }: ApprovalActionFormProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const id = useId();
  const [comment, setComment] = useState('');
  const [target, setTarget] = useState(0);
  const [delegate, setDelegate] = useState('');
  const [detail, setDetail] = useState<ApprovalDetail>();
  const [problem, setProblem] = useState<string>();

  useEffect(() => {
    if (verb !== 'reject') return;
    let live = true;
    // The chain's steps say which earlier steps a reject may return to; without them, end or submitter only.
    inboxApi.approval(task.approvalId).then((d) => live && setDetail(d), () => undefined);
    return () => { live = false; };
  }, [verb, task.approvalId]);

  const targets = returnTargets(detail);
  const targetLabel = (i: number) => {
    const tg = targets[i];
    return tg.kind === 'end' ? t('approvals.returnEnd') : tg.kind === 'submitter' ? t('approvals.returnSubmitter') : t('approvals.returnStep', { step: stepLabel(app, task.entity, tg.step, locale) });
  };

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (verb === 'reject' && !comment.trim()) return setProblem(t('approvals.commentRequired'));
    if (verb === 'delegate' && !delegate) return setProblem(t('approvals.delegateRequired'));
    const to = verb === 'reject' ? rejectTo(targets[target]) : verb === 'delegate' ? delegate : undefined;
    onSubmit({ ...(comment.trim() ? { comment: comment.trim() } : {}), ...(to ? { to } : {}) });
  }

  return (
    <form className="t-approval-form" data-testid="approval-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      {verb === 'delegate' && <UserPicker label={t('approvals.delegateTo')} value={delegate} onChange={(v) => { setDelegate(v); setProblem(undefined); }} exclude={userId} testId="delegate-user" />}
      {verb === 'reject' && (
        <label>
          {t('approvals.returnTo')}{' '}
          <select data-testid="reject-target" value={target} onChange={(e) => setTarget(Number(e.target.value))}>
            {targets.map((_, i) => <option key={i} value={i}>{targetLabel(i)}</option>)}
          </select>
        </label>
      )}
      <label htmlFor={`${id}-comment`}>{t('approvals.comment')}{verb === 'reject' ? ' *' : ''}</label>
      <textarea id={`${id}-comment`} data-testid="approval-comment" rows={2} maxLength={4000} value={comment} autoFocus={verb !== 'delegate'}
        aria-invalid={Boolean(problem && verb === 'reject')} aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => { setComment(e.target.value); setProblem(undefined); }} />
      {problem && <div id={`${id}-problem`} className="t-field-note t-danger" role="alert" data-testid="approval-problem">{problem}</div>}
      <div className="t-form-actions">
        <button type="submit" className={verb === 'reject' ? 't-btn t-btn-danger' : 't-btn t-btn-primary'} data-testid="approval-submit">{t(`approvals.${verb}`)}</button>
        <button type="button" className="t-btn" data-testid="approval-cancel" onClick={onCancel}>{t('form.cancel')}</button>
      </div>
    </form>
  );
}
