import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import type { PublishResult } from '../api/designer-api';
import { problemWords } from './problem-words';

export interface PublishBarProps {
  dirty: boolean;
  publishing: boolean;
  result?: PublishResult;
  onPublish: () => void;
  onReview: () => void;
  onReload: () => void;
  onReapply: () => void;
  onMerge: () => void;
  /** The live app and the draft: problems are named by their labels, not pointers. */
  published?: AppDefinition;
  draft?: AppDefinition;
}

/**
 * Publish (straight through when the plan is all safe steps, else via the plan dialog), Review
 * plan (always the dialog), and what the last publish answered: a version, problems, or a conflict.
 */
export function PublishBar({ dirty, publishing, result, onPublish, onReview, onReload, onReapply, onMerge, published, draft }: PublishBarProps) {
  const { t, i18n } = useTranslation();
  const where = (pointer?: string) => (draft ? problemWords(pointer, published, draft, i18n.language === 'zh' ? 'zh' : 'en', (label) => t('deleteField.deleted', { label })) : undefined);
  return (
    <div className="d-publish">
      {dirty && <span className="d-chip d-chip-warn" data-testid="unsaved">{t('designer.unsaved')}</span>}
      <button type="button" className="d-btn" data-testid="plan-preview" onClick={onReview}>{t('publish.review')}</button>
      <button type="button" className="d-btn d-btn-primary" data-testid="publish" disabled={publishing} onClick={onPublish}>
        {publishing ? t('publish.publishing') : t('publish.button')}
      </button>
      {result?.ok && <div className="d-toast d-toast-ok" role="status" data-testid="publish-success">{t('publish.success', { version: result.version })}</div>}
      {result && !result.ok && (
        <div className="d-toast d-toast-error" role="alert" data-testid="publish-error">
          {result.kind === 'conflict' && (
            <>
              <p>{t('publish.conflict')}</p>
              <button type="button" className="d-btn d-btn-primary" data-testid="publish-merge" onClick={onMerge}>{t('publish.merge')}</button>{' '}
              <button type="button" className="d-btn" data-testid="publish-reapply" onClick={onReapply}>{t('publish.reapply')}</button>{' '}
              <button type="button" className="d-btn" data-testid="publish-reload" onClick={onReload}>{t('publish.reload')}</button>
            </>
          )}
          {result.kind === 'invalid' && <p>{t('publish.invalid')}</p>}
          {result.kind === 'failed' && <p>{t('publish.failed', { message: result.message })}</p>}
          {result.kind !== 'conflict' && (
            <ul>
              {(result.problems.length ? result.problems : [{ message: result.message }]).map((p, i) => (
                <li key={i}>
                  {where(p.pointer) ? <strong data-testid="problem-where">{where(p.pointer)}:</strong> : (p.pointer ?? p.field) && <code>{p.pointer ?? p.field}</code>} {p.message}
                  {p.hint && <div className="d-hint">{p.hint}</div>}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
