import { Type } from 'typebox';
import type { Actor } from '../../platform/access/actor.js';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { IdParams, Paged, responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { getEnterprise } from '../registry/queries.js';
import { decideReview, submitReview, suspendOrReinstate } from './commands/entries.js';
import { decideExit, proposeExit } from './commands/exits.js';
import { entryDetail, listEntries, listMeasures } from './entry-queries.js';
import { exitDetail, listExits, listReviews } from './notice-queries.js';
import { whitelistStatusOf } from './queries.js';
import { withPage } from '../../platform/http/paging.js';
import * as S from './schemas.js';

const tags = ['whitelist'];

/** 白名单 entries, annual reviews, suspension, exits and the measures they impose. */
export function entryRoutes({ app, db }: ModuleContext): void {
  const detail = async (actor: Actor, id: string) => {
    const found = await entryDetail(db, actor, id);
    if (!found) throw new AppError('WHITELIST_ENTRY_NOT_FOUND');
    return found;
  };
  const exit = async (actor: Actor, id: string) => {
    const found = await exitDetail(db, actor, id);
    if (!found) throw new AppError('WHITELIST_EXIT_NOT_FOUND');
    return found;
  };
  const enterprise = async (actor: Actor, id: string) => {
    const found = await getEnterprise(db, actor, id);
    if (!found) throw new AppError('ENTERPRISE_NOT_FOUND');
    return found;
  };

  app.get(
    '/api/whitelist/entries',
    {
      schema: {
        tags,
        summary: '白名单企业（按权限范围）',
        querystring: S.EntryQuery,
        response: responses({ 200: Paged(S.Entry) }),
      },
    },
    async (req) => listEntries(db, actorOf(req), withPage(req.query)),
  );
  app.get(
    '/api/whitelist/entries/:id',
    {
      schema: {
        tags,
        summary: '白名单企业详情（复核、退出、管理措施）',
        params: IdParams,
        response: responses({ 200: S.EntryDetail }),
      },
    },
    async (req) => detail(actorOf(req), req.params.id),
  );
  for (const action of ['suspend', 'reinstate'] as const) {
    app.post(
      `/api/whitelist/entries/:id/${action}`,
      {
        schema: {
          tags,
          summary: action === 'suspend' ? '暂停白名单资格（事故或重大问题调查期间）' : '恢复白名单资格',
          params: IdParams,
          body: S.ReasonBody,
          response: responses({ 200: S.EntryDetail }),
        },
      },
      async (req) => {
        const actor = actorOf(req);
        const { id } = req.params as { id: string };
        await suspendOrReinstate(db, actor, id, action, (req.body as { reason: string }).reason);
        return detail(actor, id);
      },
    );
  }
  app.post(
    '/api/whitelist/entries/:id/exit-proposals',
    {
      schema: {
        tags,
        summary: '提出退出事项（六种情形之一，附证据）',
        params: IdParams,
        body: S.ProposeBody,
        response: responses({ 201: S.Exit }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await proposeExit(db, actor, req.params.id, req.body, 'bureau');
      return reply.status(201).send(await exit(actor, id));
    },
  );
  app.post(
    '/api/whitelist/entries/:id/withdraw',
    {
      schema: {
        tags,
        summary: '企业申请主动退出白名单',
        params: IdParams,
        body: S.WithdrawBody,
        response: responses({ 201: S.Exit }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await proposeExit(
        db,
        actor,
        req.params.id,
        { reason: 'withdrawal_or_review', summary: req.body.summary },
        'enterprise',
      );
      return reply.status(201).send(await exit(actor, id));
    },
  );
  app.get(
    '/api/whitelist/exits',
    {
      schema: {
        tags,
        summary: '退出事项',
        querystring: S.ExitQuery,
        response: responses({ 200: Paged(S.Exit) }),
      },
    },
    async (req) => listExits(db, actorOf(req), withPage(req.query)),
  );
  app.get(
    '/api/whitelist/exits/:id',
    { schema: { tags, summary: '退出事项详情', params: IdParams, response: responses({ 200: S.Exit }) } },
    async (req) => exit(actorOf(req), req.params.id),
  );
  app.post(
    '/api/whitelist/exits/:id/decide',
    {
      schema: {
        tags,
        summary: '决定退出（出具退出决定书、收回牌匾、启动管理措施）或不予退出',
        params: IdParams,
        body: S.DecideExitBody,
        response: responses({ 200: S.Exit }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await decideExit(db, actor, req.params.id, req.body);
      return exit(actor, req.params.id);
    },
  );
  app.get(
    '/api/whitelist/reviews',
    {
      schema: {
        tags,
        summary: '年度复核',
        querystring: S.ReviewQuery,
        response: responses({ 200: Paged(S.Review) }),
      },
    },
    async (req) => listReviews(db, actorOf(req), withPage(req.query)),
  );
  app.post(
    '/api/whitelist/reviews/:id/submit',
    {
      schema: {
        tags,
        summary: '企业提交年度复核（重新核验入库条件）',
        params: IdParams,
        response: responses({ 200: Type.Object({ ok: Type.Literal(true) }) }),
      },
    },
    async (req) => {
      await submitReview(db, actorOf(req), req.params.id);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/whitelist/reviews/:id/decide',
    {
      schema: {
        tags,
        summary: '年度复核结论（通过则延续有效期并换发牌匾；不通过启动退出）',
        params: IdParams,
        body: S.DecideReviewBody,
        response: responses({ 200: Type.Object({ ok: Type.Literal(true) }) }),
      },
    },
    async (req) => {
      await decideReview(db, actorOf(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/enterprises/:id/whitelist',
    {
      schema: {
        tags,
        summary: '企业的白名单状态',
        params: IdParams,
        response: responses({ 200: S.EnterpriseWhitelist }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const e = await enterprise(actor, req.params.id);
      return whitelistStatusOf(db, actor, e.id);
    },
  );
  app.get(
    '/api/enterprises/:id/measures',
    {
      schema: {
        tags,
        summary: '企业退出白名单后的管理措施',
        params: IdParams,
        response: responses({ 200: Type.Array(S.Measure) }),
      },
    },
    async (req) => {
      const e = await enterprise(actorOf(req), req.params.id);
      return listMeasures(db, e.id);
    },
  );
}
