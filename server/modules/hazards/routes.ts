import type { Actor } from '../../platform/access/actor.js';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { IdParams, responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { enterpriseNames } from '../registry/queries.js';
import { decideExtension, requestExtension, withdrawExtension } from './commands/extensions.js';
import { today } from './commands/load-for.js';
import { moveHazard } from './commands/transition-hazard.js';
import { updateHazard } from './commands/update-hazard.js';
import {
  extensionsOfHazard,
  listExtensions,
  listHazards,
  loadExtension,
  loadHazard,
  presentExtension,
  presentHazard,
} from './queries.js';
import * as S from './schemas.js';

const tags = ['hazards'];

export function hazardRoutes({ app, db }: ModuleContext): void {
  const hazardDetail = async (actor: Actor, id: string) => {
    const h = await loadHazard(db, actor, id);
    if (!h) throw new AppError('HAZARD_NOT_FOUND');
    const names = await enterpriseNames(db, [h.enterpriseId]);
    return {
      ...presentHazard(h, names.get(h.enterpriseId) ?? '', actor, today()),
      extensions: await extensionsOfHazard(db, actor, h),
    };
  };
  const extensionDetail = async (actor: Actor, id: string) => {
    const x = await loadExtension(db, actor, id);
    if (!x) throw new AppError('EXTENSION_NOT_FOUND');
    const h = await loadHazard(db, actor, x.hazardId);
    const names = await enterpriseNames(db, [x.enterpriseId]);
    return presentExtension(x, names.get(x.enterpriseId) ?? '', h?.title ?? '', actor);
  };

  app.get(
    '/api/hazards',
    {
      schema: {
        tags,
        summary: '隐患清单（按权限范围；逾期与重大隐患优先）',
        querystring: S.HazardQuery,
        response: responses({ 200: S.HazardList }),
      },
    },
    async (req) =>
      listHazards(
        db,
        actorOf(req),
        { ...req.query, page: req.query.page ?? 1, pageSize: req.query.pageSize ?? 20 },
        today(),
      ),
  );

  app.get(
    '/api/hazards/:id',
    {
      schema: {
        tags,
        summary: '隐患详情与延期申请',
        params: IdParams,
        response: responses({ 200: S.HazardDetail }),
      },
    },
    async (req) => hazardDetail(actorOf(req), req.params.id),
  );

  app.patch(
    '/api/hazards/:id',
    {
      schema: {
        tags,
        summary: '更新隐患的责任人、期限、临时措施与整改前照片',
        params: IdParams,
        body: S.HazardUpdateBody,
        response: responses({ 200: S.HazardDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await updateHazard(db, actor, req.params.id, req.body);
      return hazardDetail(actor, req.params.id);
    },
  );

  app.post(
    '/api/hazards/:id/start',
    {
      schema: {
        tags,
        summary: '开始整改（填写整改方案）',
        params: IdParams,
        body: S.StartBody,
        response: responses({ 200: S.HazardDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await moveHazard(db, actor, req.params.id, { action: 'start', plan: req.body.plan });
      return hazardDetail(actor, req.params.id);
    },
  );
  app.post(
    '/api/hazards/:id/submit',
    {
      schema: {
        tags,
        summary: '提交整改完成（须附整改后证据），等待验收',
        params: IdParams,
        body: S.SubmitBody,
        response: responses({ 200: S.HazardDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await moveHazard(db, actor, req.params.id, {
        action: 'submit',
        closureNote: req.body.closureNote ?? '',
        afterEvidence: req.body.afterEvidence,
      });
      return hazardDetail(actor, req.params.id);
    },
  );
  app.post(
    '/api/hazards/:id/verify',
    {
      schema: {
        tags,
        summary: '验收通过（指导机构或街道）',
        params: IdParams,
        body: S.NoteBody,
        response: responses({ 200: S.HazardDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await moveHazard(db, actor, req.params.id, { action: 'verify', note: req.body.note ?? '' });
      return hazardDetail(actor, req.params.id);
    },
  );
  app.post(
    '/api/hazards/:id/reject',
    {
      schema: {
        tags,
        summary: '验收不通过，退回整改',
        params: IdParams,
        body: S.RequiredNoteBody,
        response: responses({ 200: S.HazardDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await moveHazard(db, actor, req.params.id, { action: 'reject', note: req.body.note });
      return hazardDetail(actor, req.params.id);
    },
  );
  app.post(
    '/api/hazards/:id/reopen',
    {
      schema: {
        tags,
        summary: '重新打开已关闭的隐患',
        params: IdParams,
        body: S.ReasonBody,
        response: responses({ 200: S.HazardDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await moveHazard(db, actor, req.params.id, { action: 'reopen', reason: req.body.reason });
      return hazardDetail(actor, req.params.id);
    },
  );

  app.post(
    '/api/hazards/:id/extension-requests',
    {
      schema: {
        tags,
        summary: '向街道申请延期整改（须说明临时防范措施）',
        params: IdParams,
        body: S.ExtensionBody,
        response: responses({ 201: S.ExtensionView }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await requestExtension(db, actor, req.params.id, req.body);
      return reply.status(201).send(await extensionDetail(actor, id));
    },
  );
  app.get(
    '/api/extension-requests',
    {
      schema: {
        tags,
        summary: '延期整改申请（按权限范围；待审批在前）',
        querystring: S.ExtensionQuery,
        response: responses({ 200: S.ExtensionList }),
      },
    },
    async (req) =>
      listExtensions(db, actorOf(req), {
        ...req.query,
        page: req.query.page ?? 1,
        pageSize: req.query.pageSize ?? 20,
      }),
  );
  app.get(
    '/api/extension-requests/:id',
    {
      schema: {
        tags,
        summary: '延期整改申请详情',
        params: IdParams,
        response: responses({ 200: S.ExtensionView }),
      },
    },
    async (req) => extensionDetail(actorOf(req), req.params.id),
  );
  app.post(
    '/api/extension-requests/:id/approve',
    {
      schema: {
        tags,
        summary: '同意延期（街道；生成审批意见书）',
        params: IdParams,
        body: S.ApproveBody,
        response: responses({ 200: S.ExtensionView }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await decideExtension(db, actor, req.params.id, { action: 'approve', ...req.body });
      return extensionDetail(actor, req.params.id);
    },
  );
  app.post(
    '/api/extension-requests/:id/refuse',
    {
      schema: {
        tags,
        summary: '不同意延期（街道；须说明理由，生成审批意见书）',
        params: IdParams,
        body: S.ReasonBody,
        response: responses({ 200: S.ExtensionView }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await decideExtension(db, actor, req.params.id, { action: 'refuse', reason: req.body.reason });
      return extensionDetail(actor, req.params.id);
    },
  );
  app.post(
    '/api/extension-requests/:id/withdraw',
    {
      schema: {
        tags,
        summary: '撤回待审批的延期申请（企业）',
        params: IdParams,
        response: responses({ 200: S.ExtensionView }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await withdrawExtension(db, actor, req.params.id);
      return extensionDetail(actor, req.params.id);
    },
  );
}
