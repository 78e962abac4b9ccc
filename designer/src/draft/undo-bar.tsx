import { useTranslation } from 'react-i18next';

/** Undo and redo buttons; the shortcuts live in useDraft so they work wherever focus is. */
export function UndoBar({ canUndo, canRedo, onUndo, onRedo }: { canUndo: boolean; canRedo: boolean; onUndo: () => void; onRedo: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="d-undo" role="group" aria-label={t('undo.group')}>
      <button type="button" className="d-btn" data-testid="undo" disabled={!canUndo} onClick={onUndo} title={t('undo.undoHint')}>↶ {t('undo.undo')}</button>
      <button type="button" className="d-btn" data-testid="redo" disabled={!canRedo} onClick={onRedo} title={t('undo.redoHint')}>↷ {t('undo.redo')}</button>
    </div>
  );
}
