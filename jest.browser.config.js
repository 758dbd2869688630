/**
 * Real-browser test of the task pane: serves dist/ (built by `webpack --mode development`)
 * and drives /usr/bin/chromium through playwright-core. Run with `npm run test:browser`.
 */
const tsJest = ['ts-jest', { tsconfig: { jsx: 'react-jsx', module: 'commonjs', moduleResolution: 'node10', ignoreDeprecations: '6.0' }, isolatedModules: true, diagnostics: false }];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': tsJest },
  reporters: ['default', ['<rootDir>/test/summary-reporter.js', { label: 'browser' }]],
  testTimeout: 180000,
};
