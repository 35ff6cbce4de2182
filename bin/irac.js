#!/usr/bin/env node
// The CLI is compiled from src/ by `npm run build` (run automatically by `npm ci` through `prepare`).
import { run } from '../lib/src/cli/main.js';

process.exitCode = await run(process.argv.slice(2));
