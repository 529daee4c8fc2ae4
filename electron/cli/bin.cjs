#!/usr/bin/env node
// The `briefbook` command. Runs the bundled CLI from dist/, building it first when the
// checkout is newer than the last build (so `npx briefbook` works right after install).
'use strict';
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const root = path.resolve(__dirname, '../..');
const built = spawnSync(process.execPath, [path.join(root, 'electron/build/build.mjs'), '--if-stale'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (built.status !== 0) {
  console.error('briefbook: could not build the CLI from this checkout (see above). Run `npm install` and try again.');
  process.exit(1);
}
require(path.join(root, 'dist/cli.cjs'));
