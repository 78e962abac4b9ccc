import type { WidgetProps } from '@rjsf/utils';
import { renderToStaticMarkup } from 'react-dom/server';
import { StarsWidget, widgets } from './web';

const props = (extra: Partial<WidgetProps>) =>
  ({ id: 'root_score', name: 'score', label: 'Score', schema: { type: 'integer', minimum: 1, maximum: 5 }, value: undefined, onChange: () => {}, onBlur: () => {}, onFocus: () => {}, options: {}, registry: {}, ...extra }) as unknown as WidgetProps;

describe('StarsWidget', () => {
  it('is exported under its widget name', () => {
    expect(widgets['rating:stars']).toBe(StarsWidget);
  });

  it('renders an accessible radiogroup with one radio per star', () => {
    const html = renderToStaticMarkup(<StarsWidget {...props({ value: 3 })} />);
    expect(html).toContain('role="radiogroup" aria-label="Score"');
    expect(html.match(/role="radio"/g)).toHaveLength(5);
    expect(html).toContain('aria-checked="true" aria-label="3 / 5" tabindex="0"');
    expect(html.match(/aria-checked="false"/g)).toHaveLength(4);
  });

  it('follows a lowered maximum and disables itself when read-only', () => {
    const html = renderToStaticMarkup(<StarsWidget {...props({ schema: { type: 'integer', maximum: 3 }, readonly: true })} />);
    expect(html.match(/role="radio"/g)).toHaveLength(3);
    expect(html).toContain('aria-label="1 / 3" tabindex="0" disabled=""');
  });
});
