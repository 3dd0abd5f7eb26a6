import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { IdParams, Paged, responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import type { Actor } from '../../platform/access/actor.js';
import { openNotice, publishNotice } from './commands/notices.js';
import { fileObjection, handleObjection } from './commands/objections.js';
import { listNotices, noticeDetail } from './notice-queries.js';
import { publicJurisdiction, publicWhitelist, runningNotices } from './public-queries.js';
import { withPage } from '../../platform/http/paging.js';
import * as S from './schemas.js';
import { Type } from 'typebox';

const tags = ['whitelist'];

/** 公示 and 异议 (the bureau's side), and what the public reads and files without a login. */
export function noticeRoutes({ app, db }: ModuleContext): void {
  const detail = async (actor: Actor, id: string) => {
    const found = await noticeDetail(db, actor, id);
    if (!found) throw new AppError('WHITELIST_NOTICE_NOT_FOUND');
    return found;
  };
  app.get(
    '/api/whitelist/notices',
    {
      schema: {
        tags,
        summary: '白名单公示',
        querystring: S.NoticeQuery,
        response: responses({ 200: Paged(S.Notice) }),
      },
    },
    async (req) => listNotices(db, actorOf(req), withPage(req.query)),
  );
  app.post(
    '/api/whitelist/notices',
    {
      schema: {
        tags,
        summary: '发布公示（公示期按工作日计算并出具公示文书）',
        body: S.NoticeBody,
        response: responses({ 201: S.NoticeDetail }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await openNotice(db, actor, req.body);
      return reply.status(201).send(await detail(actor, id));
    },
  );
  app.get(
    '/api/whitelist/notices/:id',
    {
      schema: {
        tags,
        summary: '公示详情与异议',
        params: IdParams,
        response: responses({ 200: S.NoticeDetail }),
      },
    },
    async (req) => detail(actorOf(req), req.params.id),
  );
  app.post(
    '/api/whitelist/notices/:id/publish',
    {
      schema: {
        tags,
        summary: '公示期满发布白名单（编号、有效期、牌匾）',
        params: IdParams,
        response: responses({ 200: S.NoticeDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await publishNotice(db, actor, req.params.id);
      return detail(actor, req.params.id);
    },
  );
  app.post(
    '/api/whitelist/objections/:id/handle',
    {
      schema: {
        tags,
        summary: '处理公示异议（不成立 / 成立：重新审查或不予入库）',
        params: IdParams,
        body: S.HandleObjectionBody,
        response: responses({ 200: Type.Object({ ok: Type.Literal(true) }) }),
      },
    },
    async (req) => {
      await handleObjection(db, actorOf(req), req.params.id, req.body);
      return { ok: true as const };
    },
  );

  const JurisdictionQuery = { jurisdiction: Type.Optional(Type.String({ pattern: '^\\d{6}$' })) };
  const jurisdictionOf = async (code?: string) => {
    const id = await publicJurisdiction(db, code);
    if (!id) throw new AppError('NOT_FOUND');
    return id;
  };
  app.get(
    '/api/public/whitelist',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: '安全生产合规企业白名单（公开查询）',
        querystring: Type.Object({ ...S.PublicWhitelistQuery.properties, ...JurisdictionQuery }),
        response: responses({ 200: S.PublicWhitelist }),
      },
    },
    async (req) => publicWhitelist(db, await jurisdictionOf(req.query.jurisdiction), withPage(req.query)),
  );
  app.get(
    '/api/public/notices',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: '正在公示的白名单拟入库企业（公开）',
        querystring: Type.Object(JurisdictionQuery),
        response: responses({ 200: Type.Array(S.PublicNotice) }),
      },
    },
    async (req) => runningNotices(db, await jurisdictionOf(req.query.jurisdiction)),
  );
  app.post(
    '/api/public/notices/:id/objections',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: '对公示企业提出异议（须留姓名与联系方式）',
        params: IdParams,
        body: S.ObjectionBody,
        response: responses({ 201: S.ObjectionReceipt }),
      },
    },
    async (req, reply) => reply.status(201).send(await fileObjection(db, req.params.id, req.body, req.ip)),
  );
}
