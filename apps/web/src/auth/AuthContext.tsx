import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Action } from '@phongdich/contracts';
import { api, ApiError } from '../api/client';
import type { Me } from '../api/types';

interface AuthState {
  /** undefined while the first /api/auth/me is in flight; null when signed out. */
  me: Me | null | undefined;
  setMe: (me: Me | null) => void;
  signOut: () => Promise<void>;
  can: (action: Action) => boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  useEffect(() => {
    api
      .get<{ account: Me }>('/api/auth/me')
      .then((r) => setMe(r.account))
      .catch((e: unknown) => {
        if (!(e instanceof ApiError) || e.status !== 401) console.warn('auth/me failed', e);
        setMe(null);
      });
  }, []);

  const signOut = useCallback(async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    setMe(null);
  }, []);

  const value = useMemo<AuthState>(
    () => ({ me, setMe, signOut, can: (a) => !!me?.permissions.includes(a) }),
    [me, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
