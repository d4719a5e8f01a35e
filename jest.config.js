/** Unit, contract and end-to-end tests on the embedded default: no servers needed. */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testMatch: ['**/?(*.)+(spec|test).ts'],
  testPathIgnorePatterns: [
    '/node_modules/',
    '/dist/',
    '\\.integration\\.test\\.ts$',
    '\\.browser\\.test\\.ts$',
    '\\.faults\\.test\\.ts$',
  ],
  testTimeout: 30000,
};
