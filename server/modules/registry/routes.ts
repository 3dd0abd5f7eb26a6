import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { IdParams, responses, Uuid } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { createEnterprise } from './commands/create-enterprise.js';
import {
  activateEnterpriseAccount,
  createEnterpriseAccount,
  issueActivationCode,
} from './commands/enterprise-accounts.js';
import { updateEnterprise } from './commands/update-enterprise.js';
import { exportEnterprises } from './export.js';
import type { EnterpriseFields } from './fields.js';
import { createPark, getPark, listParks, updatePark } from './parks.js';
import { registryAbilities } from './policy.js';
import { getEnterprise, listEnterprises, listIndustries } from './queries.js';
import * as S from './schemas.js';

const tags = ['registry'];

export function registryRoutes({ app, db }: ModuleContext): void {
  app.addSchema(S.EnterpriseView);

  app.get(
    '/api/industries',
    {
      schema: {
        tags,
        summary: '国民经济行业分类（GB/T 4754-2017）',
        response: responses({ 200: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })) }),
      },
    },
    async () => listIndustries(db),
  );

  app.get(
    '/api/enterprises',
    {
      schema: {
        tags,
        summary: '企业名录（按权限范围）',
        querystring: S.EnterpriseListQuery,
        response: responses({ 200: S.EnterpriseList }),
      },
    },
    async (req) =>
      listEnterprises(db, actorOf(req), {
        ...req.query,
        page: req.query.page ?? 1,
        pageSize: req.query.pageSize ?? 20,
      }),
  );

  app.get(
    '/api/enterprises/export',
    {
      schema: {
        tags,
        summary: '导出筛选后的企业名录 (.xlsx)',
        querystring: Type.Object(S.EnterpriseFilterQuery),
        produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const stream = exportEnterprises(db, actor, req.query, (err) =>
        req.log.error({ err }, 'export failed'),
      );
      const name = `企业名录-${new Date().toISOString().slice(0, 10)}.xlsx`;
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(stream);
    },
  );

  app.get(
    '/api/enterprises/:id',
    {
      schema: {
        tags,
        summary: '企业详情',
        params: IdParams,
        response: responses({ 200: S.EnterpriseDetail }),
      },
    },
    async (req) => {
      const found = await getEnterprise(db, actorOf(req), req.params.id);
      if (!found) throw new AppError('ENTERPRISE_NOT_FOUND');
      return found;
    },
  );

  app.post(
    '/api/enterprises',
    {
      schema: {
        tags,
        summary: '登记企业',
        body: S.CreateEnterpriseBody,
        response: responses({ 201: S.EnterpriseDetail }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!registryAbilities(actor).createEnterprise) throw new AppError('FORBIDDEN');
      const b = req.body;
      const fields: EnterpriseFields = {
        registeredAddress: null,
        operatingAddress: null,
        employeeCount: null,
        contactName: null,
        contactPhone: null,
        safetyManagerName: null,
        safetyManagerPhone: null,
        operatingStatus: 'operating',
        parkId: null,
        hostEnterpriseId: null,
        ...b,
      };
      const { id } = await createEnterprise(db, actor, fields);
      return reply.status(201).send((await getEnterprise(db, actor, id))!);
    },
  );

  app.patch(
    '/api/enterprises/:id',
    {
      schema: {
        tags,
        summary: '修改企业信息',
        params: IdParams,
        body: S.UpdateEnterpriseBody,
        response: responses({ 200: S.EnterpriseDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await updateEnterprise(db, actor, req.params.id, req.body);
      return (await getEnterprise(db, actor, req.params.id))!;
    },
  );

  app.post(
    '/api/enterprises/:id/accounts',
    {
      schema: {
        tags,
        summary: '为企业创建登录账号',
        params: IdParams,
        body: S.AccountBody,
        response: responses({ 201: Type.Object({ userId: Uuid }) }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createEnterpriseAccount(db, actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/enterprises/:id/activation-codes',
    {
      schema: {
        tags,
        summary: '生成企业账号一次性激活码',
        params: IdParams,
        response: responses({ 201: Type.Object({ code: Type.String(), expiresAt: Type.String() }) }),
      },
    },
    async (req, reply) => reply.status(201).send(await issueActivationCode(db, actorOf(req), req.params.id)),
  );

  app.post(
    '/api/auth/activate',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '企业用激活码创建账号',
        body: S.ActivateBody,
        response: responses({ 201: Type.Object({ userId: Uuid }) }),
      },
    },
    async (req, reply) => reply.status(201).send(await activateEnterpriseAccount(db, req.body)),
  );

  app.get(
    '/api/parks',
    {
      schema: {
        tags,
        summary: '小微园区',
        querystring: Type.Object({ subdistrictId: Type.Optional(Uuid) }),
        response: responses({ 200: Type.Array(S.ParkView) }),
      },
    },
    async (req) => listParks(db, actorOf(req), req.query),
  );

  app.get(
    '/api/parks/:id',
    { schema: { tags, summary: '园区详情', params: IdParams, response: responses({ 200: S.ParkView }) } },
    async (req) => {
      const park = await getPark(db, actorOf(req), req.params.id);
      if (!park) throw new AppError('PARK_NOT_FOUND');
      return park;
    },
  );

  app.post(
    '/api/parks',
    { schema: { tags, summary: '登记小微园区', body: S.ParkBody, response: responses({ 201: S.ParkView }) } },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!registryAbilities(actor).createEnterprise) throw new AppError('FORBIDDEN');
      const { id } = await createPark(db, actor, { address: null, operatorEnterpriseId: null, ...req.body });
      return reply.status(201).send(await getPark(db, actor, id));
    },
  );

  app.patch(
    '/api/parks/:id',
    {
      schema: {
        tags,
        summary: '修改小微园区',
        params: IdParams,
        body: Type.Partial(S.ParkBody),
        response: responses({ 200: S.ParkView }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await updatePark(db, actor, req.params.id, req.body);
      return (await getPark(db, actor, req.params.id))!;
    },
  );

  app.get(
    '/api/registry/abilities',
    {
      schema: {
        tags,
        summary: '名录相关权限',
        response: responses({ 200: Type.Record(Type.String(), Type.Boolean()) }),
      },
    },
    async (req) => registryAbilities(actorOf(req)),
  );
}
