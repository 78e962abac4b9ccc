import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import { inboxApi, type ApprovalDetail } from '../api/inbox-api';
import { localize, toLocale } from '../meta/localize';
import { stepLabel } from './approval-labels';

export interface ApprovalHistoryProps {
  app: AppDefinition;
  entity: string;
  recordId: string;
  reloadKey: number;
}

/** Every approval chain of one record: who submitted, approved, rejected or delegated, when, and their comments. */
export function ApprovalHistory({ app, entity, recordId, reloadKey }: ApprovalHistoryProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const [chains, setChains] = useState<ApprovalDetail[]>();
  const [names, setNames] = useState<Record<string, string>>({});

  useEffect(() => {
    let live = true;
    inboxApi.approvalsOf(entity, recordId).then(async (found) => {
      if (!live) return;
      setChains(found);
      const actors = [...new Set(found.flatMap((c) => c.history.map((h) => h.actor).filter((a): a is string => Boolean(a))))];
      const users = await inboxApi.usersByIds(actors).catch(() => []);
      if (live) setNames(Object.fromEntries(users.map((u) => [u.id, u.displayName])));
    }, () => live && setChains([]));
    return () => { live = false; };
  }, [entity, recordId, reloadKey]);

  if (!chains || chains.length === 0) return null;
  const entityDef = app.entities.find((e) => e['x-name'] === entity);
  const when = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <section className="t-card t-timeline" data-testid="approval-history">
      <h3>{t('approvals.history')}</h3>
      {chains.map((chain) => (
        <div key={chain.id}>
          <p className="t-muted" data-testid="approval-status">{t(`approvals.status.${chain.status}`, { defaultValue: chain.status })}</p>
          {chain.snapshot && chain.snapshot.summary.length > 0 && (
            <p data-testid="approval-snapshot">
              <strong>{t(chain.snapshot.kind === 'approved' ? 'approvals.snapshotApproved' : 'approvals.snapshotSubmitted')}</strong>{' '}
              {chain.snapshot.summary.map((s) => `${localize(entityDef?.properties[s.field]?.['x-label'], locale) || s.field}: ${s.value === null ? '—' : String(s.value)}`).join(' · ')}
            </p>
          )}
          <ol>
            {chain.history.map((h, i) => (
              <li key={i} data-testid="approval-entry">
                <strong>{t(`approvals.actionsLog.${h.action}`, { defaultValue: h.action })}</strong>
                {h.step && <> · {stepLabel(app, entity, h.step, locale)}</>}
                {' · '}{h.actor ? t('approvals.by', { name: names[h.actor] ?? '…' }) : ''}
                {' · '}<time dateTime={h.at}>{when.format(new Date(h.at))}</time>
                {h.comment && <blockquote className="t-approval-comment" data-testid="approval-comment-text">{h.comment}</blockquote>}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}
