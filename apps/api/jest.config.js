/** Unit specs (*.spec.ts) and API specs (*.api-spec.ts, real PostgreSQL over HTTP). */
module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js'],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.api-spec.ts'],
  globalSetup: '<rootDir>/src/test-support/global-setup.ts',
  globalTeardown: '<rootDir>/src/test-support/global-teardown.ts',
  testTimeout: 30_000,
  // Every spec file loads the whole app into the worker's module registry, and some of it stays
  // (metadata registries are process-global): over 200 files the one worker grew to 4 GB and died
  // in CI, spending most of its time in GC first. A worker above this after a file is replaced.
  workerIdleMemoryLimit: '1GB',
  coverageDirectory: '../../coverage/apps/api',
};
