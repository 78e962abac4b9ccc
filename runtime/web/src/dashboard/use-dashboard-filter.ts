import { useCallback, useEffect, useState } from 'react';
import { dashboardHash, parseDashboardFilter, searchOfHash, type DashboardFilter } from './dashboard-filter';

const fromAddress = () => parseDashboardFilter(searchOfHash(window.location.hash));

/**
 * The dashboard's filter, kept in the address (`#/_dashboard?range=this-quarter&owner=me`) so a
 * reload or a shared link shows the same numbers. A change replaces the address rather than
 * adding a step to the history: Back leaves the dashboard, it does not undo filters one by one.
 */
export function useDashboardFilter(): [DashboardFilter, (next: DashboardFilter) => void] {
  const [filter, setFilter] = useState<DashboardFilter>(fromAddress);
  useEffect(() => {
    // A link pasted while the dashboard is open.
    const onHash = () => setFilter(fromAddress());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const change = useCallback((next: DashboardFilter) => {
    setFilter(next);
    window.history.replaceState(window.history.state, '', dashboardHash(next));
  }, []);
  return [filter, change];
}
