import { useCallback, useEffect, useState } from 'react';

/** Where the user is: `#/{plural}`, `#/{plural}/new`, `#/{plural}/board`, `#/{plural}/{id}` or `#/_dashboard`. */
export interface Route {
  plural?: string;
  recordId?: string;
  isNew?: boolean;
  board?: boolean;
  dashboard?: boolean;
  /** `#/_approvals`: the approver's inbox. */
  approvals?: boolean;
  /** `#/_admin`: users, departments and teams (admins only). */
  admin?: boolean;
}

// Plurals start with a letter, so `_dashboard` never names an entity; ids are UUIDs, never `board`.
const DASHBOARD = '_dashboard';
const APPROVALS = '_approvals';
const ADMIN = '_admin';

export function parseHash(hash: string): Route {
  const [plural, second] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (!plural) return {};
  if (plural === DASHBOARD) return { dashboard: true };
  if (plural === APPROVALS) return { approvals: true };
  if (plural === ADMIN) return { admin: true };
  if (second === 'new') return { plural, isNew: true };
  if (second === 'board') return { plural, board: true };
  return second ? { plural, recordId: second } : { plural };
}

export function routeToHash(route: Route): string {
  if (route.dashboard) return `#/${DASHBOARD}`;
  if (route.approvals) return `#/${APPROVALS}`;
  if (route.admin) return `#/${ADMIN}`;
  if (!route.plural) return '#/';
  const plural = encodeURIComponent(route.plural);
  if (route.isNew) return `#/${plural}/new`;
  if (route.board) return `#/${plural}/board`;
  return route.recordId ? `#/${plural}/${encodeURIComponent(route.recordId)}` : `#/${plural}`;
}

/** The route lives in the URL hash so a reload or a shared link opens the same screen. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const navigate = useCallback((next: Route) => {
    window.location.hash = routeToHash(next);
  }, []);
  return [route, navigate];
}
