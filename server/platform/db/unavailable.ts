/**
 * Is this error "the database cannot be reached right now" (an outage, a restart, a failover) rather than a bug?
 * The edge answers those with 503 SERVICE_UNAVAILABLE, and the pool replaces the connections they broke.
 *
 * Drizzle wraps a failed query in a DrizzleQueryError whose `cause` is the driver's error, so the chain of causes
 * is searched. node-postgres reports a lost connection without a code, by message only.
 */

/** SQLSTATEs: admin_shutdown, crash_shutdown, cannot_connect_now (starting up, shutting down, recovering),
 * connection_exception and its subclasses, too_many_connections */
const sqlStates = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);

/** Node socket errors on the way to the database */
const socketCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** node-postgres and pg-pool messages for a connection that broke or never came */
const driverMessages = [
  /^Connection terminated/, // "… unexpectedly", "… due to connection timeout"
  /^timeout exceeded when trying to connect$/,
  /is not queryable$/, // "Client has encountered a connection error and is not queryable", "Client was closed …"
];

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (depth > 5 || err === null || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (sqlStates.has(e.code) || socketCodes.has(e.code))) return true;
  if (typeof e.message === 'string' && driverMessages.some((m) => m.test(e.message as string))) return true;
  // a connection attempt to several addresses (localhost: ::1 and 127.0.0.1) fails as an AggregateError
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1)))
    return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
