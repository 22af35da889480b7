/** One jest for the pure rules, the cloud functions through the local cloud, the weapp build and the browser. */
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  testEnvironment: 'node',
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true } } }],
  },
  // Bundlers take zod's ESM build; under jest (CommonJS) the one locale we import must be the CJS twin,
  // or it would configure a second copy of zod's core.
  moduleNameMapper: { '^zod/v4/locales/(.*)\\.js$': 'zod/v4/locales/$1.cjs' },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  // the browser is found (or unpacked from its npm package) once, before the workers start
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
