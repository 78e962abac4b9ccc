import { useTranslation } from 'react-i18next';
import type { SignedInUser } from '../api/auth-api';

/** Who is signed in, and the way out. */
export function UserMenu({ user, onLogout }: { user: SignedInUser; onLogout: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="t-user" data-testid="user-menu">
      <span className="t-user-name" title={t('auth.signedInAs', { name: user.username })} data-testid="user-name">{user.displayName}</span>
      <button type="button" className="t-btn t-btn-ghost" data-testid="logout" onClick={onLogout}>{t('auth.signOut')}</button>
    </div>
  );
}
