import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Action } from '@phongdich/contracts';
import { api, ApiError } from '../api/client';
import type { Me } from '../api/types';
import { LAST_ME, rememberMe } from './last-me';

interface AuthState {
  /** undefined while the first /api/auth/me is in flight; null when signed out. */
  me: Me | null | undefined;
  setMe: (me: Me | null) => void;
  signOut: () => Promise<void>;
  can: (action: Action) => boolean;
}

const AuthContext = createContext<AuthState | null>(null);

function lastMe(): Me | undefined {
  try {
    const last = localStorage.getItem(LAST_ME);
    return last ? (JSON.parse(last) as Me) : undefined;
  } catch {
    return undefined;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  // The last signed-in account, at once: pages open without waiting for /api/auth/me (seconds on
  // slow 3G). It only shapes the screen; the server checks the session on every request, and the
  // answer below replaces it (or signs out) as soon as it arrives.
  const [me, setMe] = useState<Me | null | undefined>(lastMe);

  useEffect(() => {
    api
      .get<{ account: Me }>('/api/auth/me')
      .then((r) => {
        rememberMe(r.account);
        setMe(r.account);
      })
      .catch((e: unknown) => {
        // Offline (the installed app opened without a network): keep the last signed-in account so
        // the scanner and citizen pages still open; the server checks the session again on sync.
        const offline = e instanceof ApiError && (e.status === 0 || e.status >= 500);
        const last = offline ? localStorage.getItem(LAST_ME) : null;
        if (!offline) localStorage.removeItem(LAST_ME);
        if (!(e instanceof ApiError) || e.status !== 401) console.warn('auth/me failed', e);
        setMe(last ? (JSON.parse(last) as Me) : null);
      });
  }, []);

  const signOut = useCallback(async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    localStorage.removeItem(LAST_ME);
    setMe(null);
  }, []);

  const remember = useCallback((next: Me | null) => {
    if (next) localStorage.setItem(LAST_ME, JSON.stringify(next));
    else localStorage.removeItem(LAST_ME);
    setMe(next);
  }, []);

  const value = useMemo<AuthState>(
    () => ({ me, setMe: remember, signOut, can: (a) => !!me?.permissions.includes(a) }),
    [me, remember, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
