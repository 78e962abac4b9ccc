import { fitText, labelRoom, textWidth } from './chart-labels';

describe('chart labels', () => {
  it('measures Chinese characters wider than Latin ones', () => {
    expect(textWidth('需求分析', 12)).toBe(48);
    expect(textWidth('Needs', 12)).toBeLessThan(48);
  });
  it('keeps a label that fits and shortens one that does not, with an ellipsis', () => {
    expect(fitText('Qualification', 200, 12)).toBe('Qualification');
    const cut = fitText('Needs analysis and solution design', 80, 12);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 12)).toBeLessThanOrEqual(80);
    expect(fitText('需求分析阶段', 30, 12)).toBe('需…');
  });
  it('gives funnel labels the room the longest needs, within a share of the chart', () => {
    expect(labelRoom(['Lead', 'Qualification', 'Needs analysis'], 600, 12)).toBe(textWidth('Needs analysis', 12) + 12);
    expect(labelRoom(['A very long stage name that would squeeze the funnel away'], 300, 12)).toBe(135);
    expect(labelRoom([], 300, 12)).toBe(48);
  });
});
