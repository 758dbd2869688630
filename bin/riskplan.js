#!/usr/bin/env node
/* The `riskplan` command: a plain JS shim over the bundled runner (npm run build:cli). */
'use strict';
const path = require('path');

let cli;
try {
  cli = require(path.join(__dirname, '..', 'dist', 'cli.js'));
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && String(err.message).includes('cli.js')) {
    process.stderr.write('riskplan: the runner is not built yet; run "npm run build:cli" first.\n');
    process.exitCode = 2;
    return;
  }
  throw err;
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`riskplan: ${String((err && err.message) || err).replace(/\s+/g, ' ')}\n`);
    process.exitCode = 1;
  },
);
