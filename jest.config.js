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
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }],
    // approx-string-match ships as an ES module only; Node 20.19+ requires it as is, jest's
    // CommonJS runtime needs it transpiled.
    '/node_modules/approx-string-match/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true }, diagnostics: false },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!approx-string-match/)'],
  globalSetup: '<rootDir>/test/setup/global-setup.ts',
  globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/setup/summary-reporter.js'],
};
