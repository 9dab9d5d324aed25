#!/usr/bin/env node
// Launcher for the `export-check` command. Runs the compiled JavaScript in dist/ when it is up to date with
// the sources (`npm run build`; `npm start` builds when stale), otherwise the TypeScript sources through tsx's
// loader, so a fresh clone needs no build step and an edited source is never run stale.
import { distIsFresh } from './dist.js';

// A closed pipe (`… | head`) is a normal way for a reader to stop; exit quietly instead of crashing.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

let main;
if (distIsFresh()) ({ main } = await import('../../dist/cli/main.js'));
else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
