import { onceSource } from './lazy-source';

describe('onceSource', () => {
  it('keeps a value as it is and gives the fallback for none', () => {
    const list = [{ name: 'rating:stars' }];
    expect(onceSource(list, [])).toBe(list);
    expect(onceSource(undefined, [])).toEqual([]);
  });

  it('runs a loader once and hands every caller the same promise', async () => {
    const load = jest.fn(async (): Promise<Record<string, string>> => ({ 'rating:stars': 'StarsWidget' }));
    const source = onceSource(load, {});
    if (typeof source !== 'function') throw new Error('expected a loader');
    const first = source();
    expect(source()).toBe(first);
    expect(await first).toEqual({ 'rating:stars': 'StarsWidget' });
    expect(load).toHaveBeenCalledTimes(1);
  });
});
