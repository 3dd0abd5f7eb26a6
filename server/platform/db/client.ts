import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from '../../db/schema/index.js';

export type Schema = typeof schema;
/** A database or a transaction: both run the same queries. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  /** run a multi-statement SQL script (migrations, test setup) */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
  /** the PGlite instance, for dumps; undefined on PostgreSQL */
  pglite?: PGlite;
}

export const pgliteExtensions = { pg_trgm };

// int8 and numeric come back as strings from node-postgres; count(*) is cast ::int in queries instead.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // an unreachable server (or a full pool) fails the request after this long instead of holding it forever;
    // the edge answers 503 SERVICE_UNAVAILABLE (server/platform/db/unavailable.ts)
    connectionTimeoutMillis: 10_000,
    // notice a peer that vanished without closing the socket (a failover, a dropped NAT entry)
    keepAlive: true,
  });
  // A dropped idle connection must not crash the process. The pool discards a connection that broke (idle or in
  // use), and the next query opens a fresh one: the app recovers from a database restart by itself.
  pool.on('error', () => undefined);
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    exec: async (text) => {
      await pool.query(text);
    },
    close: () => pool.end(),
  };
}

export async function openPglite(source: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  const client = await PGlite.create(source.dataDir, {
    extensions: pgliteExtensions,
    loadDataDir: source.loadDataDir,
  });
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    pglite: client,
    exec: async (text) => {
      await client.exec(text);
    },
    close: () => client.close(),
  };
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite({ dataDir: `${opts.dataDir}/pgdata` });
}

/** Rows of a raw SQL query; both drivers return `{ rows }`. Cast int8 (`::int`) in the query itself. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
