import { Type } from 'typebox';
import { eventKindNames } from '../../platform/audit/event-kinds.js';
import { verifyChain } from '../../platform/audit/verify.js';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { PageQuery, Paged, responses, Uuid } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { jurisdictionAbilities } from '../identity/policy.js';
import { listEvents } from './queries.js';

const tags = ['audit'];

const EventView = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  kind: Type.String(),
  actorUserId: Type.Union([Type.String(), Type.Null()]),
  actorLabel: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
  at: Type.String(),
  hash: Type.String(),
});

const ChainReport = Type.Object({
  jurisdictionId: Type.String(),
  checked: Type.Integer(),
  ok: Type.Boolean(),
  headSeq: Type.Integer(),
  headHash: Type.String(),
  firstBroken: Type.Optional(Type.Object({ seq: Type.Integer(), id: Type.String(), reason: Type.String() })),
});

export function auditRoutes({ app, db }: ModuleContext): void {
  app.get(
    '/api/audit/events',
    {
      schema: {
        tags,
        summary: '操作日志',
        querystring: Type.Object({
          actorUserId: Type.Optional(Uuid),
          kind: Type.Optional(Type.String({ maxLength: 100 })),
          entityType: Type.Optional(Type.String({ maxLength: 100 })),
          entityId: Type.Optional(Type.String({ maxLength: 100 })),
          /** everything about one enterprise: its own record and every event whose payload names it */
          enterpriseId: Type.Optional(Type.String({ format: 'uuid' })),
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
          ...PageQuery,
        }),
        response: responses({ 200: Paged(EventView) }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!jurisdictionAbilities(actor).viewAudit) throw new AppError('FORBIDDEN');
      return listEvents(db, actor, {
        ...req.query,
        page: req.query.page ?? 1,
        pageSize: req.query.pageSize ?? 20,
      });
    },
  );

  app.get(
    '/api/audit/kinds',
    { schema: { tags, summary: '事件类型', response: responses({ 200: Type.Array(Type.String()) }) } },
    async (req) => {
      if (!jurisdictionAbilities(actorOf(req)).viewAudit) throw new AppError('FORBIDDEN');
      return eventKindNames();
    },
  );

  app.post(
    '/api/audit/verify',
    { schema: { tags, summary: '校验审计链', response: responses({ 200: ChainReport }) } },
    async (req) => {
      const actor = actorOf(req);
      if (!jurisdictionAbilities(actor).verifyAudit) throw new AppError('FORBIDDEN');
      return verifyChain(db, actor.jurisdictionId);
    },
  );
}
