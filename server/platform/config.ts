import path from 'node:path';

/** Process configuration from the environment, with documented defaults (docs/deployment.md). */
export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  logLevel: string;
  /** set behind a TLS-terminating proxy so cookies are marked Secure */
  trustProxy: boolean;
  bodyLimitBytes: number;
  adminPassword: string | undefined;
  jurisdictionCode: string;
  runJobs: boolean;
  /** origin printed in documents' QR codes (`<publicBaseUrl>/verify/<code>`), without a trailing slash */
  publicBaseUrl: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? 'var');
  const port = Number(env.PORT ?? 3000);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    bodyLimitBytes: Number(env.BODY_LIMIT_BYTES ?? 1024 * 1024),
    adminPassword: env.ADMIN_PASSWORD || undefined,
    jurisdictionCode: env.JURISDICTION_CODE ?? '330302',
    runJobs: env.RUN_JOBS !== '0',
    publicBaseUrl: (env.PUBLIC_BASE_URL || `http://localhost:${port}`).replace(/\/+$/, ''),
  };
}
