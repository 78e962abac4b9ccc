import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import { inboxApi, type AppNotification } from '../api/inbox-api';
import { usePoll } from '../shell/use-poll';
import { NotificationPanel, type NotificationFilter } from './notification-panel';

export interface NotificationBellProps {
  app?: AppDefinition;
  /** Changes on navigation: the count is re-read then, besides every 30 s. */
  routeKey: string;
}

/** The header's bell: the unread count, and a panel of recent notifications to open or mark read. */
export function NotificationBell({ app, routeKey }: NotificationBellProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [filter, setFilter] = useState<NotificationFilter>('all');
  const [unread, setUnread] = useState(0);
  const [items, setItems] = useState<AppNotification[]>();
  const [error, setError] = useState<string>();
  const button = useRef<HTMLButtonElement>(null);
  const root = useRef<HTMLDivElement>(null);

  const load = useCallback(async () => {
    try {
      const page = await inboxApi.notifications({ unread: filter === 'unread', reminders: filter === 'reminders' });
      setUnread(page.unread);
      setItems(page.data);
      setError(undefined);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [filter]);
  usePoll(load, `${routeKey}|${filter}|${open}`);

  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => root.current && !root.current.contains(e.target as Node) && setOpen(false);
    // On the document, not the panel: a button that just disabled itself (mark all read) drops the focus to <body>.
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, close]);

  async function markRead(id: string) {
    setItems((list) => list?.map((n) => (n.id === id ? { ...n, readAt: new Date().toISOString() } : n)));
    setUnread((n) => Math.max(0, n - 1));
    try { await inboxApi.markRead(id); } catch (e) { setError((e as Error).message); }
    void load();
  }
  async function markAll() {
    try { await inboxApi.markAllRead(); } catch (e) { setError((e as Error).message); }
    void load();
  }

  return (
    <div className="t-bell" ref={root}>
      <button type="button" ref={button} className="t-btn t-btn-ghost t-bell-button" data-testid="notifications-bell" aria-haspopup="dialog" aria-expanded={open}
        aria-label={unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')} onClick={() => setOpen((o) => !o)}>
        {/* An inline icon: an emoji bell depends on the system's fonts. */}
        <svg aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" /><path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
        {unread > 0 && <span className="t-count" data-testid="notifications-unread" aria-hidden="true">{unread > 99 ? '99+' : unread}</span>}
      </button>
      {open && (
        <NotificationPanel app={app} items={items} error={error} filter={filter} unread={unread} onFilter={setFilter}
          onMarkRead={(id) => void markRead(id)} onMarkAll={() => void markAll()} onOpen={(id) => { void markRead(id); setOpen(false); }} onClose={close} />
      )}
    </div>
  );
}
