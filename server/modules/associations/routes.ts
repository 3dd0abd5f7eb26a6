import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/plugin.js';
import { IdParams, Nullable, responses, Uuid } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { adoptSelfDiscipline, registerAssociation, withdrawSelfDiscipline } from './commands.js';
import {
  findAssociation,
  listAssociations,
  listSelfDiscipline,
  presentAssociation,
  selfDisciplineDetail,
} from './queries.js';

const tags = ['associations'];

const AssociationView = Type.Object({
  id: Uuid,
  name: Type.String(),
  uscc: Type.String(),
  industryScope: Type.Array(Type.String()),
  status: Type.String(),
  contactName: Nullable(Type.String()),
  contactPhone: Nullable(Type.String()),
});
const Summary = Type.Object({
  id: Uuid,
  associationId: Uuid,
  associationName: Type.String(),
  standardVersionId: Uuid,
  title: Type.String(),
  itemCount: Type.Integer(),
  status: Type.String(),
  createdAt: Type.String(),
  abilities: Type.Object({ withdraw: Type.Boolean() }),
});
const Detail = Type.Object({
  ...Summary.properties,
  standardTitle: Type.String(),
  versionNumber: Type.String(),
  items: Type.Array(
    Type.Object({
      code: Type.String(),
      module: Type.String(),
      requirement: Type.String(),
      isKey: Type.Boolean(),
    }),
  ),
});

/** 行业协会 and their 自律共治标准. */
export function associationRoutes({ app, db }: ModuleContext): void {
  app.get(
    '/api/associations',
    { schema: { tags, summary: '行业协会名录', response: responses({ 200: Type.Array(AssociationView) }) } },
    async (req) => listAssociations(db, actorOf(req)),
  );
  app.post(
    '/api/associations',
    {
      schema: {
        tags,
        summary: '登记行业协会（区应急管理局）',
        body: Type.Object(
          {
            name: Type.String({ minLength: 2, maxLength: 100 }),
            uscc: Type.String({ minLength: 18, maxLength: 18 }),
            industryScope: Type.Array(Type.String({ pattern: '^[0-9]{2,4}$' }), {
              minItems: 1,
              maxItems: 20,
            }),
            contactName: Type.Optional(Type.String({ maxLength: 50 })),
            contactPhone: Type.Optional(Type.String({ maxLength: 30 })),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: AssociationView }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await registerAssociation(db, actor, req.body);
      return reply.status(201).send(presentAssociation(await findAssociation(db, actor, id)));
    },
  );
  app.get(
    '/api/self-discipline-standards',
    {
      schema: {
        tags,
        summary: '自律共治标准',
        querystring: Type.Object({ associationId: Type.Optional(Uuid) }),
        response: responses({ 200: Type.Array(Summary) }),
      },
    },
    async (req) => listSelfDiscipline(db, actorOf(req), req.query.associationId),
  );
  app.get(
    '/api/self-discipline-standards/:id',
    {
      schema: {
        tags,
        summary: '自律共治标准（条目取自所引用的标准版本）',
        params: IdParams,
        response: responses({ 200: Detail }),
      },
    },
    async (req) => selfDisciplineDetail(db, actorOf(req), req.params.id),
  );
  app.post(
    '/api/associations/:id/self-discipline-standards',
    {
      schema: {
        tags,
        summary: '协会从已发布的标准版本中选取条目，制定自律共治标准',
        params: IdParams,
        body: Type.Object(
          {
            title: Type.String({ minLength: 2, maxLength: 100 }),
            standardVersionId: Uuid,
            itemCodes: Type.Array(Type.String({ maxLength: 20 }), { maxItems: 500 }),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Detail }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await adoptSelfDiscipline(db, actor, req.params.id, req.body);
      return reply.status(201).send(await selfDisciplineDetail(db, actor, id));
    },
  );
  app.post(
    '/api/self-discipline-standards/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤回自律共治标准（协会）',
        params: IdParams,
        response: responses({ 200: Detail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await withdrawSelfDiscipline(db, actor, req.params.id);
      return selfDisciplineDetail(db, actor, req.params.id);
    },
  );
}
