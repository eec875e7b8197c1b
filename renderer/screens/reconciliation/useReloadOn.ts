import { useEffect, useRef } from 'react';

/** Asks a loaded query again whenever `version` moves on (after an import, a resolution or a sign-off), not on mount. */
export function useReloadOn(version: number, reload: () => void): void {
  const shown = useRef(version);
  useEffect(() => {
    if (shown.current === version) return;
    shown.current = version;
    reload();
  }, [version, reload]);
}
