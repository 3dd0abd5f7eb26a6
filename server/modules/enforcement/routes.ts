import type { Actor } from '../../platform/access/actor.js';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { IdParams, Ok, Paged, responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { Type } from 'typebox';
import { recordInspection } from './commands/record-inspection.js';
import { decidePenalty } from './commands/decide-penalty.js';
import { rectifyViolation } from './commands/rectify-violation.js';
import { listFocusEnterprises } from './focus.js';
import { leniencyOf } from './leniency.js';
import { withPage } from '../../platform/http/paging.js';
import { inspectionDetail, listInspections, listViolationTypes, loadViolation } from './queries.js';
import * as S from './schemas.js';

const tags = ['enforcement'];

/** 执法检查: the violation-type catalog, inspections with their violations, rectification confirmed. */
export function enforcementRoutes({ app, db }: ModuleContext): void {
  const detail = async (actor: Actor, id: string) => {
    const found = await inspectionDetail(db, actor, id);
    if (!found) throw new AppError('ENFORCEMENT_INSPECTION_NOT_FOUND');
    return found;
  };

  app.get(
    '/api/violation-types',
    {
      schema: {
        tags,
        summary: '违法行为类型目录（法律依据、处罚依据与幅度、合规建议自查事项）',
        response: responses({ 200: Type.Array(S.ViolationType) }),
      },
    },
    async (req) => listViolationTypes(db, actorOf(req)),
  );
  app.get(
    '/api/enforcement/inspections',
    {
      schema: {
        tags,
        summary: '执法检查记录（按权限范围）',
        querystring: S.InspectionQuery,
        response: responses({ 200: S.PagedInspections }),
      },
    },
    async (req) => listInspections(db, actorOf(req), withPage(req.query)),
  );
  app.post(
    '/api/enforcement/inspections',
    {
      schema: {
        tags,
        summary: '登记执法检查（发现违法行为时出具责令限期整改指令书和合规建议书，并监测高发）',
        body: S.InspectionBody,
        response: responses({ 201: S.Recorded }),
      },
    },
    async (req, reply) => {
      const result = await recordInspection(db, actorOf(req), req.body);
      return reply.status(201).send(result);
    },
  );
  app.get(
    '/api/enforcement/focus',
    {
      schema: {
        tags,
        summary: '不放心企业：逾期未回复合规建议书、违法行为逾期未整改、处于高发区域（按权重排序）',
        querystring: S.FocusQuery,
        response: responses({ 200: Paged(S.FocusEnterprise) }),
      },
    },
    async (req) => listFocusEnterprises(db, actorOf(req), withPage(req.query)),
  );
  app.get(
    '/api/enforcement/inspections/:id',
    {
      schema: {
        tags,
        summary: '执法检查详情（违法行为、整改指令书、合规建议书）',
        params: IdParams,
        response: responses({ 200: S.InspectionDetail }),
      },
    },
    async (req) => detail(actorOf(req), req.params.id),
  );
  app.get(
    '/api/enforcement/violations/:id/leniency',
    {
      schema: {
        tags,
        summary:
          '处罚裁量辅助：首次违法、检查前自查自报并整改、及时改正、危害后果，及建议（行政处罚法第三十二、三十三条）',
        params: IdParams,
        response: responses({ 200: S.Leniency }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const v = await loadViolation(db, actor, req.params.id);
      if (!v) throw new AppError('VIOLATION_NOT_FOUND');
      return { ...(await leniencyOf(db, actor, v)), decision: (v.decision ?? null) as never };
    },
  );
  app.post(
    '/api/enforcement/violations/:id/decision',
    {
      schema: {
        tags,
        summary: '作出处罚决定（记录系统建议与实际决定）',
        params: IdParams,
        body: S.DecisionBody,
        response: responses({ 200: Ok }),
      },
    },
    async (req) => {
      await decidePenalty(db, actorOf(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/enforcement/violations/:id/rectify',
    {
      schema: {
        tags,
        summary: '确认违法行为已整改（复查合格）',
        params: IdParams,
        body: S.NoteBody,
        response: responses({ 200: Ok }),
      },
    },
    async (req) => {
      await rectifyViolation(db, actorOf(req), req.params.id, req.body.note);
      return { ok: true as const };
    },
  );
}
