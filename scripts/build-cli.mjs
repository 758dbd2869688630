#!/usr/bin/env node
/** Bundles the headless runner (src/cli/main.ts) into dist/cli.js for bin/riskplan.js. */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

try {
  await build({
    entryPoints: [join(root, 'src/cli/main.ts')],
    outfile: join(root, 'dist/cli.js'),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    tsconfig: join(root, 'tsconfig.json'),
  });
  console.log('Built dist/cli.js');
} catch {
  // esbuild has already printed the errors with their file and line.
  process.exitCode = 1;
}
