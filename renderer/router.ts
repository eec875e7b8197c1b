import { useSyncExternalStore } from 'react';

/**
 * Hash routing: `#/pengguna` survives a reload whether the page came from `sipeka serve` or
 * from a file inside the desktop app, and needs no server-side routes.
 */
export function useRoutePath(): string {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
}

export function hrefTo(path: string): string {
  return `#/${path}`;
}

/** Drops the address without a history entry, so the next person to sign in starts at the home screen. */
export function clearRoute(): void {
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}
