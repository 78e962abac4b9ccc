import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error';
import { authApi, type SignedInUser } from '../api/auth-api';
import { LanguageSwitch } from '../shell/language-switch';

/** Username (or email) and password; the server's lockout and wrong-password answers shown in the UI's language. */
export function LoginScreen({ onSignedIn }: { onSignedIn: (user: SignedInUser) => void }) {
  const { t } = useTranslation();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onSignedIn(await authApi.login(username, password));
    } catch (e) {
      const code = e instanceof ApiError ? e.code : '';
      setError(code === 'invalid_credentials' ? t('auth.invalid') : code === 'locked' ? t('auth.locked') : t('errors.network', { message: (e as Error).message }));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="t-login">
      <form className="t-card t-login-card" onSubmit={(e) => void submit(e)} data-testid="login-form">
        <div className="t-login-head">
          <h1><span className="t-logo" aria-hidden="true">◆</span> {t('auth.title')}</h1>
          <LanguageSwitch />
        </div>
        {error && <div className="t-banner t-banner-error" role="alert" data-testid="login-error">{error}</div>}
        <label className="t-login-field">
          <span>{t('auth.username')}</span>
          <input className="form-control" data-testid="login-username" autoComplete="username" autoFocus required value={username} onChange={(e) => setUsername(e.target.value)} />
        </label>
        <label className="t-login-field">
          <span>{t('auth.password')}</span>
          <input className="form-control" data-testid="login-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        <button type="submit" className="t-btn t-btn-primary t-login-submit" data-testid="login-submit" disabled={busy}>
          {busy ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
    </div>
  );
}
