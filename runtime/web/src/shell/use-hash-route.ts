import { useCallback, useEffect, useState } from 'react';

/** Where the user is: `#/{plural}`, `#/{plural}/new` or `#/{plural}/{id}`. */
export interface Route {
  plural?: string;
  recordId?: string;
  isNew?: boolean;
}

export function parseHash(hash: string): Route {
  const [plural, second] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (!plural) return {};
  if (second === 'new') return { plural, isNew: true };
  return second ? { plural, recordId: second } : { plural };
}

export function routeToHash(route: Route): string {
  if (!route.plural) return '#/';
  const plural = encodeURIComponent(route.plural);
  if (route.isNew) return `#/${plural}/new`;
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
