import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Out } from '../shared/api/index';
import type { Language } from '../shared/errors';
import { api, type ApiError, whenSessionLost } from './api/client';
import { currentLanguage, rememberLanguage, showLanguage, storedLanguage, takePickedBeforeSignIn } from './i18n';
import { clearRoute } from './router';

export type SessionUser = NonNullable<Out<'auth.state'>['user']>;

/** Where the person is: the app shows the setup page, the login page or the shell accordingly. */
export type Phase =
  | { kind: 'loading' }
  | { kind: 'unreachable'; error: unknown }
  | { kind: 'setup' }
  | { kind: 'signedOut' }
  | { kind: 'signedIn'; user: SessionUser };

export interface Session {
  phase: Phase;
  agencyName: string;
  /** The agency's zone (settings), in which every instant is shown. */
  timeZone: string;
  /** Why the login page is showing again, e.g. the session expired after inactivity. */
  signedOutBecause: ApiError | null;
  refresh(): Promise<void>;
  signedIn(user: SessionUser): Promise<void>;
  logout(): Promise<void>;
  switchLanguage(lang: Language): Promise<void>;
}

const DEFAULT_TIME_ZONE = 'Asia/Jakarta';
const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [agencyName, setAgencyName] = useState('');
  const [timeZone, setTimeZone] = useState(DEFAULT_TIME_ZONE);
  const [signedOutBecause, setSignedOutBecause] = useState<ApiError | null>(null);

  const refresh = useCallback(async () => {
    try {
      const state = await api.call('auth.state', {});
      setAgencyName(state.agencyName);
      // Every instant on screen is shown in the agency's zone, so it is known before the shell renders.
      setTimeZone(state.timezone);
      if (state.user) {
        await showLanguage(state.language);
        setPhase({ kind: 'signedIn', user: state.user });
      } else {
        await showLanguage(storedLanguage() ?? state.language);
        setPhase({ kind: state.needsSetup ? 'setup' : 'signedOut' });
      }
    } catch (error) {
      setPhase({ kind: 'unreachable', error });
    }
  }, []);

  useEffect(() => {
    whenSessionLost((error) => {
      setSignedOutBecause(error);
      setPhase({ kind: 'signedOut' });
    });
    void refresh();
  }, [refresh]);

  const signedIn = useCallback(
    async (user: SessionUser) => {
      // A language picked on the login page is what the person wants, so their account takes it.
      const shown = currentLanguage();
      if (takePickedBeforeSignIn() && user.language !== shown) await api.call('auth.setLanguage', { language: shown });
      setSignedOutBecause(null);
      await refresh();
    },
    [refresh],
  );

  // Signing out on purpose starts the next person at home; an expired session keeps the address to come back to.
  const logout = useCallback(async () => {
    await api.call('auth.logout', {});
    clearRoute();
    setSignedOutBecause(null);
    setPhase({ kind: 'signedOut' });
  }, []);

  const isSignedIn = phase.kind === 'signedIn';
  const switchLanguage = useCallback(
    async (lang: Language) => {
      await showLanguage(lang);
      rememberLanguage(lang, { beforeSignIn: !isSignedIn });
      if (isSignedIn) await api.call('auth.setLanguage', { language: lang });
    },
    [isSignedIn],
  );

  const session = useMemo(
    () => ({ phase, agencyName, timeZone, signedOutBecause, refresh, signedIn, logout, switchLanguage }),
    [phase, agencyName, timeZone, signedOutBecause, refresh, signedIn, logout, switchLanguage],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** For screens inside the shell, which only renders once someone is signed in. */
export function useSignedInUser(): SessionUser {
  const { phase } = useSession();
  if (phase.kind !== 'signedIn') throw new Error('useSignedInUser outside the shell');
  return phase.user;
}
