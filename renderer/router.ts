import { useSyncExternalStore } from 'react';

/**
 * Hash routing: `#/pengguna` survives a reload whether the page came from `sipeka serve` or
 * from a file inside the desktop app, and needs no server-side routes.
 */
export function useRoutePath(): string {
  return useRouteSegments()[0] ?? '';
}

/** What follows the screen's own path: `#/wajib-pajak/123` gives `['123']` to the taxpayers screen. */
export function useRouteRest(): string[] {
  return useRouteSegments().slice(1);
}

export function navigate(path: string): void {
  window.location.hash = hrefTo(path);
}

function useRouteSegments(): string[] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return (hash.replace(/^#\/?/, '').split('?')[0] ?? '').split('/').filter(Boolean);
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
