import { useEffect, useRef } from 'react';

export const POLL_MS = 30_000;

/**
 * Runs `load` now, whenever `key` changes (the user navigated), and every `intervalMs` while the
 * tab is visible — the header's counts without websockets. The latest `load` is always used.
 */
export function usePoll(load: () => unknown, key: unknown, intervalMs = POLL_MS): void {
  const latest = useRef(load);
  latest.current = load;
  useEffect(() => {
    void latest.current();
  }, [key]);
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void latest.current();
    }, intervalMs);
    const onVisible = () => document.visibilityState === 'visible' && void latest.current();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [intervalMs]);
}
