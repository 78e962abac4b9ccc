import { Fragment, useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import { inboxApi, type ApprovalBody, type InboxTask } from '../api/inbox-api';
import { localize, toLocale } from '../meta/localize';
import { timeAgo } from '../notifications/time-ago';
import { formatCell } from '../records/format-cell';
import { ErrorBanner } from '../shell/error-banner';
import { ApprovalActionForm, type ApprovalVerb } from './approval-action-form';
import { stepLabel } from './approval-labels';
import { refusalText } from './refusal-text';
import { useRecordTitles } from './use-record-titles';

export interface ApprovalsPageProps {
  app: AppDefinition;
  userId: string;
  /** After an action: the header's pending count is stale. */
  onChanged: () => void;
}

const VERBS: ApprovalVerb[] = ['approve', 'reject', 'delegate'];

/**
 * The approver's inbox (`GET /api/approvals/inbox`): each pending task with its record, step,
 * submitter and age; approve, reject (comment required, "return to") or delegate. A task leaves
 * the list at once and comes back with the server's message if the action fails.
 */
export default function ApprovalsPage({ app, userId, onChanged }: ApprovalsPageProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const [tasks, setTasks] = useState<InboxTask[]>();
  const [open, setOpen] = useState<{ taskId: string; verb: ApprovalVerb }>();
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const { titles, names } = useRecordTitles(app, tasks ?? [], (tasks ?? []).flatMap((k) => [k.submitter, ...(k.delegatedFrom ? [k.delegatedFrom] : [])]));

  const load = useCallback(async () => {
    try {
      setTasks((await inboxApi.inbox()).data);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => void load(), [load]);

  async function act(task: InboxTask, verb: ApprovalVerb, body: ApprovalBody) {
    setOpen(undefined);
    setError(undefined);
    const title = titles[task.recordId] ?? task.recordId;
    const before = tasks ?? [];
    setTasks(before.filter((k) => k.taskId !== task.taskId)); // optimistic
    try {
      await inboxApi.act(task.approvalId, verb, body);
      setNotice(t('approvals.done', { action: t(`approvals.${verb}`), record: title }));
      onChanged();
      // A sequential or delegated chain may hand me another task: read the truth back.
      void load();
    } catch (e) {
      setTasks((now) => (now ? [...now, task].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) : before));
      setError(`${title}: ${refusalText(e, entityOf(task.entity), locale)}`);
    }
  }

  const entityOf = (name: string) => app.entities.find((e) => e['x-name'] === name);
  const now = new Date();
  return (
    <div className="t-card" data-testid="approvals-page">
      <div className="t-card-header"><h2>{t('approvals.title')}</h2></div>
      <div role="tablist" className="t-form-tabs" aria-label={t('approvals.title')}>
        <button type="button" role="tab" aria-selected="true" className="t-form-tab t-active">{t('approvals.pending')}{tasks ? ` (${tasks.length})` : ''}</button>
      </div>
      {error && <ErrorBanner message={error} onClose={() => setError(undefined)} />}
      {notice && <p className="t-muted" role="status" data-testid="approvals-notice">{notice}</p>}
      {!tasks && !error && <p className="t-muted">{t('app.loading')}</p>}
      {tasks?.length === 0 && <p className="t-empty" data-testid="approvals-empty">{t('approvals.empty')}</p>}
      {tasks && tasks.length > 0 && (
        <div className="t-table-wrap">
          <table className="t-table">
            <thead>
              <tr>
                <th>{t('approvals.record')}</th><th>{t('approvals.entity')}</th><th>{t('approvals.step')}</th>
                <th>{t('approvals.submitter')}</th><th>{t('approvals.when')}</th><th>{t('approvals.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => {
                const entity = entityOf(task.entity);
                const isOpen = open?.taskId === task.taskId;
                return (
                  <Fragment key={task.taskId}>
                    <tr data-testid="inbox-row" data-record-id={task.recordId}>
                      <td data-label={t('approvals.record')}>
                        {entity ? <a href={`#/${entity['x-plural']}/${task.recordId}`} data-testid="inbox-record">{task.record?.title ?? titles[task.recordId] ?? t('record.untitled')}</a> : (task.record?.title ?? t('record.untitled'))}
                        {entity && task.record && task.record.summary.length > 0 && (
                          <dl className="t-inbox-summary t-muted" data-testid="inbox-summary">
                            {task.record.summary.map(({ field, value }) => {
                              const def = entity.properties[field];
                              const shown = def ? formatCell(def, value, locale, [t('list.yes'), t('list.no')]) : String(value ?? '');
                              return <div key={field} data-testid={`inbox-summary-${field}`}><dt>{def ? localize(def['x-label'], locale) : field}</dt><dd>{shown || '—'}</dd></div>;
                            })}
                          </dl>
                        )}
                      </td>
                      <td data-label={t('approvals.entity')}>{entity ? localize(entity['x-label'], locale) : task.entity}</td>
                      <td data-label={t('approvals.step')}>{stepLabel(app, task.entity, task.step, locale)}</td>
                      <td data-label={t('approvals.submitter')}>
                        {names[task.submitter] ?? '…'}
                        {task.delegatedFrom && <div className="t-muted">{t('approvals.delegatedFrom', { name: names[task.delegatedFrom] ?? '…' })}</div>}
                      </td>
                      <td data-label={t('approvals.when')}><time dateTime={task.createdAt} title={new Date(task.createdAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US')}>{timeAgo(task.createdAt, now, locale)}</time></td>
                      <td className="t-actions">
                        {VERBS.map((verb) => (
                          <button key={verb} type="button" className={verb === 'approve' ? 't-btn t-btn-primary' : 't-btn'} data-testid={`inbox-${verb}`}
                            aria-expanded={isOpen && open?.verb === verb} onClick={() => setOpen(isOpen && open?.verb === verb ? undefined : { taskId: task.taskId, verb })}>
                            {t(`approvals.${verb}`)}
                          </button>
                        ))}
                      </td>
                    </tr>
                    {isOpen && open && (
                      <tr className="t-approval-form-row">
                        <td colSpan={6}>
                          <ApprovalActionForm key={open.verb} app={app} task={task} verb={open.verb} userId={userId} onSubmit={(body) => void act(task, open.verb, body)} onCancel={() => setOpen(undefined)} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
