import { useTranslation } from 'react-i18next';
import { toLocale } from '../meta/localize';
import { cascadeList } from './cascade-text';
import type { CascadePreview } from './recycle-bin-api';

/**
 * The sentence of a delete dialog that says what else goes: "This also moves to the recycle
 * bin: 3 contacts, 2 opportunities." — or that nothing else does, or what refuses the delete.
 * Counts only: the names of records the user may not read never reach the page.
 */
export function CascadeNote({ preview, loading }: { preview?: CascadePreview; loading: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  if (loading && !preview) return <p className="t-muted" data-testid="delete-cascade" aria-busy="true">{t('recycleBin.counting')}</p>;
  if (!preview) return <p data-testid="delete-cascade">{t('record.deleteText')}</p>;
  if (preview.blockedBy.length > 0) return <p className="t-error" role="alert" data-testid="delete-blocked">{t('recycleBin.blocked', { list: cascadeList(preview.blockedBy, locale) })}</p>;
  const list = cascadeList(preview.children, locale);
  const key = preview.recycleBin ? (list ? 'recycleBin.alsoBin' : 'recycleBin.toBin') : list ? 'recycleBin.alsoGone' : 'record.deleteText';
  return <p data-testid="delete-cascade">{t(key, { list })}</p>;
}
