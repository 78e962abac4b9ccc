import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { recordsApi, type HistoryEntry } from '../api/records-api';
import { localize, toLocale } from '../meta/localize';
import { formatCell } from '../records/format-cell';

/** The audit trail of one record, newest first: who changed what, from what, to what. */
export function RecordTimeline({ entity, recordId, reloadKey }: { entity: EntityDefinition; recordId: string; reloadKey: number }) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const [entries, setEntries] = useState<HistoryEntry[]>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    recordsApi.history(entity['x-plural'], recordId).then((h) => live && setEntries([...h].reverse()), (e: Error) => live && setError(e.message));
    return () => { live = false; };
  }, [entity, recordId, reloadKey]);

  if (error) return null;
  const when = new Intl.DateTimeFormat(locale === 'zh' ? 'zh-CN' : 'en-US', { dateStyle: 'medium', timeStyle: 'short' });
  const show = (field: string, value: unknown) => {
    const def = entity.properties[field];
    const text = def ? formatCell(def, value, locale, [t('list.yes'), t('list.no')]) : value === null || value === undefined ? '' : String(value);
    return text || t('timeline.empty');
  };
  return (
    <section className="t-card t-timeline" data-testid="timeline">
      <h3>{t('timeline.title')}</h3>
      {entries?.length === 0 && <p className="t-empty">{t('timeline.none')}</p>}
      <ol>
        {entries?.map((entry) => (
          <li key={entry.id} data-testid="timeline-entry">
            <div className="t-muted">
              <strong>{entry.action.startsWith('approval.') ? t(`approvals.actionsLog.${entry.action.slice('approval.'.length)}`, { defaultValue: entry.action }) : t(`timeline.actions.${entry.action}`, { defaultValue: entry.action })}</strong>
              {' · '}{entry.actor ? entry.actor.displayName ?? entry.actor.username : t('timeline.system')}{' · '}<time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>
            </div>
            {entry.action !== 'insert' && entry.action !== 'create' && (
              <ul>
                {entry.changes.filter((c) => entity.properties[c.field]).map((c) => (
                  <li key={c.field} data-testid="timeline-change">
                    {localize(entity.properties[c.field]['x-label'], locale)}: <del>{show(c.field, c.old)}</del> → <ins>{show(c.field, c.new)}</ins>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
