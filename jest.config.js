/** One jest run for every package: unit tests beside the code, integration tests in <pkg>/test. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }];
// PGlite loads its wasm and Node built-ins with dynamic import(), which jest's sandbox refuses
// without --experimental-vm-modules; compiling its CommonJS build turns those into require().
const swcCjs = ['@swc/jest', { jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } }];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/metadata', '<rootDir>/engine', '<rootDir>/runtime', '<rootDir>/designer', '<rootDir>/plugins', '<rootDir>/examples'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.(t|j)sx?$': swc, '/@electric-sql/pglite/dist/.+\\.cjs$': swcCjs },
  // The OTLP exporter loads node:http with import() too (runtime/test/tracing.test.ts).
  transformIgnorePatterns: ['/node_modules/(?!(json-schema-to-typescript|@electric-sql/pglite|@opentelemetry/otlp-exporter-base)/)'],
  // prettier's CommonJS entry runs import() on load, which jest's sandbox cannot; the typegen
  // formats with prettier/standalone anyway, so the whole suite resolves prettier to it.
  moduleNameMapper: { '^prettier$': 'prettier/standalone' },
  // Generous: CLI tests spawn tsx + PGlite per command, and CI shares two cores.
  testTimeout: 180000,
  maxWorkers: 2,
};
