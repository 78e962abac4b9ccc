import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { authApi, type SignedInUser } from '../api/auth-api';
import { onSignedOut } from '../api/session-state';
import { ErrorBanner } from '../shell/error-banner';
import { LoginScreen } from './login-screen';
import { safeNextPath } from './safe-next-path';

type GateState = { kind: 'checking' } | { kind: 'signed-out' } | { kind: 'signed-in'; user: SignedInUser } | { kind: 'error'; message: string };

/** Shows the login screen until `/api/auth/me` knows the user, and again whenever the session ends. */
export function AuthGate({ children }: { children: (user: SignedInUser, logout: () => Promise<void>) => ReactNode }) {
  const { t } = useTranslation();
  const [state, setState] = useState<GateState>({ kind: 'checking' });

  useEffect(() => {
    authApi.me().then(
      (user) => setState({ kind: 'signed-in', user }),
      (e: Error) => setState(e instanceof ApiError && e.status === 401 ? { kind: 'signed-out' } : { kind: 'error', message: e.message }),
    );
    return onSignedOut(() => setState({ kind: 'signed-out' }));
  }, []);

  const signedIn = (user: SignedInUser) => {
    const next = safeNextPath(window.location.search);
    if (next) window.location.assign(next); // back to where sign-in was asked for (the designer)
    else setState({ kind: 'signed-in', user });
  };
  const logout = async () => {
    try {
      await authApi.logout();
    } finally {
      setState({ kind: 'signed-out' });
    }
  };

  if (state.kind === 'checking') return <p className="t-muted t-login">{t('app.loading')}</p>;
  if (state.kind === 'error') return <div className="t-login"><ErrorBanner message={t('errors.network', { message: state.message })} /></div>;
  if (state.kind === 'signed-out') return <LoginScreen onSignedIn={signedIn} />;
  return <>{children(state.user, logout)}</>;
}
