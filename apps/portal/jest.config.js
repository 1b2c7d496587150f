/** Unit tests for the portal's pure helpers (formatting, audit rendering); no Angular TestBed. */
module.exports = {
  displayName: 'portal',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js'],
  coverageDirectory: '../../coverage/apps/portal',
};
