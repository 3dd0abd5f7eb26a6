import type { Actor } from '../../platform/access/actor.js';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { IdParams, Ok, responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { Type } from 'typebox';
import { recordInspection } from './commands/record-inspection.js';
import { rectifyViolation } from './commands/rectify-violation.js';
import { withPage } from '../../platform/http/paging.js';
import { inspectionDetail, listInspections, listViolationTypes } from './queries.js';
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
