import { createCoalescer } from './coalesced-reads';

/** A run whose answer the test hands out when it likes, counting how often it started. */
function controlledRuns() {
  const started: { settle(value: string): void; fail(err: Error): void }[] = [];
  const run = () => new Promise<string>((resolve, reject) => started.push({ settle: resolve, fail: reject }));
  return { started, run };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('createCoalescer', () => {
  it('shares one run among requests that queued behind the one in flight, never the one in flight itself', async () => {
    const join = createCoalescer<string>();
    const { started, run } = controlledRuns();
    const first = join('k', run);
    const second = join('k', run);
    const third = join('k', run);
    expect(started).toHaveLength(1);
    started[0].settle('before the write');
    await expect(first).resolves.toBe('before the write');
    await tick();
    // second and third arrived while the first ran: they get the next run, which starts only now.
    expect(started).toHaveLength(2);
    started[1].settle('after the write');
    await expect(second).resolves.toBe('after the write');
    await expect(third).resolves.toBe('after the write');
  });

  it('keeps keys apart, and forgets a key once nothing is in flight', async () => {
    const join = createCoalescer<string>();
    const { started, run } = controlledRuns();
    const a = join('a', run);
    const b = join('b', run);
    expect(started).toHaveLength(2);
    started[0].settle('A');
    started[1].settle('B');
    await expect(Promise.all([a, b])).resolves.toEqual(['A', 'B']);
    await tick();
    const again = join('a', run);
    expect(started).toHaveLength(3);
    started[2].settle('A2');
    await expect(again).resolves.toBe('A2');
  });

  it('passes a failure to those who shared the run, and the queued ones still run', async () => {
    const join = createCoalescer<string>();
    const { started, run } = controlledRuns();
    const failing = join('k', run);
    const queued = join('k', run);
    started[0].fail(new Error('statement timeout'));
    await expect(failing).rejects.toThrow('statement timeout');
    await tick();
    started[1].settle('ok');
    await expect(queued).resolves.toBe('ok');
  });
});
