import { useEffect } from 'react';
import { parseHash, type Route } from './use-hash-route';

/** Whether the hash names no screen (`#/` or nothing): the user just signed in or opened the bare URL. */
export const isEmptyRoute = (route: Route): boolean => !route.plural && !route.dashboard && !route.approvals && !route.admin && !route.calendar && !route.recycleBin && !route.reports;

/**
 * Sends a user who opened no particular screen to their landing page (from the capabilities: a
 * page they may read). `replace`, so Back does not return to the empty hash and bounce again.
 */
export function useLanding(route: Route, landing: string | undefined): void {
  const empty = isEmptyRoute(route);
  useEffect(() => {
    // The hash now, not at the last render: a link opened while the capabilities loaded wins.
    if (empty && landing && isEmptyRoute(parseHash(window.location.hash))) window.location.replace(landing);
  }, [empty, landing]);
}
