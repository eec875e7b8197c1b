import { useEffect } from 'react';

/** How often the monitoring screen asks again while it is visible. */
export const POLL_MS = 1500;

/** Calls `reload` every POLL_MS while the tab is visible: short polling keeps the counts live without server push. */
export function usePolling(reload: () => void): void {
  useEffect(() => {
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') reload();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
}
