import { useCallback, useEffect, useRef, useState } from 'react';
import { capabilitiesApi, type Capabilities } from '../api/capabilities-api';

/**
 * What the signed-in user may do (`GET /api/_meta/capabilities`): fetched when the shell mounts
 * (after sign-in) and again when the published app's `version` changes (a publish can add
 * entities, fields and permissions), never on every focus.
 */
export function useAppCapabilities(version: number | undefined): { capabilities?: Capabilities; error?: Error } {
  const [capabilities, setCapabilities] = useState<Capabilities>();
  const [error, setError] = useState<Error>();
  const seen = useRef<number>(undefined);
  const live = useRef(true);

  const load = useCallback(() => {
    capabilitiesApi.app().then(
      (next) => { if (live.current) { setCapabilities(next); setError(undefined); } },
      (e: Error) => { if (live.current) setError(e); },
    );
  }, []);

  useEffect(() => {
    live.current = true;
    load();
    return () => { live.current = false; };
  }, [load]);

  useEffect(() => {
    if (version === undefined) return;
    if (seen.current !== undefined && seen.current !== version) load();
    seen.current = version;
  }, [version, load]);

  return { capabilities, error };
}
