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
  /** `#/{plural}/new?customer=<id>`: field values a new record starts with (a related list's parent). */
  prefill?: Record<string, string>;
}

// Plurals start with a letter, so `_dashboard` never names an entity; ids are UUIDs, never `board`.
const DASHBOARD = '_dashboard';
const APPROVALS = '_approvals';
const ADMIN = '_admin';

export function parseHash(hash: string): Route {
  const [path, search] = splitOnce(hash.replace(/^#\/?/, ''), '?');
  const [plural, second] = path.split('/').map(decodeURIComponent);
  if (!plural) return {};
  if (plural === DASHBOARD) return { dashboard: true };
  if (plural === APPROVALS) return { approvals: true };
  if (plural === ADMIN) return { admin: true };
  if (second === 'new') {
    const prefill = Object.fromEntries(new URLSearchParams(search));
    return Object.keys(prefill).length ? { plural, isNew: true, prefill } : { plural, isNew: true };
  }
  if (second === 'board') return { plural, board: true };
  return second ? { plural, recordId: second } : { plural };
}

export function routeToHash(route: Route): string {
  if (route.dashboard) return `#/${DASHBOARD}`;
  if (route.approvals) return `#/${APPROVALS}`;
  if (route.admin) return `#/${ADMIN}`;
  if (!route.plural) return '#/';
  const plural = encodeURIComponent(route.plural);
  if (route.isNew) {
    const search = new URLSearchParams(route.prefill).toString();
    return search ? `#/${plural}/new?${search}` : `#/${plural}/new`;
  }
  if (route.board) return `#/${plural}/board`;
  return route.recordId ? `#/${plural}/${encodeURIComponent(route.recordId)}` : `#/${plural}`;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
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
