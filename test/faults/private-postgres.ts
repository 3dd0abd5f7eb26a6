/**
 * A private PostgreSQL server for a fault test: its own cluster (`initdb`) in a temporary directory, on a free port,
 * so the test may stop, kill and restart it without touching the machine's server or another run's databases.
 *
 * PostgreSQL refuses to run as root; as root the cluster belongs to the `postgres` user (`runuser`). The binaries
 * are PG_BIN, else the newest /usr/lib/postgresql/<n>/bin.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

function binDir(): string | null {
  if (process.env.PG_BIN)
    return existsSync(path.join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : null;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((v) => existsSync(path.join(base, v, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? path.join(base, versions[0], 'bin') : null;
}

const isRoot = process.getuid?.() === 0;

/** Why a private server cannot run here, or null when it can. */
export async function privatePostgresUnavailable(): Promise<string | null> {
  if (!binDir()) return 'no PostgreSQL server binaries (initdb) under /usr/lib/postgresql or PG_BIN';
  if (isRoot) {
    try {
      await run('id', ['-u', 'postgres']);
      await run('runuser', ['--version']);
    } catch {
      return 'running as root without a postgres user or runuser: initdb refuses root';
    }
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export interface PrivatePostgres {
  /** `postgres://postgres@127.0.0.1:<port>/<database>` */
  url(database?: string): string;
  start(): Promise<void>;
  /** `fast` ends sessions with 57P01 admin_shutdown; `immediate` is a crash (no checkpoint, recovery on start) */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  /** start it unless it runs (after a test that failed while it was down) */
  ensureRunning(): Promise<void>;
  /** stop for good and remove the cluster */
  destroy(): Promise<void>;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir()!;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sc-private-pg-'));
  const data = path.join(dir, 'data');
  const port = await freePort();
  /** run a server binary as the cluster's owner */
  const as = async (tool: string, args: string[]) => {
    const cmd = path.join(bin, tool);
    return isRoot ? run('runuser', ['-u', 'postgres', '--', cmd, ...args]) : run(cmd, args);
  };
  if (isRoot) await run('chown', ['postgres:', dir]);
  await as('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c fsync=off`;
  const pg: PrivatePostgres = {
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: async () => {
      await as('pg_ctl', [
        '-D',
        data,
        '-o',
        options,
        '-l',
        path.join(dir, 'server.log'),
        '-w',
        '-t',
        '120',
        'start',
      ]);
    },
    stop: async (mode) => {
      await as('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '120', 'stop']);
    },
    ensureRunning: async () => {
      const running = await as('pg_ctl', ['-D', data, 'status']).then(
        () => true,
        () => false,
      );
      if (!running) await pg.start();
    },
    destroy: async () => {
      await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await pg.start();
  return pg;
}
