/**
 * What the app gives for a form's plugin parts (field types, widgets): the value, or a loader, so
 * the code behind them (a plugin's field type pulls in the engine: ajv, jexl) loads with the first
 * form instead of with the first screen.
 */
export type LazySource<T extends object> = T | (() => Promise<T>);

/** The same source, its loader run at most once: React's `use` needs the same promise on every render. */
export function onceSource<T extends object>(source: LazySource<T> | undefined, none: T): LazySource<T> {
  if (typeof source !== 'function') return source ?? none;
  let loaded: Promise<T> | undefined;
  return () => (loaded ??= source());
}
