import type { Actor } from '../../platform/access/actor.js';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { IdParams, responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { approveCampaign, closeCampaign, proposeCampaign, rejectCampaign } from './commands/campaigns.js';
import { replyLetter } from './commands/reply-letter.js';
import { withPage } from '../../platform/http/paging.js';
import { campaignDetail, letterDetail, listCampaigns, listLetters } from './queries.js';
import * as S from './schemas.js';

const tags = ['advice'];

/** 合规建议: campaigns (proposed, approved and sent in bulk, closed) and the letters enterprises answer. */
export function adviceRoutes({ app, db }: ModuleContext): void {
  const campaign = async (actor: Actor, id: string) => {
    const found = await campaignDetail(db, actor, id);
    if (!found) throw new AppError('ADVICE_CAMPAIGN_NOT_FOUND');
    return found;
  };
  const letter = async (actor: Actor, id: string) => {
    const found = await letterDetail(db, actor, id);
    if (!found) throw new AppError('ADVICE_LETTER_NOT_FOUND');
    return found;
  };

  app.get(
    '/api/advice/campaigns',
    {
      schema: {
        tags,
        summary: '合规建议书批次（按权限范围）',
        querystring: S.CampaignQuery,
        response: responses({ 200: S.PagedCampaigns }),
      },
    },
    async (req) => listCampaigns(db, actorOf(req), withPage(req.query)),
  );
  app.post(
    '/api/advice/campaigns',
    {
      schema: {
        tags,
        summary: '部门提议批量发送合规建议书',
        body: S.ProposeBody,
        response: responses({ 201: S.Campaign }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await proposeCampaign(db, actor, req.body);
      return reply.status(201).send(await campaign(actor, id));
    },
  );
  app.get(
    '/api/advice/campaigns/:id',
    {
      schema: {
        tags,
        summary: '合规建议书批次详情（发送进度、回复与逾期统计）',
        params: IdParams,
        response: responses({ 200: S.Campaign }),
      },
    },
    async (req) => campaign(actorOf(req), req.params.id),
  );
  app.post(
    '/api/advice/campaigns/:id/approve',
    {
      schema: {
        tags,
        summary: '批准并发送（锁定发送对象，后台逐批编号发送）',
        params: IdParams,
        response: responses({ 200: S.Campaign }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await approveCampaign(db, actor, req.params.id);
      return campaign(actor, req.params.id);
    },
  );
  app.post(
    '/api/advice/campaigns/:id/reject',
    {
      schema: {
        tags,
        summary: '不予发送（须说明理由）',
        params: IdParams,
        body: S.ReasonBody,
        response: responses({ 200: S.Campaign }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await rejectCampaign(db, actor, req.params.id, req.body.reason);
      return campaign(actor, req.params.id);
    },
  );
  app.post(
    '/api/advice/campaigns/:id/close',
    {
      schema: {
        tags,
        summary: '结束批次（回复期限届满后系统自动结束）',
        params: IdParams,
        response: responses({ 200: S.Campaign }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await closeCampaign(db, actor, req.params.id);
      return campaign(actor, req.params.id);
    },
  );
  app.get(
    '/api/advice/letters',
    {
      schema: {
        tags,
        summary: '合规建议书（企业看本企业，街镇看辖区，部门看本部门发出的）',
        querystring: S.LetterQuery,
        response: responses({ 200: S.PagedLetters }),
      },
    },
    async (req) => listLetters(db, actorOf(req), withPage(req.query)),
  );
  app.get(
    '/api/advice/letters/:id',
    {
      schema: { tags, summary: '合规建议书详情', params: IdParams, response: responses({ 200: S.Letter }) },
    },
    async (req) => letter(actorOf(req), req.params.id),
  );
  app.post(
    '/api/advice/letters/:id/reply',
    {
      schema: {
        tags,
        summary: '企业书面回复合规建议书（自查自改情况）',
        params: IdParams,
        body: S.ReplyBody,
        response: responses({ 200: S.Letter }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await replyLetter(db, actor, req.params.id, req.body.reply);
      return letter(actor, req.params.id);
    },
  );
}
