import { hashApp, stableStringify } from './hash-app';

describe('hashApp', () => {
  it('ignores key order', () => {
    expect(hashApp({ a: 1, b: { c: [1, { d: 2, e: 3 }] } })).toBe(hashApp({ b: { c: [1, { e: 3, d: 2 }] }, a: 1 }));
  });

  it('changes when a value changes', () => {
    expect(hashApp({ a: 1 })).not.toBe(hashApp({ a: 2 }));
  });

  it('drops undefined like JSON does', () => {
    expect(stableStringify({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});
