import { Type } from 'typebox';
import { chinaDate } from '../../../domain/readiness.js';
import { unitsWithRole } from '../../platform/access/actor.js';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { IdParams, Nullable, responses, Uuid } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { currentCommitmentText, latestCommitment } from '../commitments/index.js';
import { hazardCounts } from '../hazards/index.js';
import { latestAssessments } from '../inspections/index.js';
import { getEnterprise } from '../registry/queries.js';
import { nextSteps, type NextStep } from './next-steps.js';

const Assessment = Nullable(
  Type.Object({
    id: Uuid,
    status: Type.String(),
    versionNumber: Type.String(),
    startedAt: Type.String(),
    completedAt: Nullable(Type.String()),
  }),
);

const ReadinessView = Type.Object({
  enterpriseId: Uuid,
  enterpriseName: Type.String(),
  commitment: Type.Object({
    signed: Type.Boolean(),
    upToDate: Type.Boolean(),
    documentId: Nullable(Uuid),
    signedAt: Nullable(Type.String()),
  }),
  selfInspection: Assessment,
  agencyInspection: Assessment,
  hazards: Type.Object({
    unresolved: Type.Integer(),
    major: Type.Integer(),
    overdue: Type.Integer(),
    awaitingVerification: Type.Integer(),
    closed: Type.Integer(),
    pendingExtensions: Type.Integer(),
  }),
  /** what to do next, most urgent first */
  nextSteps: Type.Array(Type.Object({ key: Type.String(), link: Type.String(), urgent: Type.Boolean() })),
});

const brief = (
  a:
    | { id: string; status: string; versionNumber: string; startedAt: Date; completedAt: Date | null }
    | undefined,
) =>
  a
    ? {
        id: a.id,
        status: a.status,
        versionNumber: a.versionNumber,
        startedAt: a.startedAt.toISOString(),
        completedAt: a.completedAt?.toISOString() ?? null,
      }
    : null;

/** One enterprise's getting-ready status: the enterprise's home page and the officers' view of it. */
export function readinessRoutes({ app, db }: ModuleContext): void {
  app.get(
    '/api/enterprises/:id/readiness',
    {
      schema: {
        tags: ['readiness'],
        summary: '企业合规准备进度与下一步',
        params: IdParams,
        response: responses({ 200: ReadinessView }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const enterprise = await getEnterprise(db, actor, req.params.id);
      if (!enterprise) throw new AppError('ENTERPRISE_NOT_FOUND');
      const [text, signed, assessments, counts] = await Promise.all([
        currentCommitmentText(db, enterprise.jurisdictionId),
        latestCommitment(db, enterprise.id),
        latestAssessments(db, enterprise.id),
        hazardCounts(db, enterprise.id, chinaDate(new Date())),
      ]);
      const commitment = {
        signed: signed !== undefined,
        upToDate: signed?.textHash === text.hash,
        documentId: signed?.documentId ?? null,
        signedAt: signed?.signedAt.toISOString() ?? null,
      };
      const steps: NextStep[] = unitsWithRole(actor, 'enterprise_user').includes(enterprise.id)
        ? nextSteps({ commitment, selfInspection: assessments.self ?? null, hazards: counts })
        : [];
      return {
        enterpriseId: enterprise.id,
        enterpriseName: enterprise.name,
        commitment,
        selfInspection: brief(assessments.self),
        agencyInspection: brief(assessments.agencyFirst),
        hazards: counts,
        nextSteps: steps,
      };
    },
  );
}
