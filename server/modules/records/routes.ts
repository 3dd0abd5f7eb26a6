import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { IdParams, responses, Uuid } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { listDishonesty, recordAccident, recordPenalty } from './commands.js';
import { recordAbilities } from './policy.js';
import { adverseRecords } from './queries.js';

const tags = ['records'];
const CalendarDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Grade = Type.Union([
  Type.Literal('general'),
  Type.Literal('larger'),
  Type.Literal('major'),
  Type.Literal('especially_major'),
]);
const Created = Type.Object({ id: Uuid });

const Records = Type.Object({
  accidents: Type.Array(
    Type.Object({
      id: Uuid,
      occurredOn: Type.String(),
      grade: Grade,
      deaths: Type.Integer(),
      seriousInjuries: Type.Integer(),
      directLoss: Type.Integer(),
      description: Type.String(),
      source: Type.String(),
      sourceKind: Type.String(),
    }),
  ),
  penalties: Type.Array(
    Type.Object({
      id: Uuid,
      authority: Type.String(),
      decisionNumber: Type.String(),
      decidedOn: Type.String(),
      violation: Type.String(),
      sanction: Type.String(),
      workSafety: Type.Boolean(),
      source: Type.String(),
      sourceKind: Type.String(),
    }),
  ),
  dishonesty: Type.Array(
    Type.Object({
      id: Uuid,
      listedBy: Type.String(),
      fromDate: Type.String(),
      toDate: Type.Union([Type.String(), Type.Null()]),
      reason: Type.String(),
      source: Type.String(),
      sourceKind: Type.String(),
    }),
  ),
});

/** 不良记录: accidents, administrative penalties and serious-dishonesty listings of an enterprise, each with its source. */
export function recordRoutes({ app, db }: ModuleContext): void {
  app.get(
    '/api/enterprises/:id/adverse-records',
    {
      schema: {
        tags,
        summary: '企业的事故、行政处罚与严重失信记录',
        params: IdParams,
        response: responses({ 200: Records }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!recordAbilities(actor).viewAdverseRecords) throw new AppError('FORBIDDEN');
      return adverseRecords(db, actor, req.params.id);
    },
  );
  app.post(
    '/api/accidents',
    {
      schema: {
        tags,
        summary: '登记生产安全事故（区应急管理局）',
        body: Type.Object(
          {
            enterpriseId: Uuid,
            occurredOn: CalendarDate,
            grade: Grade,
            deaths: Type.Integer({ minimum: 0, maximum: 10000 }),
            seriousInjuries: Type.Integer({ minimum: 0, maximum: 10000 }),
            directLoss: Type.Optional(Type.Integer({ minimum: 0 })),
            description: Type.Optional(Type.String({ maxLength: 2000 })),
            source: Text(200),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Created }),
      },
    },
    async (req, reply) => reply.status(201).send({ id: await recordAccident(db, actorOf(req), req.body) }),
  );
  app.post(
    '/api/penalties',
    {
      schema: {
        tags,
        summary: '登记行政处罚（负有安全生产监管职责的部门）',
        body: Type.Object(
          {
            enterpriseId: Uuid,
            authority: Text(60),
            decisionNumber: Text(60),
            decidedOn: CalendarDate,
            violation: Text(500),
            sanction: Text(500),
            workSafety: Type.Boolean(),
            source: Text(200),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Created }),
      },
    },
    async (req, reply) => reply.status(201).send({ id: await recordPenalty(db, actorOf(req), req.body) }),
  );
  app.post(
    '/api/dishonesty-listings',
    {
      schema: {
        tags,
        summary: '登记列入安全生产严重失信名单（区应急管理局）',
        body: Type.Object(
          {
            enterpriseId: Uuid,
            listedBy: Text(60),
            fromDate: CalendarDate,
            toDate: Type.Optional(Type.Union([CalendarDate, Type.Null()])),
            reason: Text(500),
            source: Text(200),
          },
          { additionalProperties: false },
        ),
        response: responses({ 201: Created }),
      },
    },
    async (req, reply) => reply.status(201).send({ id: await listDishonesty(db, actorOf(req), req.body) }),
  );
}
