/** Crash and fault tests: child servers killed, servers stopped, disks full. `npm run test:faults`. */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testMatch: ['<rootDir>/test/faults/**/*.faults.test.ts'],
  // Kafka and FerretDB of the suite's own (ports 19292 / 27218), started once and stopped at the end.
  globalSetup: '<rootDir>/test/faults/global-setup.ts',
  globalTeardown: '<rootDir>/test/faults/global-teardown.ts',
  testTimeout: 600000,
};
