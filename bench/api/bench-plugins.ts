/**
 * The plugins the API benchmarks start the example CRM with: only those that add field types
 * (the example's `rating:stars` and `region:cn` fields need them to start) and run no record
 * hooks. Dedup's duplicate probes, lead scoring and notification channels would be work the raw
 * SQL server does not do, so the comparison leaves them out (RuntimeOptions.appPlugins).
 */
export const BENCH_APP_PLUGINS = ['@tessera/plugin-rating', '@tessera/plugin-region'];

/** `--plugins app`: every plugin app.json lists (the example as users run it); default: only the field-type ones. */
export const benchPlugins = (argv: readonly string[]): string[] | undefined => {
  const i = argv.indexOf('--plugins');
  return i > 0 && argv[i + 1] === 'app' ? undefined : BENCH_APP_PLUGINS;
};
