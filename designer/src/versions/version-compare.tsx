import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchVersion } from '../api/meta-api';
import { diffVersions, showValue, type VersionDiff } from './diff-versions';

/** Pick two published versions and see what changed between them, down to field attributes. */
export function VersionCompare({ latest }: { latest: number }) {
  const { t } = useTranslation();
  const versions = Array.from({ length: latest }, (_, i) => latest - i);
  const [from, setFrom] = useState(Math.max(1, latest - 1));
  const [to, setTo] = useState(latest);
  const [diff, setDiff] = useState<VersionDiff>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const compare = async () => {
    setLoading(true);
    setError(undefined);
    const [a, b] = await Promise.all([fetchVersion(from), fetchVersion(to)]);
    setLoading(false);
    if (!a.ok) return setError(a.message);
    if (!b.ok) return setError(b.message);
    setDiff(diffVersions(a.value.app, b.value.app));
  };
  const pick = (id: string, value: number, set: (n: number) => void) => (
    <select data-testid={id} value={value} onChange={(e) => { set(Number(e.target.value)); setDiff(undefined); }}>
      {versions.map((v) => <option key={v} value={v}>v{v}</option>)}
    </select>
  );
  if (latest < 2) return null;
  return (
    <div data-testid="version-compare">
      <h3>{t('versions.compare')}</h3>
      <div className="d-version-compare">
        <label className="d-label">{t('versions.compareFrom')}{pick('compare-from', from, setFrom)}</label>
        <label className="d-label">{t('versions.compareTo')}{pick('compare-to', to, setTo)}</label>
        <button type="button" className="d-btn" data-testid="compare-run" disabled={loading || from === to} onClick={() => void compare()}>{t('versions.compareRun')}</button>
      </div>
      {error && <p className="d-error" role="alert">{error}</p>}
      {diff && (diff.entities.length + diff.workflows.length === 0 ? <p className="d-hint" data-testid="compare-none">{t('versions.compareNone')}</p> : (
        <ul className="d-diff" data-testid="compare-diff">
          {diff.entities.map((e) => (
            <li key={`e-${e.entity}`} className={`d-diff-${e.change}`}>
              {t(`versions.${e.change}`)} {t('versions.entity')} <code>{e.entity}</code>{e.from && ` (${e.from} → ${e.entity})`}
              {e.fields.length > 0 && <ul>{e.fields.map((f) => (
                <li key={`${f.field}-${f.change}`} className={`d-diff-${f.change}`}>
                  {f.field ? <>{t(`versions.${f.change}`)} <code>{f.field}</code>{f.from && ` (${f.from} → ${f.field})`}</> : t('versions.entityAttributes')}
                  {f.attributes.length > 0 && <ul>{f.attributes.map((a) => <li key={a.key} className="d-diff-attr"><code>{a.key}</code>: {showValue(a.before)} → {showValue(a.after)}</li>)}</ul>}
                </li>
              ))}</ul>}
            </li>
          ))}
          {diff.workflows.map((w) => (
            <li key={`w-${w.workflow}`} className={`d-diff-${w.change}`}>
              {t(`versions.${w.change}`)} {t('versions.workflow')} <code>{w.workflow}</code>
              {w.items.length > 0 && <ul>{w.items.map((i) => <li key={`${i.what}-${i.name}`} className={`d-diff-${i.change}`}>{t(`versions.${i.change}`)} {t(`versions.what.${i.what}`)} <code>{i.name}</code></li>)}</ul>}
            </li>
          ))}
        </ul>
      ))}
    </div>
  );
}
