// Three projects: pure domain code, workflows on the time-skipping server,
// and integration against real Postgres + Temporal dev server + worker + API.
const tsJest = ['ts-jest', { tsconfig: 'tsconfig.json' }];
// ESM-only dependencies that CommonJS code under jest must require (Node's own
// require(esm) is not available inside jest's module registry on Node 20).
const esmOnly = ['content-disposition', 'cookie'];
const common = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': tsJest,
    [`/node_modules/(${esmOnly.join('|')})/.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs', esModuleInterop: true, isolatedModules: true } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'workflows',
      testMatch: ['<rootDir>/test/workflows/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
    },
  ],
  testTimeout: 60000,
  // Temporal's native runtime is one per process; a worker process that already ran
  // time-skipping tests must not host the next file's real worker. Recycle workers.
  workerIdleMemoryLimit: '1MB',
  maxWorkers: 2,
};
