/**
 * Real-browser test of the task pane: serves dist/ (built by `webpack --mode development`)
 * and drives /usr/bin/chromium through playwright-core. Run with `npm run test:browser`.
 */
// The same TypeScript transform as the unit tests.
const { transform } = require('./jest.config.js');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/browser'],
  testMatch: ['**/*.test.ts'],
  transform,
  reporters: ['default', ['<rootDir>/test/summary-reporter.js', { label: 'browser' }]],
  testTimeout: 180000,
  // One Chromium at a time: the machine is shared, and the freeze probe must not compete with another page.
  maxWorkers: 1,
};
