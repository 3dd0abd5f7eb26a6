#!/usr/bin/env node
/**
 * `npm start`: build the web UI when it is missing or older than its sources, then run the server.
 *
 * On a fresh clone `npm install && npm start` therefore builds web/dist once (a few seconds) and serves it;
 * later starts skip the build unless a file under web/src (or index.html, vite.config.ts, domain/) changed.
 * Signals are passed to the server and its exit code becomes ours, so process managers see the truth.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const builtIndex = path.join(root, 'web/dist/index.html');
/** What the web bundle is made of: a change in any of these means a rebuild. */
const webSources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'domain'].map((p) =>
  path.join(root, p),
);

function newestMtime(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(target, entry.name)));
  }
  return newest;
}

export function webBuildNeeded() {
  if (!existsSync(builtIndex)) return 'web/dist is missing';
  const built = statSync(builtIndex).mtimeMs;
  const changed = webSources.find((source) => newestMtime(source) > built);
  return changed ? `${path.relative(root, changed)} changed since the last build` : null;
}

/** Run a command to completion with inherited output; resolves with its exit code. */
function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const reason = process.env.SKIP_WEB_BUILD === '1' ? null : webBuildNeeded();
  if (reason) {
    console.log(`Building the web UI (${reason})…`);
    const code = await run(process.execPath, [
      path.join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      path.join(root, 'web/vite.config.ts'),
      '--logLevel',
      'warn',
    ]);
    if (code !== 0) {
      console.error('The web UI build failed; not starting the server.');
      process.exit(code);
    }
  }

  // its own process group: a Ctrl+C in the terminal reaches only us, and we pass it on exactly once
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
    cwd: root,
    stdio: 'inherit',
    env: process.env,
    detached: true,
  });
  let signalled = false;
  const forward = (signal) => {
    if (server.exitCode !== null) return;
    // a second Ctrl+C means "now": do not wait for a graceful shutdown
    server.kill(signalled ? 'SIGKILL' : signal);
    signalled = true;
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => forward(signal));
  process.on('exit', () => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
  });
  server.on('error', (err) => {
    console.error(`Could not start the server: ${err.message}`);
    process.exit(1);
  });
  server.on('exit', (code, signal) => {
    // a server ended by a signal exits like one (128 + signal number), as a shell would report it
    if (signal) process.exit(128 + (signalNumbers[signal] ?? 0));
    process.exit(code ?? 0);
  });
}

const signalNumbers = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 };

await main();
