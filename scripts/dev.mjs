#!/usr/bin/env node
/**
 * `npm run dev`: the API server under `tsx watch` (restarts on server/ and domain/ changes) on PORT (3000) and
 * the Vite dev server (WEB_PORT, 5173) with hot reload, proxying /api to the API server.
 * Open the Vite URL. Ctrl+C stops both; if either one dies, the other is stopped too.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const apiPort = process.env.PORT ?? '3000';
const webPort = process.env.WEB_PORT ?? '5173';

const children = [];

function start(name, args, env) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
    // own process group: Ctrl+C reaches this script, which stops each child once
    detached: true,
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`[dev] ${name} exited (${signal ?? code}); stopping.`);
    stop(code ?? 1);
  });
  children.push(child);
  return child;
}

let stopping = false;
function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  const alive = children.filter((c) => c.exitCode === null && c.signalCode === null);
  if (alive.length === 0) process.exit(exitCode);
  let left = alive.length;
  for (const child of alive) {
    child.once('exit', () => {
      left -= 1;
      if (left === 0) process.exit(exitCode);
    });
    child.kill('SIGTERM');
  }
  // a server that does not stop in time is killed
  setTimeout(() => {
    for (const child of alive) if (child.exitCode === null) child.kill('SIGKILL');
  }, 5000).unref();
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));
process.on('exit', () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

start(
  'api',
  // tsx watch follows the imports, so server/ and domain/ changes restart it
  [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'watch', '--clear-screen=false', 'server/main.ts'],
  { PORT: apiPort },
);
start(
  'web',
  [path.join(root, 'node_modules/vite/bin/vite.js'), '--config', path.join(root, 'web/vite.config.ts')],
  {
    API_PORT: apiPort,
    WEB_PORT: webPort,
  },
);
console.log(
  `[dev] API on http://localhost:${apiPort}/api, UI on http://localhost:${webPort}/ (open this one)`,
);
