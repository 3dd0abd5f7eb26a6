import type { Actor } from '../../platform/access/actor.js';
import { hasRole, unitsWithRole } from '../../platform/access/actor.js';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { IdParams, responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { engineersOfUser, getAgency } from '../agencies/index.js';
import { linkedHashes } from '../documents/index.js';
import { concludeConfirmation, signConfirmation } from './commands/conclude-and-sign.js';
import { checkItem, moveConfirmation } from './commands/move-confirmation.js';
import { requestConfirmation } from './commands/request-confirmation.js';
import { revokeConfirmation } from './commands/revoke-confirmation.js';
import { confirmationDetail, listConfirmations } from './queries.js';
import { agencyRecord } from './record.js';
import * as S from './schemas.js';

const tags = ['confirmations'];

export function confirmationRoutes({ app, db }: ModuleContext): void {
  const detail = async (actor: Actor, id: string) => {
    const found = await confirmationDetail(db, actor, id);
    if (!found) throw new AppError('CONFIRMATION_NOT_FOUND');
    const mine = (await engineersOfUser(db, actor)).filter((e) => e.agencyId === found.agencyId);
    return {
      ...found,
      myEngineers: mine.map((e) => ({
        id: e.id,
        name: e.name,
        certificateNumber: e.certificateNumber,
        agencyId: e.agencyId,
      })),
    };
  };

  app.get(
    '/api/confirmations',
    {
      schema: {
        tags,
        summary: '第三方确认（按权限范围）',
        querystring: S.ConfirmationQuery,
        response: responses({ 200: S.ConfirmationList }),
      },
    },
    async (req) =>
      listConfirmations(db, actorOf(req), {
        ...req.query,
        page: req.query.page ?? 1,
        pageSize: req.query.pageSize ?? 20,
      }),
  );
  app.post(
    '/api/confirmations',
    {
      schema: {
        tags,
        summary: '企业委托第三方确认机构',
        body: S.RequestBody,
        response: responses({ 201: S.ConfirmationDetail }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await requestConfirmation(db, actor, req.body);
      return reply.status(201).send(await detail(actor, id));
    },
  );
  app.get(
    '/api/confirmations/:id',
    {
      schema: {
        tags,
        summary: '第三方确认详情',
        params: IdParams,
        response: responses({ 200: S.ConfirmationDetail }),
      },
    },
    async (req) => detail(actorOf(req), req.params.id),
  );
  for (const action of ['accept', 'decline', 'withdraw', 'reopen'] as const) {
    const summary = {
      accept: '接受委托（机构）',
      decline: '拒绝委托（机构）',
      withdraw: '撤回委托（企业）',
      reopen: '退回修改结论（签字前，机构）',
    }[action];
    app.post(
      `/api/confirmations/:id/${action}`,
      {
        schema: {
          tags,
          summary,
          params: IdParams,
          body: S.NoteBody,
          response: responses({ 200: S.ConfirmationDetail }),
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await moveConfirmation(db, actor, req.params.id, action, req.body.note);
        return detail(actor, req.params.id);
      },
    );
  }
  app.put(
    '/api/confirmations/:id/items/:code',
    {
      schema: {
        tags,
        summary: '记录一个重点审查项的核查结果（机构）',
        params: S.ItemParams,
        body: S.ItemBody,
        response: responses({ 200: S.ConfirmationDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await checkItem(db, actor, req.params.id, req.params.code, req.body, (tx, hashes) =>
        linkedHashes(tx, 'confirmation', req.params.id, hashes),
      );
      return detail(actor, req.params.id);
    },
  );
  app.post(
    '/api/confirmations/:id/conclude',
    {
      schema: {
        tags,
        summary: '得出确认结论（机构；待两名工程师签字）',
        params: IdParams,
        body: S.ConcludeBody,
        response: responses({ 200: S.ConfirmationDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await concludeConfirmation(db, actor, req.params.id, req.body);
      return detail(actor, req.params.id);
    },
  );
  app.post(
    '/api/confirmations/:id/sign',
    {
      schema: {
        tags,
        summary: '注册安全工程师本人签字（第二人签字后生效并出具报告）',
        params: IdParams,
        body: S.SignBody,
        response: responses({ 200: S.ConfirmationDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await signConfirmation(db, actor, req.params.id, req.body.engineerId);
      return detail(actor, req.params.id);
    },
  );
  app.post(
    '/api/confirmations/:id/revoke',
    {
      schema: {
        tags,
        summary: '认定虚假确认并撤销（区应急管理局；机构列入黑名单或降级）',
        params: IdParams,
        body: S.RevokeBody,
        response: responses({ 200: S.ConfirmationDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await revokeConfirmation(db, actor, req.params.id, req.body);
      return detail(actor, req.params.id);
    },
  );
  app.get(
    '/api/agencies/:id/record',
    {
      schema: {
        tags,
        summary: '机构与工程师的确认记录（评价）',
        params: IdParams,
        response: responses({ 200: S.AgencyRecord }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const agency = await getAgency(db, req.params.id);
      const mayRead =
        agency?.jurisdictionId === actor.jurisdictionId &&
        (hasRole(actor, 'system_admin', 'bureau_admin', 'bureau_reviewer') ||
          unitsWithRole(actor, 'agency_user').includes(agency.id));
      if (!agency || !mayRead) throw new AppError('AGENCY_NOT_FOUND');
      return agencyRecord(db, agency.id);
    },
  );
}
