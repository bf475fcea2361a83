/**
 * One Neo4j serves the whole run (test/setup/global-setup.ts picks NEO4J_URI, testcontainers or
 * the embedded default). Suites share that single database and reset it, so they run in band.
 * Type checking is `npm run typecheck`'s job (run by `npm test` before jest); ts-jest only
 * transpiles here, and the global setup builds dist/ (src only) for the tests that run it.
 */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.js'],
};
