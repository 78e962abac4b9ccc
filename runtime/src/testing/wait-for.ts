/**
 * Polls `probe` every 200 ms until it returns something other than undefined (timers, outbox
 * deliveries and other processes act on their own time); throws naming `what` after `ms`.
 */
export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
