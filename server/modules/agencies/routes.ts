import {
  agencyActions,
  engagementActions,
  type AgencyAction,
  type EngagementAction,
} from '../../../domain/agencies.js';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { IdParams, responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { getSetting } from '../../platform/settings/settings.js';
import { changeAgencyStatus } from './commands/change-agency-status.js';
import { moveEngagement, requestEngagement } from './commands/engagements.js';
import { createAgency, updateAgency } from './commands/save-agency.js';
import { findAgency, findEngagement, listAgencies, listEngagements } from './queries.js';
import * as S from './schemas.js';

const tags = ['agencies'];

const agencyActionSummary: Record<AgencyAction, string> = {
  suspend: '暂停服务机构',
  reinstate: '恢复服务机构',
  blacklist: '将服务机构列入黑名单',
};

const engagementActionSummary: Record<EngagementAction, string> = {
  accept: '机构接受委托',
  decline: '机构拒绝委托',
  withdraw: '企业撤回委托',
  end: '结束委托（须说明原因）',
};

export function agencyRoutes({ app, db }: ModuleContext): void {
  app.addSchema(S.AgencyView);
  app.addSchema(S.EngagementView);

  const agencyOr404 = async (req: { params: { id: string } } & Parameters<typeof actorOf>[0]) => {
    const found = await findAgency(db, actorOf(req), req.params.id);
    if (!found) throw new AppError('AGENCY_NOT_FOUND');
    return found;
  };
  const engagementOr404 = async (req: { params: { id: string } } & Parameters<typeof actorOf>[0]) => {
    const found = await findEngagement(db, actorOf(req), req.params.id);
    if (!found) throw new AppError('ENGAGEMENT_NOT_FOUND');
    return found;
  };

  app.get(
    '/api/agencies',
    {
      schema: {
        tags,
        summary: '服务机构名录（按权限范围）',
        querystring: S.AgencyListQuery,
        response: responses({ 200: S.AgencyList }),
      },
    },
    async (req) =>
      listAgencies(db, actorOf(req), {
        ...req.query,
        page: req.query.page ?? 1,
        pageSize: req.query.pageSize ?? 20,
      }),
  );

  app.get(
    '/api/agencies/grade-scale',
    {
      schema: {
        tags,
        summary: '本辖区的服务机构资质等级（由高到低）',
        response: responses({ 200: S.GradeScaleView }),
      },
    },
    async (req) => ({ grades: await getSetting(db, actorOf(req).jurisdictionId, 'agencies.gradeScale') }),
  );

  app.get(
    '/api/agencies/:id',
    {
      schema: { tags, summary: '服务机构详情', params: IdParams, response: responses({ 200: S.AgencyView }) },
    },
    async (req) => agencyOr404(req),
  );

  app.post(
    '/api/agencies',
    {
      schema: {
        tags,
        summary: '登记服务机构',
        body: S.CreateAgencyBody,
        response: responses({ 201: S.AgencyView }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const b = req.body;
      const { id } = await createAgency(db, actor, {
        grade: null,
        gradeValidUntil: null,
        contactName: null,
        contactPhone: null,
        address: null,
        ...b,
      });
      return reply.status(201).send((await findAgency(db, actor, id))!);
    },
  );

  app.patch(
    '/api/agencies/:id',
    {
      schema: {
        tags,
        summary: '修改服务机构',
        params: IdParams,
        body: S.UpdateAgencyBody,
        response: responses({ 200: S.AgencyView }),
      },
    },
    async (req) => {
      await updateAgency(db, actorOf(req), req.params.id, req.body);
      return agencyOr404(req);
    },
  );

  for (const action of agencyActions) {
    app.post(
      `/api/agencies/:id/${action}`,
      {
        schema: {
          tags,
          summary: agencyActionSummary[action],
          params: IdParams,
          body: S.ReasonBody,
          response: responses({ 200: S.AgencyView }),
        },
      },
      async (req) => {
        await changeAgencyStatus(
          db,
          actorOf(req),
          req.params.id,
          action,
          (req.body as { reason?: string } | undefined)?.reason,
        );
        return agencyOr404(req);
      },
    );
  }

  app.get(
    '/api/engagements',
    {
      schema: {
        tags,
        summary: '社会化服务委托（按权限范围）',
        querystring: S.EngagementListQuery,
        response: responses({ 200: S.EngagementList }),
      },
    },
    async (req) =>
      listEngagements(db, actorOf(req), {
        ...req.query,
        page: req.query.page ?? 1,
        pageSize: req.query.pageSize ?? 20,
      }),
  );

  app.get(
    '/api/engagements/:id',
    {
      schema: {
        tags,
        summary: '服务委托详情',
        params: IdParams,
        response: responses({ 200: S.EngagementView }),
      },
    },
    async (req) => engagementOr404(req),
  );

  app.post(
    '/api/engagements',
    {
      schema: {
        tags,
        summary: '企业委托社会化服务机构',
        body: S.CreateEngagementBody,
        response: responses({ 201: S.EngagementView }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { id } = await requestEngagement(db, actor, req.body);
      return reply.status(201).send((await findEngagement(db, actor, id))!);
    },
  );

  for (const action of engagementActions) {
    app.post(
      `/api/engagements/:id/${action}`,
      {
        schema: {
          tags,
          summary: engagementActionSummary[action],
          params: IdParams,
          body: action === 'end' ? S.EndBody : S.ReasonBody,
          response: responses({ 200: S.EngagementView }),
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await moveEngagement(
          db,
          actor,
          req.params.id,
          action,
          (req.body as { reason?: string } | undefined)?.reason,
        );
        // after ending, a party may no longer see it (the agency does; the scope is the engagement's parties)
        return engagementOr404(req);
      },
    );
  }
}
