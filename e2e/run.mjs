#!/usr/bin/env node
/**
 * `npm run test:e2e`: the browser journeys. The runner is TypeScript (e2e/runner.ts, type-checked with the rest);
 * this launcher only runs it through tsx and passes signals and the exit code on. Arguments are passed through:
 * `npm run test:e2e -- admin public` runs only the journeys whose names contain one of the words.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const child = spawn(
  process.execPath,
  ['--import', 'tsx', path.join(here, 'runner.ts'), ...process.argv.slice(2)],
  {
    cwd: path.resolve(here, '..'),
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('error', (err) => {
  console.error(`could not start the e2e runner: ${err.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
