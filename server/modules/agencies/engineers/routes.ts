import { Type } from 'typebox';
import { actorOf } from '../../../platform/auth/plugin.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { IdParams, Nullable, responses, Uuid } from '../../../platform/http/schemas.js';
import type { ModuleContext } from '../../../platform/http/types.js';
import { hasRole, unitsWithRole } from '../../../platform/access/actor.js';
import { usersBoundTo } from '../../identity/queries.js';
import { getAgency } from '../queries.js';
import { addEngineer, editEngineer, reviewEngineer } from './commands.js';
import { engineerView, listEngineers } from './queries.js';

const tags = ['agencies'];
const CalendarDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Level = Type.Union([Type.Literal('senior'), Type.Literal('intermediate'), Type.Literal('junior')]);
const Status = Type.Union([
  Type.Literal('pending'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
  Type.Literal('revoked'),
]);

export const EngineerView = Type.Object({
  id: Uuid,
  agencyId: Uuid,
  agencyName: Type.String(),
  name: Type.String(),
  certificateNumber: Type.String(),
  level: Level,
  speciality: Type.String(),
  validFrom: Type.String(),
  validTo: Type.String(),
  userId: Nullable(Uuid),
  status: Status,
  reviewNote: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  isMe: Type.Boolean(),
  abilities: Type.Object({
    edit: Type.Boolean(),
    approve: Type.Boolean(),
    reject: Type.Boolean(),
    revoke: Type.Boolean(),
  }),
});

const EngineerBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 50 }),
    certificateNumber: Type.String({ minLength: 4, maxLength: 40, pattern: '^[0-9A-Za-z\\-]+$' }),
    level: Level,
    speciality: Type.Optional(Type.String({ maxLength: 50 })),
    validFrom: CalendarDate,
    validTo: CalendarDate,
    userId: Type.Optional(Nullable(Uuid)),
  },
  { additionalProperties: false },
);
const NoteBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

/** 注册安全工程师: the agency keeps them, the bureau approves. */
export function engineerRoutes({ app, db }: ModuleContext): void {
  const view = async (actor: Parameters<typeof engineerView>[1], id: string) => {
    const found = await engineerView(db, actor, id);
    if (!found) throw new AppError('ENGINEER_NOT_FOUND');
    return found;
  };

  app.get(
    '/api/agencies/:id/users',
    {
      schema: {
        tags,
        summary: '机构的用户账号（供关联工程师本人登录；区应急管理局与本机构）',
        params: IdParams,
        response: responses({
          200: Type.Array(Type.Object({ id: Uuid, username: Type.String(), displayName: Type.String() })),
        }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const agency = await getAgency(db, req.params.id);
      const mayList =
        agency?.jurisdictionId === actor.jurisdictionId &&
        (hasRole(actor, 'system_admin', 'bureau_admin') ||
          unitsWithRole(actor, 'agency_user').includes(agency.id));
      if (!agency || !mayList) throw new AppError('AGENCY_NOT_FOUND');
      return usersBoundTo(db, 'agency_user', agency.id);
    },
  );

  app.get(
    '/api/engineers',
    {
      schema: {
        tags,
        summary: '注册安全工程师（区应急管理局看全部；机构看本机构）',
        querystring: Type.Object({ agencyId: Type.Optional(Uuid), status: Type.Optional(Status) }),
        response: responses({ 200: Type.Array(EngineerView) }),
      },
    },
    async (req) => listEngineers(db, actorOf(req), req.query),
  );
  app.get(
    '/api/engineers/:id',
    { schema: { tags, summary: '工程师详情', params: IdParams, response: responses({ 200: EngineerView }) } },
    async (req) => view(actorOf(req), req.params.id),
  );
  app.post(
    '/api/agencies/:id/engineers',
    {
      schema: {
        tags,
        summary: '登记本机构的注册安全工程师（待区应急管理局审核）',
        params: IdParams,
        body: EngineerBody,
        response: responses({ 201: EngineerView }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await addEngineer(db, actor, req.params.id, req.body);
      return reply.status(201).send(await view(actor, id));
    },
  );
  app.patch(
    '/api/engineers/:id',
    {
      schema: {
        tags,
        summary: '修改工程师信息（机构修改后须重新审核）',
        params: IdParams,
        body: EngineerBody,
        response: responses({ 200: EngineerView }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await editEngineer(db, actor, req.params.id, req.body);
      return view(actor, req.params.id);
    },
  );
  for (const action of ['approve', 'reject', 'revoke'] as const) {
    const summary = { approve: '审核通过工程师', reject: '退回工程师登记', revoke: '撤销工程师资格' }[action];
    app.post(
      `/api/engineers/:id/${action}`,
      {
        schema: {
          tags,
          summary: `${summary}（区应急管理局）`,
          params: IdParams,
          body: NoteBody,
          response: responses({ 200: EngineerView }),
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await reviewEngineer(db, actor, req.params.id, action, req.body.note);
        return view(actor, req.params.id);
      },
    );
  }
}
