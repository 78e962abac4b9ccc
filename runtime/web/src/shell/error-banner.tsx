import { useTranslation } from 'react-i18next';

/** A dismissible error line above the content; the message is the server's own. */
export function ErrorBanner({ message, onClose }: { message: string; onClose?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="t-banner t-banner-error" role="alert" data-testid="error-banner">
      <span>{message || t('errors.unknown')}</span>
      {onClose && <button type="button" className="t-banner-close" aria-label="×" onClick={onClose}>×</button>}
    </div>
  );
}
