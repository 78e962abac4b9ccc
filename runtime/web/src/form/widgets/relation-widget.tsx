import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import type { EntityDefinition } from '@tessera/metadata';
import { recordsApi, type RecordData } from '../../api/records-api';
import { dependentFilter } from '../relation/dependent-filter';
import { fitsNarrowing } from '../relation/fits-narrowing';
import { pickerQuery, rankByTitle, recordTitle } from '../relation/picker-query';

const SEARCH_DELAY_MS = 250;

interface FormContext {
  formData?: Record<string, unknown>;
  entity?: EntityDefinition;
  entities?: readonly EntityDefinition[];
}

/**
 * A many-to-one reference as a combobox: typing searches the target on the server (`q`,
 * debounced), the most recently updated first, twenty at a time with "More"; the current
 * value shows its title even when it is on no page loaded (fetched by id). Narrowed by the
 * form's other references (see dependent-filter.ts). `ui:options` carries
 * `{ entity, plural, displayField }` (the uiSchema convention). Keyboard: ↓/↑ move, Enter
 * chooses, Esc closes, and the input follows the ARIA combobox pattern.
 */
export function RelationWidget({ id, name, value, required, disabled, readonly, onChange, onBlur, onFocus, options, registry, label }: WidgetProps) {
  const { t } = useTranslation();
  const plural = String(options.plural ?? '');
  const displayField = String(options.displayField ?? 'id');
  const ctx = (registry.formContext ?? {}) as FormContext;
  const narrow = useMemo(() => dependentFilter(ctx.entity, name, ctx.formData, ctx.entities ?? []), [ctx.entity, name, ctx.formData, ctx.entities]);
  const narrowKey = JSON.stringify(narrow);
  const current = typeof value === 'string' && value !== '' ? value : undefined;
  const title = useRecordTitle(plural, displayField, current);

  const [text, setText] = useState<string>(); // undefined: not typing, the input shows the chosen title
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<RecordData[]>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<string>();
  const listRef = useRef<HTMLUListElement>(null);
  const q = (text ?? '').trim();
  const locked = Boolean(disabled || readonly);

  useEffect(() => {
    if (!open || locked) return;
    let live = true;
    const timer = setTimeout(() => {
      recordsApi.list(plural, pickerQuery(displayField, q, JSON.parse(narrowKey) as Record<string, string>)).then(
        (page) => {
          if (!live) return;
          const ranked = rankByTitle(page.data, q, displayField);
          setItems(ranked);
          setCursor(page.nextCursor ?? null);
          setActive(ranked.length ? 0 : -1);
          setError(undefined);
        },
        (e: Error) => live && setError(e.message),
      );
    }, q ? SEARCH_DELAY_MS : 0);
    return () => { live = false; clearTimeout(timer); };
  }, [open, locked, plural, displayField, q, narrowKey]);

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);

  // A parent choice changed (another customer): a value that is not one of the new parent's
  // records (the old customer's contact) is cleared, and the picker says so.
  const [cleared, setCleared] = useState<string>();
  const seenNarrow = useRef(narrowKey);
  useEffect(() => {
    if (seenNarrow.current === narrowKey) return undefined;
    seenNarrow.current = narrowKey;
    setCleared(undefined);
    const filters = JSON.parse(narrowKey) as Record<string, string>;
    if (!current || locked || Object.keys(filters).length === 0) return undefined;
    let live = true;
    recordsApi.get(plural, current).then((record) => {
      if (!live || fitsNarrowing(record, filters)) return;
      onChange(undefined);
      setCleared(recordTitle(record, displayField));
    }, () => undefined);
    return () => { live = false; };
  }, [narrowKey]); // eslint-disable-line react-hooks/exhaustive-deps -- only a change of the parent choices clears

  const more = () => {
    if (!cursor) return;
    recordsApi.list(plural, pickerQuery(displayField, q, narrow, cursor)).then(
      (page) => { setItems((rs) => [...(rs ?? []), ...page.data]); setCursor(page.nextCursor ?? null); },
      (e: Error) => setError(e.message),
    );
  };
  const choose = (record: RecordData) => {
    title.remember(record.id, recordTitle(record, displayField));
    onChange(record.id);
    setText(undefined);
    setOpen(false);
  };
  const close = () => { setOpen(false); setText(undefined); };
  const count = (items?.length ?? 0) + (cursor ? 1 : 0); // "More" is the last option

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) { setOpen(true); return; }
      if (count === 0) return;
      setActive((a) => (e.key === 'ArrowDown' ? Math.min(count - 1, a + 1) : Math.max(0, a - 1)));
    } else if (e.key === 'Enter') {
      // Enter chooses, never submits the form from here.
      e.preventDefault();
      if (!open) { setOpen(true); return; }
      if (items && active >= 0 && active < items.length) choose(items[active]);
      else if (active === items?.length && cursor) more();
    } else if (e.key === 'Escape') {
      if (open) { e.preventDefault(); close(); }
    }
  };

  const listId = `${id}-listbox`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const shown = text ?? (current ? title.text ?? t('form.relationLoading') : '');

  if (locked) {
    return <input id={id} className="form-control" readOnly value={current ? title.text ?? '' : ''} aria-label={label} data-testid={`relation-${name}`} />;
  }
  return (
    <div className="t-combo" data-testid={`relation-${name}`} data-value={current ?? ''}>
      <div className="t-combo-input">
        <input
          id={id}
          className="form-control"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          aria-required={required}
          placeholder={t('form.relationSearch')}
          value={shown}
          onChange={(e) => { setText(e.target.value); setOpen(true); }}
          onKeyDown={onKeyDown}
          onClick={() => setOpen(true)}
          onFocus={() => onFocus(id, value)}
          onBlur={() => { close(); onBlur(id, value); }}
        />
        {current && (
          <button type="button" className="t-combo-clear" aria-label={t('form.relationClear')} data-testid={`relation-clear-${name}`}
            onMouseDown={(e) => e.preventDefault()} onClick={() => { onChange(undefined); setText(undefined); }}>×</button>
        )}
      </div>
      {open && (
        <ul className="t-combo-list" role="listbox" id={listId} ref={listRef} aria-label={label}>
          {!items && !error && <li className="t-combo-note">{t('form.relationLoading')}</li>}
          {items?.length === 0 && <li className="t-combo-note" data-testid="relation-none">{t(Object.keys(narrow).length ? 'form.relationNoneNarrowed' : 'form.relationNone')}</li>}
          {items?.map((record, i) => (
            <li key={record.id} id={optionId(i)} role="option" aria-selected={i === active} data-testid="relation-option" data-record-id={record.id}
              className={record.id === current ? 't-combo-option t-chosen' : 't-combo-option'}
              onMouseDown={(e) => e.preventDefault()} onMouseEnter={() => setActive(i)} onClick={() => choose(record)}>
              {recordTitle(record, displayField)}
            </li>
          ))}
          {cursor && items && (
            <li id={optionId(items.length)} role="option" aria-selected={active === items.length} className="t-combo-option t-combo-more" data-testid="relation-more"
              onMouseDown={(e) => e.preventDefault()} onClick={more}>{t('form.relationMore')}</li>
          )}
        </ul>
      )}
      {error && <div className="t-field-note t-danger">{error}</div>}
      {cleared && !current && <div className="t-field-note" role="status" data-testid={`relation-cleared-${name}`}>{t('form.relationCleared', { title: cleared })}</div>}
    </div>
  );
}

/**
 * The current value's title, fetched by id when no page loaded it (a prefilled parent, an old
 * customer past the first page). A record the user may not read shows as such, never as an id.
 */
function useRecordTitle(plural: string, displayField: string, id: string | undefined) {
  const { t } = useTranslation();
  const [titles, setTitles] = useState<Record<string, string>>({});
  const known = id ? titles[id] : undefined;
  useEffect(() => {
    if (!id || known !== undefined) return;
    let live = true;
    recordsApi.get(plural, id).then(
      (record) => live && setTitles((ts) => ({ ...ts, [id]: recordTitle(record, displayField) })),
      () => live && setTitles((ts) => ({ ...ts, [id]: t('form.relationUnavailable') })),
    );
    return () => { live = false; };
  }, [plural, displayField, id, known, t]);
  return { text: known, remember: (recordId: string, text: string) => setTitles((ts) => ({ ...ts, [recordId]: text })) };
}
