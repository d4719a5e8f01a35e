/** Crash and fault tests (issue #10): child servers killed, servers stopped, disks full. `npm run test:faults`. */
module.exports = {
  rootDir: '../..',
  testEnvironment: 'node',
  transform: { '^.+\\.tsx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testMatch: ['<rootDir>/test/faults/**/*.faults.test.ts'],
  testTimeout: 600000,
};
