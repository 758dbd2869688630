/** Unit, workbook round-trip and component tests. Browser tests live in jest.browser.config.js. */
/**
 * ts-jest transpiles each file on its own (isolatedModules) and skips type errors: `npm run typecheck`
 * runs tsc over the whole project first, so tests stay fast and types are still checked once.
 */
const tsJest = [
  'ts-jest',
  {
    tsconfig: { jsx: 'react-jsx', module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0', isolatedModules: true },
    diagnostics: false,
  },
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/test/browser/'],
  transform: { '^.+\\.tsx?$': tsJest },
  moduleNameMapper: {
    '^office-addin-manifest$': '<rootDir>/test/stubs/office-addin-manifest.js',
  },
  reporters: ['default', ['<rootDir>/test/summary-reporter.js', { label: 'unit' }]],
  testTimeout: 60000,
};
