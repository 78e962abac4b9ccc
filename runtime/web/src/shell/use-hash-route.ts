import { useCallback, useEffect, useState } from 'react';

/** Where the user is: `#/{plural}`, `#/{plural}/new`, `#/{plural}/board`, `#/{plural}/{id}` or `#/_dashboard`. */
export interface Route {
  plural?: string;
  recordId?: string;
  isNew?: boolean;
  board?: boolean;
  /** `#/{plural}/import`: the import screen. */
  importing?: boolean;
  /** `#/{plural}/pool`: the entity's public pool (公海), to claim from. */
  pool?: boolean;
  dashboard?: boolean;
  /** `#/_approvals`: the approver's inbox. */
  approvals?: boolean;
  /** `#/_calendar`: the app's calendar views as one calendar. */
  calendar?: boolean;
  /** `#/_reports?id=`: the report builder, optionally with a saved report open. */
  reports?: boolean;
  reportId?: string;
  /** `#/_admin`: users, departments and teams (admins only). */
  admin?: boolean;
  /** `#/_recycle-bin?entity={plural}`: deleted records to restore. */
  recycleBin?: boolean;
  binOf?: string;
  /** `#/{plural}/new?customer=<id>`: field values a new record starts with (a related list's parent). */
  prefill?: Record<string, string>;
}

// Plurals start with a letter, so `_dashboard` never names an entity; ids are UUIDs, never `board`.
const DASHBOARD = '_dashboard';
const APPROVALS = '_approvals';
const ADMIN = '_admin';
const CALENDAR = '_calendar';
const RECYCLE_BIN = '_recycle-bin';
const REPORTS = '_reports';

export function parseHash(hash: string): Route {
  const [path, search] = splitOnce(hash.replace(/^#\/?/, ''), '?');
  const [plural, second] = path.split('/').map(decodeURIComponent);
  if (!plural) return {};
  if (plural === DASHBOARD) return { dashboard: true };
  if (plural === APPROVALS) return { approvals: true };
  if (plural === ADMIN) return { admin: true };
  if (plural === CALENDAR) return { calendar: true };
  if (plural === REPORTS) {
    const reportId = new URLSearchParams(search).get('id');
    return reportId ? { reports: true, reportId } : { reports: true };
  }
  if (plural === RECYCLE_BIN) {
    const binOf = new URLSearchParams(search).get('entity');
    return binOf ? { recycleBin: true, binOf } : { recycleBin: true };
  }
  if (second === 'new') {
    const prefill = Object.fromEntries(new URLSearchParams(search));
    return Object.keys(prefill).length ? { plural, isNew: true, prefill } : { plural, isNew: true };
  }
  if (second === 'board') return { plural, board: true };
  if (second === 'import') return { plural, importing: true };
  if (second === 'pool') return { plural, pool: true };
  return second ? { plural, recordId: second } : { plural };
}

export function routeToHash(route: Route): string {
  if (route.dashboard) return `#/${DASHBOARD}`;
  if (route.approvals) return `#/${APPROVALS}`;
  if (route.admin) return `#/${ADMIN}`;
  if (route.calendar) return `#/${CALENDAR}`;
  if (route.reports) return route.reportId ? `#/${REPORTS}?id=${encodeURIComponent(route.reportId)}` : `#/${REPORTS}`;
  if (route.recycleBin) return route.binOf ? `#/${RECYCLE_BIN}?entity=${encodeURIComponent(route.binOf)}` : `#/${RECYCLE_BIN}`;
  if (!route.plural) return '#/';
  const plural = encodeURIComponent(route.plural);
  if (route.isNew) {
    const search = new URLSearchParams(route.prefill).toString();
    return search ? `#/${plural}/new?${search}` : `#/${plural}/new`;
  }
  if (route.board) return `#/${plural}/board`;
  if (route.importing) return `#/${plural}/import`;
  if (route.pool) return `#/${plural}/pool`;
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
