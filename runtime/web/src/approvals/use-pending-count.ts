import { useCallback, useState } from 'react';
import { inboxApi } from '../api/inbox-api';
import { usePoll } from '../shell/use-poll';

/** How many approvals wait for the user (200 means "200 or more"); polled, and on navigation. */
export function usePendingCount(routeKey: string): { count: number; more: boolean; refresh: () => void } {
  const [state, setState] = useState({ count: 0, more: false });
  const refresh = useCallback(() => {
    inboxApi.inbox().then((page) => setState({ count: page.data.length, more: page.next !== null }), () => undefined);
  }, []);
  usePoll(refresh, routeKey);
  return { ...state, refresh };
}
