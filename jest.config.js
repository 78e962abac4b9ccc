/** One jest run for every package: unit tests beside the code, integration tests in <pkg>/test. */
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }];
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/metadata', '<rootDir>/engine', '<rootDir>/runtime', '<rootDir>/designer', '<rootDir>/plugins', '<rootDir>/examples'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(json-schema-to-typescript)/)'],
  testTimeout: 60000,
  maxWorkers: 2,
};
