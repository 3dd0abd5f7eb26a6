import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { IdParams, responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { answerItem } from './commands/answer-item.js';
import { completeInspection } from './commands/complete-inspection.js';
import { startInspection } from './commands/start-inspection.js';
import { assessmentDetail, listAssessments } from './queries.js';
import * as S from './schemas.js';

const tags = ['inspections'];

export function inspectionRoutes({ app, db }: ModuleContext): void {
  const detail = async (actor: Parameters<typeof assessmentDetail>[1], id: string) => {
    const found = await assessmentDetail(db, actor, id);
    if (!found) throw new AppError('INSPECTION_NOT_FOUND');
    return found;
  };

  app.get(
    '/api/inspections',
    {
      schema: {
        tags,
        summary: '自查与首次检查记录（按权限范围）',
        querystring: S.InspectionQuery,
        response: responses({ 200: S.InspectionList }),
      },
    },
    async (req) =>
      listAssessments(db, actorOf(req), {
        ...req.query,
        page: req.query.page ?? 1,
        pageSize: req.query.pageSize ?? 20,
      }),
  );

  app.post(
    '/api/inspections',
    {
      schema: {
        tags,
        summary: '开始自查（企业）或首次检查（受托服务机构），可复制上一次结果',
        body: S.StartBody,
        response: responses({ 201: S.InspectionDetail }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await startInspection(db, actor, req.body);
      return reply.status(201).send(await detail(actor, id));
    },
  );

  app.get(
    '/api/inspections/:id',
    {
      schema: {
        tags,
        summary: '自查详情：条目、作答与进度',
        params: IdParams,
        response: responses({ 200: S.InspectionDetail }),
      },
    },
    async (req) => detail(actorOf(req), req.params.id),
  );

  app.put(
    '/api/inspections/:id/answers/:code',
    {
      schema: {
        tags,
        summary: '保存一个条目的作答（可分多次完成）',
        params: S.AnswerParams,
        body: S.AnswerBody,
        response: responses({ 200: S.AnswerView }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await answerItem(db, actor, req.params.id, req.params.code, req.body);
      const found = await detail(actor, req.params.id);
      const answer = found.answers.find((a) => a.itemCode === req.params.code);
      if (!answer) throw new AppError('INSPECTION_ITEM_NOT_FOUND');
      return answer;
    },
  );

  app.post(
    '/api/inspections/:id/complete',
    {
      schema: {
        tags,
        summary: '完成自查：不符合项自动生成隐患',
        params: IdParams,
        response: responses({ 200: S.InspectionDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const hazardIds = await completeInspection(db, actor, req.params.id);
      return { ...(await detail(actor, req.params.id)), hazardIds };
    },
  );
}
