import { satisfiesRange } from './satisfies-range';

describe('satisfiesRange', () => {
  it.each([
    ['0.1.0', '^0.1.0', true],
    ['0.1.5', '^0.1.0', true],
    ['0.2.0', '^0.1.0', false],
    ['1.4.0', '^1.2.3', true],
    ['2.0.0', '^1.2.3', false],
    ['1.2.9', '~1.2.3', true],
    ['1.3.0', '~1.2.3', false],
    ['1.5.0', '>=1.2 <2', true],
    ['2.0.0', '>=1.2 <2', false],
    ['1.9.9', '1.x', true],
    ['0.1.0', '*', true],
    ['0.1.0', '0.1.0', true],
    ['0.1.1', '0.1.0', false],
    ['3.0.0', '^1.0.0 || ^3.0.0', true],
    ['0.0.4', '^0.0.3', false],
  ])('%s in %s → %s', (version, range, expected) => expect(satisfiesRange(version, range)).toBe(expected));

  it('cannot read nonsense', () => {
    expect(satisfiesRange('0.1.0', 'latest')).toBeUndefined();
    expect(satisfiesRange('0.1.0', '')).toBeUndefined();
  });
});
