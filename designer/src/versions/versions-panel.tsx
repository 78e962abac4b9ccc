import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import { fetchHistory } from '../api/meta-api';
import type { HistoryEntry } from '../api/meta-api-types';
import { diffApps } from '../model/diff-apps';
import { PlanSteps } from '../publish/plan-steps';
import { RollbackPreview } from './rollback-preview';
import { VersionCompare } from './version-compare';

export interface VersionsPanelProps {
  published: { version: number; app: AppDefinition };
  draft: AppDefinition;
  onRolledBack: () => void;
}

/**
 * Every publish as a version with the steps it ran, the structural diff of the draft against
 * what is live, and rollback of the latest version, previewed by the server's dry run first.
 */
export function VersionsPanel({ published, draft, onRolledBack }: VersionsPanelProps) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<HistoryEntry[]>([]);
  const [error, setError] = useState<string>();
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    // Newest first, as the API answers: the entry rolled back is the first apply or rollback.
    void fetchHistory().then((r) => (r.ok ? setEntries(r.value) : setError(r.message)));
  }, [published.version]);
  const diff = diffApps(published.app, draft);
  // A purge changes no version: the rollback offered is of the latest apply or rollback.
  const latest = entries.find((e) => e.kind !== 'purge');

  return (
    <section className="d-panel" data-testid="versions" aria-labelledby="d-versions-title">
      <h2 id="d-versions-title">{t('versions.heading')}</h2>
      <h3>{t('versions.draftDiff')}</h3>
      {diff.length === 0 ? <p className="d-hint">{t('versions.noChanges')}</p> : (
        <ul className="d-diff" data-testid="draft-diff">
          {diff.map((d, i) => <li key={i} className={`d-diff-${d.change}`}>{t(`versions.${d.change}`)} <code>{d.field ? `${d.entity}.${d.field}` : d.entity}</code> {d.detail}</li>)}
        </ul>
      )}
      <VersionCompare latest={published.version} />
      {error && <p className="d-error" role="alert" data-testid="versions-error">{error}</p>}
      <ul className="d-versions">
        {entries.map((e) => (
          <li key={e.id} data-testid={`version-${e.toVersion}`}>
            <details>
              <summary>v{e.toVersion} · {e.kind === 'rollback' ? t('versions.rollbackOf', { version: e.restoresVersion }) : e.kind === 'purge' ? t('versions.purge') : t('versions.publish')} · {e.appliedBy} · {new Date(e.appliedAt).toLocaleString()}</summary>
              <PlanSteps steps={e.steps} />
            </details>
          </li>
        ))}
      </ul>
      {latest && latest.toVersion === published.version && latest.fromVersion > 0 && (
        asking ? <RollbackPreview version={published.version} onCancel={() => setAsking(false)} onDone={() => { setAsking(false); onRolledBack(); }} />
        : <button type="button" className="d-btn" data-testid="rollback" onClick={() => setAsking(true)}>{t('versions.rollbackTo', { version: latest.fromVersion })}</button>
      )}
    </section>
  );
}
