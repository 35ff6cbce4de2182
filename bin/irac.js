#!/usr/bin/env node
// The CLI is compiled from src/ by `npm run build` (run automatically by `npm ci` through `prepare`).
import module from 'node:module';

// V8 keeps the code it compiles for irac and its dependencies on disk (Node ≥ 22.1; without it nothing
// changes), as TypeScript's own CLI does: a second run skips parsing and compiling them again, about a
// tenth of a short run like `irac run`. NODE_DISABLE_COMPILE_CACHE=1 turns it off.
module.enableCompileCache?.();

const { run } = await import('../lib/src/cli/main.js');

// `irac normalize big.ndjson --json | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2));
