import type { WidgetProps } from '@rjsf/utils';
import { useRef, type KeyboardEvent } from 'react';
import { MAX_STARS } from './stars-field-type';

/**
 * The `rating:stars` widget: a radiogroup of star buttons with a roving tab stop. Clicking
 * the current rating clears it (value null). Arrow keys move the rating and the focus.
 */
export function StarsWidget({ id, value, label, schema, disabled, readonly, onChange, onBlur, onFocus }: WidgetProps) {
  const max = typeof schema.maximum === 'number' ? Math.min(MAX_STARS, schema.maximum) : MAX_STARS;
  const current = typeof value === 'number' ? value : 0;
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const locked = Boolean(disabled || readonly);

  const choose = (n: number | null) => {
    if (locked) return;
    onChange(n);
    if (n !== null) buttons.current[n - 1]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const next: Record<string, number | null> = {
      ArrowRight: Math.min(max, current + 1),
      ArrowUp: Math.min(max, current + 1),
      ArrowLeft: current > 1 ? current - 1 : null,
      ArrowDown: current > 1 ? current - 1 : null,
      Home: 1,
      End: max,
      Delete: null,
      Backspace: null,
    };
    if (!(event.key in next)) return;
    event.preventDefault();
    choose(next[event.key]);
  };

  return (
    <div
      id={id}
      role="radiogroup"
      aria-label={label}
      aria-disabled={locked || undefined}
      className="tessera-stars"
      onKeyDown={onKeyDown}
      onBlur={() => onBlur(id, value)}
      onFocus={() => onFocus(id, value)}
    >
      {Array.from({ length: max }, (_, i) => i + 1).map((n) => (
        <button
          key={n}
          ref={(el) => {
            buttons.current[n - 1] = el;
          }}
          type="button"
          role="radio"
          aria-checked={n === current}
          aria-label={`${n} / ${max}`}
          tabIndex={n === (current || 1) ? 0 : -1}
          disabled={locked}
          className={n <= current ? 'tessera-star tessera-star--on' : 'tessera-star'}
          onClick={() => choose(n === current ? null : n)}
        >
          <span aria-hidden="true">{n <= current ? '★' : '☆'}</span>
        </button>
      ))}
    </div>
  );
}
