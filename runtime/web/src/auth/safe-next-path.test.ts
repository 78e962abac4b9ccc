import { safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it('keeps same-site paths', () => {
    expect(safeNextPath('?next=/designer/')).toBe('/designer/');
    expect(safeNextPath('?next=%2Fdesigner%2F')).toBe('/designer/');
  });
  it('refuses other sites and nothing', () => {
    for (const search of ['', '?next=', '?next=//evil.example', '?next=https://evil.example', '?next=/\\evil.example', '?next=javascript:alert(1)']) {
      expect(safeNextPath(search)).toBeUndefined();
    }
  });
});
