import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppDefinition } from '@tessera/metadata';
import { requestJson } from '../api/request-json';

export interface AppMetaState {
  /** `timeZone`: the app's IANA time zone (the calendar's days). */
  meta?: { version: number; app: AppDefinition; timeZone?: string };
  error?: Error;
  refresh: () => Promise<void>;
}

/**
 * The published app definition. Re-fetched when the window regains focus, so a publish made
 * in the designer (another tab) shows up here without a reload or a server restart.
 */
export function useAppMeta(): AppMetaState {
  const [meta, setMeta] = useState<AppMetaState['meta']>();
  const [error, setError] = useState<Error>();
  const inFlight = useRef(false);

  const refresh = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      const next = await requestJson<{ version: number; app: AppDefinition; timeZone?: string }>('/api/_meta/app');
      // Keep the old object when nothing changed, so forms being edited are not reset on focus.
      setMeta((prev) => (prev && prev.version === next.version ? prev : next));
      setError(undefined);
    } catch (e) {
      setError(e as Error);
    } finally {
      inFlight.current = false;
    }
  }, []);

  useEffect(() => {
    void refresh();
    const onFocus = () => void refresh();
    const onVisible = () => document.visibilityState === 'visible' && void refresh();
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [refresh]);

  return { meta, error, refresh };
}
