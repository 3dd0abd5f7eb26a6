import type { Db } from './client.js';

/** Run `fn` in one transaction: the change, its audit event and the jobs it enqueues commit together. */
export function inTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => fn(tx as unknown as Db));
}
