import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppDefinition } from '@tessera/metadata';
import { localize, toLocale } from '../meta/localize';
import { flatHits, isSearchShortcut, searchAll, type SearchGroup } from './search-api';

export interface GlobalSearchBoxProps {
  /** The app as this user knows it: entity and field labels. */
  app?: AppDefinition;
  onOpen(plural: string, id: string): void;
}

/** Typing pauses this long before a search is sent. */
const DEBOUNCE_MS = 200;

/**
 * The header's search: a button (and Ctrl+K / Cmd+K anywhere) opens a dialog whose box searches
 * every entity the user can read; results come grouped by entity, ↑/↓ move, Enter opens the
 * record, Escape closes. The server decides what may be found (scope, hidden fields).
 */
export function GlobalSearchBox({ app, onOpen }: GlobalSearchBoxProps) {
  const { t, i18n } = useTranslation();
  const locale = toLocale(i18n.language);
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [groups, setGroups] = useState<SearchGroup[] | undefined>();
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | undefined>();
  const asked = useRef(0);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isSearchShortcut(e)) return;
      e.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const text = q.trim();
    const ask = ++asked.current;
    if (!open || !text) {
      setGroups(undefined);
      setProblem(undefined);
      return;
    }
    const timer = setTimeout(() => {
      searchAll(text).then(
        (found) => ask === asked.current && (setGroups(found), setActive(0), setProblem(undefined)),
        (err: Error) => ask === asked.current && setProblem(err.message),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [q, open]);

  const hits = useMemo(() => flatHits(groups ?? []), [groups]);
  const close = () => {
    setOpen(false);
    setQ('');
    setGroups(undefined);
  };
  const choose = (index: number) => {
    const chosen = hits[index];
    if (!chosen) return;
    close();
    onOpen(chosen.group.plural, chosen.hit.id);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') close();
    else if (e.key === 'ArrowDown') (e.preventDefault(), setActive((i) => Math.min(i + 1, hits.length - 1)));
    else if (e.key === 'ArrowUp') (e.preventDefault(), setActive((i) => Math.max(i - 1, 0)));
    else if (e.key === 'Enter') (e.preventDefault(), choose(active));
  };
  const entityOf = (name: string) => app?.entities.find((e) => e['x-name'] === name);
  const fieldLabel = (entity: string, field: string) => localize(entityOf(entity)?.properties[field]?.['x-label'], locale) || field;

  let index = -1;
  return (
    <>
      <button type="button" className="t-btn t-btn-ghost t-search-button" data-testid="global-search-open" aria-keyshortcuts="Control+K Meta+K" onClick={() => setOpen(true)}>
        <span aria-hidden="true">⌕</span> {t('search.button')} <kbd className="t-kbd">{t('search.shortcut')}</kbd>
      </button>
      {open && (
        <div className="t-dialog-backdrop t-search-backdrop" role="presentation" onMouseDown={(e) => e.target === e.currentTarget && close()}>
          <div className="t-dialog t-card t-search-dialog" role="dialog" aria-modal="true" aria-label={t('search.title')} data-testid="global-search" onKeyDown={onKeyDown}>
            <input className="form-control t-search-input" data-testid="global-search-input" autoFocus value={q} placeholder={t('search.placeholder')}
              role="combobox" aria-expanded={hits.length > 0} aria-controls="t-search-results" aria-activedescendant={hits.length ? `t-search-hit-${active}` : undefined}
              onChange={(e) => setQ(e.target.value)} />
            {problem && <p className="t-field-note t-danger" role="alert">{problem}</p>}
            {groups && hits.length === 0 && !problem && <p className="t-muted" data-testid="global-search-empty">{t('search.none', { q: q.trim() })}</p>}
            <div id="t-search-results" role="listbox" className="t-search-results" data-testid="global-search-results">
              {(groups ?? []).map((group) => (
                <div key={group.entity} role="group" aria-label={localize(entityOf(group.entity)?.['x-label-plural'] ?? entityOf(group.entity)?.['x-label'], locale)} data-testid={`global-search-group-${group.entity}`}>
                  <div className="t-search-group">{localize(entityOf(group.entity)?.['x-label-plural'] ?? entityOf(group.entity)?.['x-label'], locale) || group.entity}</div>
                  {group.hits.map((hit) => {
                    const at = ++index;
                    const title = hit.title || t('record.untitled');
                    const showField = hit.value !== null && hit.value !== hit.title;
                    return (
                      <div key={hit.id} id={`t-search-hit-${at}`} role="option" aria-selected={at === active} data-testid="global-search-hit"
                        className={at === active ? 't-search-hit t-active' : 't-search-hit'} onMouseEnter={() => setActive(at)} onClick={() => choose(at)}>
                        <span className="t-search-title">{title}</span>
                        {showField && <span className="t-muted t-search-field">{fieldLabel(group.entity, hit.field)}: {hit.value}</span>}
                      </div>
                    );
                  })}
                </div>
              ))}
            </div>
            <p className="t-muted t-search-help">{t('search.help')}</p>
          </div>
        </div>
      )}
    </>
  );
}
