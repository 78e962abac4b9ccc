import { useTranslation } from 'react-i18next';

/**
 * Instead of a screen the user may not see (an entity their role cannot read, the dashboard or
 * administration without access, a page the app does not have): what happened in their words, and the way to their start page.
 */
export function NoAccess({ what, missing = false, home }: { what?: string; missing?: boolean; home?: string }) {
  const { t } = useTranslation();
  return (
    <div className="t-card t-no-access" role="alert" data-testid="no-access">
      <h2>{t(missing ? 'access.missingTitle' : 'access.title')}</h2>
      <p>{missing ? t('access.notFound') : what ? t('access.entity', { entity: what }) : t('access.page')}</p>
      {!missing && <p className="t-muted">{t('access.ask')}</p>}
      {home && <a className="t-btn" data-testid="no-access-home" href={home}>{t('access.home')}</a>}
    </div>
  );
}
