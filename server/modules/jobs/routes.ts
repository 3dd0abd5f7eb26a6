import { and, desc, eq, or, sql } from 'drizzle-orm';
import { Type } from 'typebox';
import { jobs } from '../../db/schema/platform.js';
import { hasRole, type Actor } from '../../platform/access/actor.js';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { IdParams, responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';

const tags = ['jobs'];

export const JobView = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  progressDone: Type.Integer(),
  progressTotal: Type.Union([Type.Integer(), Type.Null()]),
  result: Type.Unknown(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});

/** A user sees the jobs they started; the system administrator sees the jurisdiction's. */
function jobScope(actor: Actor) {
  return hasRole(actor, 'system_admin')
    ? or(eq(jobs.jurisdictionId, actor.jurisdictionId), eq(jobs.createdBy, actor.userId))
    : eq(jobs.createdBy, actor.userId);
}

function present(row: typeof jobs.$inferSelect) {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    attempts: row.attempts,
    progressDone: row.progressDone,
    progressTotal: row.progressTotal,
    result: row.result,
    lastError: row.status === 'failed' ? row.lastError : null,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export function jobRoutes({ app, db }: ModuleContext): void {
  app.get(
    '/api/jobs/:id',
    { schema: { tags, summary: '后台任务进度', params: IdParams, response: responses({ 200: JobView }) } },
    async (req) => {
      const actor = actorOf(req);
      const [row] = await db
        .select()
        .from(jobs)
        .where(and(eq(jobs.id, req.params.id), jobScope(actor)));
      if (!row) throw new AppError('JOB_NOT_FOUND');
      return present(row);
    },
  );

  app.get(
    '/api/jobs',
    { schema: { tags, summary: '我的后台任务', response: responses({ 200: Type.Array(JobView) }) } },
    async (req) => {
      const actor = actorOf(req);
      const rows = await db
        .select()
        .from(jobs)
        .where(and(jobScope(actor), sql`${jobs.dedupeKey} is null`))
        .orderBy(desc(jobs.createdAt))
        .limit(50);
      return rows.map(present);
    },
  );
}
