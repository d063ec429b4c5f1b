import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, setUnauthorizedListener } from '../api/client';
import type { SessionUser } from '../api/types';

const SESSION_EXPIRED_NOTICE = '登录已超时，请重新登录';

interface AuthState {
  /** undefined while the session is being checked at start. */
  user: SessionUser | null | undefined;
  /** Shown on the login page after the server ended the session (any 401). */
  notice: string | undefined;
  login(username: string, password: string): Promise<SessionUser>;
  logout(): Promise<void>;
  setUser(user: SessionUser): void;
  can(permission: string): boolean;
}

const AuthContext = createContext<AuthState | undefined>(undefined);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUserState] = useState<SessionUser | null | undefined>(undefined);
  const [notice, setNotice] = useState<string>();
  const userRef = useRef(user);
  useEffect(() => {
    userRef.current = user;
  }, [user]);

  useEffect(() => {
    // The session idles out after 30 minutes on the server; whatever call finds out first ends it here.
    setUnauthorizedListener((error, path) => {
      if (path === '/auth/login' || error.code === 'AUTH_INVALID_CREDENTIALS') return;
      const wasSignedIn = Boolean(userRef.current);
      if (wasSignedIn || error.code === 'AUTH_SESSION_EXPIRED') setNotice(SESSION_EXPIRED_NOTICE);
      setUserState(null);
    });
    api
      .get<{ user: SessionUser }>('/auth/me')
      .then((r) => setUserState(r.user))
      .catch(() => setUserState((current) => (current === undefined ? null : current)));
    return () => setUnauthorizedListener(undefined);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const r = await api.post<{ user: SessionUser }>('/auth/login', { username, password });
    setNotice(undefined);
    setUserState(r.user);
    return r.user;
  }, []);

  const logout = useCallback(async () => {
    await api.post('/auth/logout').catch(() => undefined);
    setNotice(undefined);
    setUserState(null);
  }, []);

  const value = useMemo<AuthState>(
    () => ({
      user,
      notice,
      login,
      logout,
      setUser: setUserState,
      can: (permission) => Boolean(user?.permissions.includes(permission)),
    }),
    [user, notice, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

/** The signed-in user, for pages that only render inside the shell. */
export function useSessionUser(): SessionUser {
  const { user } = useAuth();
  if (!user) throw new Error('useSessionUser without a session');
  return user;
}
