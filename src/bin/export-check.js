#!/usr/bin/env node
// Launcher for the `export-check` command. The project ships TypeScript sources and runs them through
// tsx's loader, so `npm ci && npm start` needs no build step on a fresh machine.
import { register } from 'tsx/esm/api';

// A closed pipe (`… | head`) is a normal way for a reader to stop; exit quietly instead of crashing.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
