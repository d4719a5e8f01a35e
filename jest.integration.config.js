/** Real-server tests: Kafka and FerretDB started by scripts/dev-servers; EventStoreDB when EVENTSTORE_URL is set. */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  // Plus the EventStoreDB adapter's contract suite: it runs against EVENTSTORE_URL and reports skipped without it.
  testMatch: ['**/*.integration.test.ts', '**/services/adapters/esdb/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: '<rootDir>/test/integration/global-setup.ts',
  globalTeardown: '<rootDir>/test/integration/global-teardown.ts',
  testTimeout: 180000,
};
