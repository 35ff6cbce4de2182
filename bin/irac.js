#!/usr/bin/env node
// The CLI is compiled from src/ by `npm run build` (run automatically by `npm ci` through `prepare`).
import { run } from '../lib/src/cli/main.js';

// `irac normalize big.ndjson --json | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2));
