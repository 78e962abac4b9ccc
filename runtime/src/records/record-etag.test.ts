import { ifNoneMatchHolds, versionFromIfMatch } from './record-etag';

describe('record ETags', () => {
  it('matches If-None-Match lists by weak comparison', () => {
    expect(ifNoneMatchHolds('W/"3"', 3)).toBe(true);
    expect(ifNoneMatchHolds('"3"', '3')).toBe(true);
    expect(ifNoneMatchHolds('W/"1", W/"3"', 3)).toBe(true);
    expect(ifNoneMatchHolds('*', 9)).toBe(true);
    expect(ifNoneMatchHolds('W/"30"', 3)).toBe(false);
    expect(ifNoneMatchHolds('W/"3', 3)).toBe(false);
    expect(ifNoneMatchHolds(undefined, 3)).toBe(false);
    expect(ifNoneMatchHolds('', 3)).toBe(false);
  });

  it('reads If-Match versions and refuses foreign tags with 412', () => {
    expect(versionFromIfMatch('W/"7"')).toBe(7);
    expect(versionFromIfMatch('*')).toBeUndefined();
    expect(() => versionFromIfMatch('"abc"')).toThrow(expect.objectContaining({ status: 412 }));
  });
});
