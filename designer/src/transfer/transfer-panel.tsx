import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import { exportPackage, importPackage } from '../api/meta-api';
import { localize } from '../localize';

/**
 * Export published entities as one JSON package (downloaded as a file) and import a package
 * into the draft; the import then goes through the normal plan and publish path.
 */
export function TransferPanel({ draft, published, onImported }: { draft: AppDefinition; published: AppDefinition; onImported: (app: AppDefinition) => void }) {
  const { t, i18n } = useTranslation();
  const [chosen, setChosen] = useState<string[]>([]);
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const download = async () => {
    const answer = await exportPackage(chosen);
    if (!answer.ok) return setMessage({ ok: false, text: answer.message });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([JSON.stringify(answer.value, null, 2)], { type: 'application/json' }));
    link.download = `${published.name}-${chosen.join('-')}.tessera.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const upload = async (file: File | undefined) => {
    if (!file) return;
    let pkg: unknown;
    try { pkg = JSON.parse(await file.text()); } catch { return setMessage({ ok: false, text: t('transfer.notJson') }); }
    const answer = await importPackage(draft, pkg);
    if (!answer.ok) return setMessage({ ok: false, text: answer.message });
    onImported(answer.value.app);
    setMessage({ ok: true, text: t('transfer.imported', { names: answer.value.added.join(', ') }) });
  };
  return (
    <section className="d-panel" data-testid="transfer" aria-labelledby="d-transfer-title">
      <h2 id="d-transfer-title">{t('transfer.heading')}</h2>
      <fieldset className="d-options"><legend>{t('transfer.pick')}</legend>
        {published.entities.map((e) => (
          <label key={e['x-name']} className="d-check">
            <input type="checkbox" data-testid={`export-${e['x-name']}`} checked={chosen.includes(e['x-name'])}
              onChange={(ev) => setChosen(ev.target.checked ? [...chosen, e['x-name']] : chosen.filter((n) => n !== e['x-name']))} />
            {localize(e['x-label'], i18n.language)}
          </label>
        ))}
      </fieldset>
      <div className="d-actions">
        <button type="button" className="d-btn" data-testid="export" disabled={!chosen.length} onClick={() => void download()}>{t('transfer.export')}</button>
        <label className="d-btn">{t('transfer.import')}
          <input type="file" accept="application/json,.json" className="t-visually-hidden" data-testid="import-file" onChange={(e) => void upload(e.target.files?.[0])} />
        </label>
      </div>
      {message && <p className={message.ok ? 'd-hint' : 'd-error'} role={message.ok ? 'status' : 'alert'} data-testid="transfer-message">{message.text}</p>}
    </section>
  );
}
