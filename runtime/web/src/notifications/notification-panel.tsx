import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import type { AppNotification } from '../api/inbox-api';
import { toLocale } from '../meta/localize';
import { timeAgo } from './time-ago';

export type NotificationFilter = 'all' | 'unread' | 'reminders';
const FILTERS: NotificationFilter[] = ['all', 'unread', 'reminders'];

export interface NotificationPanelProps {
  app?: AppDefinition;
  items?: AppNotification[];
  error?: string;
  filter: NotificationFilter;
  unread: number;
  onFilter: (filter: NotificationFilter) => void;
  onMarkRead: (id: string) => void;
  onMarkAll: () => void;
  onOpen: (id: string) => void;
  onClose: () => void;
}

/** The bell's dropdown: recent notifications (all, unread, or my reminders), each linking to its record. */
export function NotificationPanel({ app, items, error, filter, unread, onFilter, onMarkRead, onMarkAll, onOpen, onClose }: NotificationPanelProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const now = new Date();
  const hrefOf = (n: AppNotification) => {
    const entity = n.entity && app?.entities.find((e) => e['x-name'] === n.entity);
    return entity && n.recordId ? `#/${entity['x-plural']}/${n.recordId}` : undefined;
  };
  return (
    <div className="t-bell-panel t-card" role="dialog" aria-label={t('notifications.title')} data-testid="notifications-panel">
      <div className="t-card-header">
        <h3>{t('notifications.title')}</h3>
        <div className="t-actions">
          <button type="button" className="t-btn t-btn-ghost" data-testid="notifications-read-all" disabled={unread === 0} onClick={onMarkAll}>{t('notifications.markAllRead')}</button>
          <button type="button" className="t-btn t-btn-ghost" aria-label={t('notifications.close')} onClick={onClose}>×</button>
        </div>
      </div>
      <div role="radiogroup" aria-label={t('notifications.title')} className="t-bell-filters">
        {FILTERS.map((f) => (
          <button key={f} type="button" role="radio" aria-checked={filter === f} className={filter === f ? 't-btn t-btn-primary' : 't-btn'} data-testid={`notifications-filter-${f}`} onClick={() => onFilter(f)}>
            {t(`notifications.${f}`)}
          </button>
        ))}
      </div>
      {error && <p className="t-field-note t-danger" role="alert">{error}</p>}
      {items?.length === 0 && <p className="t-empty" data-testid="notifications-empty">{t('notifications.empty')}</p>}
      <ul className="t-bell-list">
        {items?.map((n) => {
          const href = hrefOf(n);
          return (
            <li key={n.id} className={n.readAt ? 't-read' : 't-unread'} data-testid="notification-item">
              <div className="t-bell-subject">{n.subject ?? n.body.split('\n')[0]}</div>
              {n.subject && <div className="t-bell-body">{n.body}</div>}
              <div className="t-muted">
                <time dateTime={n.createdAt} title={new Date(n.createdAt).toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US')}>{timeAgo(n.createdAt, now, locale)}</time>
                {href && <> · <a href={href} data-testid="notification-open" onClick={() => onOpen(n.id)}>{t('notifications.open')}</a></>}
                {!n.readAt && <> · <button type="button" className="t-link" data-testid="notification-mark-read" onClick={() => onMarkRead(n.id)}>{t('notifications.markRead')}</button></>}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
