/**
 * The real server as a child process (`node --import tsx server/main.ts`, what `npm start` runs after building
 * the web UI), for the fault tests: they kill it, restart it and take its database away, which an in-process app
 * cannot survive or show.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  baseUrl: string;
  child: ChildProcess;
  /** everything the server printed so far (pino JSON lines), for failure messages */
  output(): string;
  /** send a signal and wait until the process is gone */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * Start the server with `env` on top of ours (a random port on 127.0.0.1) and resolve once it listens. A server
 * that exits first, or does not listen within `startLimitMs`, rejects with what it printed.
 */
export function startServer(env: Record<string, string>, startLimitMs = 120_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/main.ts')], {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: Omit<ServerProcess, 'baseUrl'> = {
    child,
    output: () => output,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not listen within ${startLimitMs / 1000} s:\n${output}`));
    }, startLimitMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // fastify logs "Server listening at http://127.0.0.1:<port>" once per address
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ ...server, baseUrl: match[1] });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}

export interface HttpAnswer {
  status: number;
  contentType: string;
  body: string;
  json<T = Record<string, unknown>>(): T;
}

/** A logged-in browser over real HTTP: the session cookie, and the CSRF header on writes. */
export interface HttpClient {
  /** `timeoutMs` aborts a request that hangs (the promise rejects with a `TimeoutError`) */
  get(url: string, timeoutMs?: number): Promise<HttpAnswer>;
  post(url: string, body?: unknown, contentType?: string): Promise<HttpAnswer>;
}

async function answer(res: Response): Promise<HttpAnswer> {
  const body = await res.text();
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    body,
    json: <T>() => JSON.parse(body) as T,
  };
}

export async function login(baseUrl: string, username: string, password: string): Promise<HttpClient> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login as ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return {
    get: async (url, timeoutMs) =>
      answer(
        await fetch(`${baseUrl}${url}`, {
          headers: { cookie },
          signal: timeoutMs ? AbortSignal.timeout(timeoutMs) : undefined,
        }),
      ),
    post: async (url, body, contentType = 'application/json') =>
      answer(
        await fetch(`${baseUrl}${url}`, {
          method: 'POST',
          headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': contentType },
          body: Buffer.isBuffer(body) ? new Uint8Array(body) : JSON.stringify(body ?? {}),
        }),
      ),
  };
}

/** Poll `probe` until it returns a value (not undefined); generous limits, no timing assertion. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  opts: { limitMs?: number; everyMs?: number } = {},
): Promise<T> {
  const limit = Date.now() + (opts.limitMs ?? 120_000);
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > limit) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, opts.everyMs ?? 100));
  }
}
