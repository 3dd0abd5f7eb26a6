import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { IdParams, Paged, responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import type { Actor } from '../../platform/access/actor.js';
import { createApplication, submitApplication } from './commands/apply.js';
import { collectBatch, moveApplication } from './commands/move-application.js';
import { answerOpinion, solicitOpinions } from './commands/opinions.js';
import { batchDetail, listBatches, listOpinions } from './notice-queries.js';
import { applicationDetail, listApplications } from './queries.js';
import { departmentsToAsk } from './unit-names.js';
import { withPage } from '../../platform/http/paging.js';
import * as S from './schemas.js';
import { Type } from 'typebox';

const tags = ['whitelist'];

/** 白名单申请: the enterprise applies, the subdistrict collects, the bureau reviews and asks departments. */
export function applicationRoutes({ app, db }: ModuleContext): void {
  const detail = async (actor: Actor, id: string) => {
    const found = await applicationDetail(db, actor, id);
    if (!found) throw new AppError('WHITELIST_APPLICATION_NOT_FOUND');
    return found;
  };

  app.get(
    '/api/whitelist/applications',
    {
      schema: {
        tags,
        summary: '白名单申请（按权限范围）',
        querystring: S.ApplicationQuery,
        response: responses({ 200: Paged(S.Application) }),
      },
    },
    async (req) => listApplications(db, actorOf(req), withPage(req.query)),
  );
  app.post(
    '/api/whitelist/applications',
    {
      schema: {
        tags,
        summary: '企业申请纳入白名单（生成草稿并保存入库条件自检结果）',
        body: S.CreateBody,
        response: responses({ 201: S.ApplicationDetail }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await createApplication(db, actor, req.body.enterpriseId);
      return reply.status(201).send(await detail(actor, id));
    },
  );
  app.get(
    '/api/whitelist/applications/:id',
    {
      schema: {
        tags,
        summary: '白名单申请详情',
        params: IdParams,
        response: responses({ 200: S.ApplicationDetail }),
      },
    },
    async (req) => detail(actorOf(req), req.params.id),
  );
  app.post(
    '/api/whitelist/applications/:id/submit',
    {
      schema: {
        tags,
        summary: '企业提交白名单申请（重新核验入库条件）',
        params: IdParams,
        response: responses({ 200: S.ApplicationDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await submitApplication(db, actor, req.params.id);
      return detail(actor, req.params.id);
    },
  );
  const moves = {
    withdraw: { summary: '企业撤回白名单申请', body: S.OptionalReasonBody },
    return: { summary: '退回白名单申请（街镇或区应急管理局，须说明理由）', body: S.ReasonBody },
    review: { summary: '区应急管理局开始形式审查', body: undefined },
    reject: { summary: '不予入库（须说明理由）', body: S.ReasonBody },
  } as const;
  for (const [action, spec] of Object.entries(moves) as [
    keyof typeof moves,
    (typeof moves)[keyof typeof moves],
  ][]) {
    app.post(
      `/api/whitelist/applications/:id/${action}`,
      {
        schema: {
          tags,
          summary: spec.summary,
          params: IdParams,
          ...(spec.body ? { body: spec.body } : {}),
          response: responses({ 200: S.ApplicationDetail }),
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const { id } = req.params as { id: string };
        await moveApplication(db, actor, id, action, (req.body as { reason?: string } | undefined)?.reason);
        return detail(actor, id);
      },
    );
  }
  app.post(
    '/api/whitelist/applications/:id/opinions',
    {
      schema: {
        tags,
        summary: '征求相关部门意见（按工作日计算反馈期限）',
        params: IdParams,
        body: S.SolicitBody,
        response: responses({ 200: S.ApplicationDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await solicitOpinions(db, actor, req.params.id, req.body.departmentIds);
      return detail(actor, req.params.id);
    },
  );
  app.post(
    '/api/whitelist/applications/:id/opinion',
    {
      schema: {
        tags,
        summary: '部门反馈意见（同意 / 有异议并说明理由）',
        params: IdParams,
        body: S.OpinionBody,
        response: responses({ 200: S.ApplicationDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await answerOpinion(db, actor, req.params.id, req.body);
      return detail(actor, req.params.id);
    },
  );
  app.get(
    '/api/whitelist/opinions',
    {
      schema: {
        tags,
        summary: '本部门的征求意见事项',
        querystring: S.OpinionQuery,
        response: responses({ 200: Paged(S.OpinionItem) }),
      },
    },
    async (req) => listOpinions(db, actorOf(req), withPage(req.query)),
  );
  app.get(
    '/api/whitelist/departments',
    {
      schema: {
        tags,
        summary: '可征求意见的部门',
        response: responses({ 200: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) }),
      },
    },
    async (req) => departmentsToAsk(db, actorOf(req)),
  );
  app.post(
    '/api/whitelist/batches',
    {
      schema: {
        tags,
        summary: '街镇收集已提交的申请并报送区应急管理局',
        body: S.BatchBody,
        response: responses({ 201: S.BatchDetail }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await collectBatch(db, actor, req.body);
      const batch = await batchDetail(db, actor, id);
      if (!batch) throw new AppError('WHITELIST_APPLICATION_NOT_FOUND');
      return reply.status(201).send(batch);
    },
  );
  app.get(
    '/api/whitelist/batches',
    {
      schema: {
        tags,
        summary: '街镇报送批次',
        querystring: Type.Object({
          ...S.OpinionQuery.properties,
          status: Type.Optional(Type.String({ maxLength: 1 })),
        }),
        response: responses({ 200: Paged(S.Batch) }),
      },
    },
    async (req) => listBatches(db, actorOf(req), withPage(req.query)),
  );
}
