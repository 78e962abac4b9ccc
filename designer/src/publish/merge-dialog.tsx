import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import { fetchPublishedApp } from '../api/designer-api';
import { fetchVersion } from '../api/meta-api';
import { mergeApps, resolveMerge, type MergeConflict, type Side } from '../model/merge-apps';

export interface MergeDialogProps {
  /** The version the draft started from (the merge base). */
  baseVersion: number;
  draft: AppDefinition;
  onMerged: (live: { version: number; app: AppDefinition }, merged: AppDefinition) => void;
  onClose: () => void;
}

type Loaded = { base: AppDefinition; live: { version: number; app: AppDefinition }; conflicts: MergeConflict[] };

const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

/**
 * After a 409 version_conflict: the draft merged three ways with what was published meanwhile
 * (base = the version the draft started from, fetched as stored). Changes from both sides are
 * kept; each value both changed differently is listed with both versions and a choice (ours by
 * default). Accepting makes the merge the draft on top of the live version, to publish again.
 */
export function MergeDialog({ baseVersion, draft, onMerged, onClose }: MergeDialogProps) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>();
  const [error, setError] = useState<string>();
  const [picks, setPicks] = useState<Record<string, Side>>({});
  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [base, current] = await Promise.all([fetchVersion(baseVersion), fetchPublishedApp()]);
        if (!base.ok) throw new Error(base.message);
        if (live) setLoaded({ base: base.value.app, live: current, conflicts: mergeApps(base.value.app, draft, current.app).conflicts });
      } catch (e) {
        if (live) setError((e as Error).message);
      }
    })();
    return () => { live = false; };
  }, [baseVersion, draft]);

  const accept = () => loaded && onMerged(loaded.live, resolveMerge(loaded.base, draft, loaded.live.app, picks));
  return (
    <div className="d-modal-backdrop" onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <div className="d-modal" role="dialog" aria-modal="true" aria-labelledby="d-merge-title" data-testid="merge-dialog">
        <h2 id="d-merge-title">{loaded ? t('merge.title', { base: baseVersion, live: loaded.live.version }) : t('merge.loading')}</h2>
        {error && <p className="d-error" role="alert" data-testid="merge-error">{error}</p>}
        {loaded && loaded.conflicts.length === 0 && <p data-testid="merge-clean">{t('merge.clean')}</p>}
        {loaded && loaded.conflicts.length > 0 && (
          <>
            <p>{t('merge.conflicts', { count: loaded.conflicts.length })}</p>
            <ul className="d-merge-conflicts" data-testid="merge-conflicts">
              {loaded.conflicts.map((c, i) => (
                <li key={c.key} data-testid={`merge-conflict-${i}`}>
                  <fieldset>
                    <legend><code>{c.path}</code></legend>
                    <p className="d-hint">{t('merge.base')}: <code>{show(c.base)}</code></p>
                    {(['ours', 'theirs'] as const).map((side) => (
                      <label key={side} className="d-check">
                        <input type="radio" name={`merge-${i}`} data-testid={`merge-pick-${i}-${side}`} checked={(picks[c.key] ?? 'ours') === side}
                          onChange={() => setPicks({ ...picks, [c.key]: side })} />
                        {t(`merge.${side}`)}: <code>{show(c[side])}</code>
                      </label>
                    ))}
                  </fieldset>
                </li>
              ))}
            </ul>
          </>
        )}
        <div className="d-actions">
          <button type="button" className="d-btn d-btn-primary" data-testid="merge-accept" autoFocus disabled={!loaded} onClick={accept}>{t('merge.accept')}</button>
          <button type="button" className="d-btn" data-testid="merge-cancel" onClick={onClose}>{t('inspector.cancel')}</button>
        </div>
      </div>
    </div>
  );
}
