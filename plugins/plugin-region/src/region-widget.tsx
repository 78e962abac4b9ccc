import type { WidgetProps } from '@rjsf/utils';
import { useEffect, useState } from 'react';

interface Region {
  code: string;
  name: string;
}

/** The plugin's route; the division data stays on the server. */
export const REGIONS_URL = '/api/plugins/@tessera/plugin-region/regions';

async function fetchChildren(parent: string): Promise<Region[]> {
  const res = await fetch(`${REGIONS_URL}${parent ? `?parent=${encodeURIComponent(parent)}` : ''}`, { credentials: 'same-origin' });
  if (!res.ok) return [];
  return ((await res.json()) as { data: Region[] }).data;
}

/** The codes a value selects at each level: `110105` → `['11', '1101', '110105']`. */
export const levelsOf = (value: unknown): string[] => (typeof value === 'string' ? [2, 4, 6].filter((n) => value.length >= n).map((n) => value.slice(0, n)) : []);

/**
 * The `region:cn` widget: a cascader of three selects (province, city, district), each level
 * loaded from the plugin's route when its parent is chosen. The value is the deepest code picked.
 */
const LEVELS = { en: ['province', 'city', 'district'], zh: ['省', '市', '区县'] } as const;

export function RegionWidget({ id, value, label, disabled, readonly, onChange, onBlur, onFocus, registry }: WidgetProps) {
  const selected = levelsOf(value);
  const [options, setOptions] = useState<Region[][]>([[], [], []]);
  const parents = ['', ...selected.slice(0, 2)];
  const key = parents.join('/');

  useEffect(() => {
    let live = true;
    void Promise.all(parents.map(fetchChildren)).then((lists) => live && setOptions([0, 1, 2].map((i) => lists[i] ?? [])));
    return () => {
      live = false;
    };
    // Reload only when the chosen parents change, not on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  // The app passes its locale in formContext; the level names follow it.
  const levels = LEVELS[String((registry?.formContext as { locale?: string } | undefined)?.locale ?? 'en').startsWith('zh') ? 'zh' : 'en'];
  const locked = Boolean(disabled || readonly);
  return (
    <div id={id} role="group" aria-label={label} className="tessera-region" onBlur={() => onBlur(id, value)} onFocus={() => onFocus(id, value)}>
      {levels.map((level, i) =>
        i === 0 || selected[i - 1] ? (
          <select
            key={i}
            aria-label={`${label} ${level}`}
            disabled={locked}
            value={selected[i] ?? ''}
            onChange={(e) => onChange(e.target.value || selected[i - 1] || null)}
          >
            <option value="">—</option>
            {options[i].map((r) => (
              <option key={r.code} value={r.code}>
                {r.name}
              </option>
            ))}
            {/* The stored value shows even before its level's options arrive. */}
            {selected[i] && !options[i].some((r) => r.code === selected[i]) ? <option value={selected[i]}>{selected[i]}</option> : null}
          </select>
        ) : null,
      )}
    </div>
  );
}
