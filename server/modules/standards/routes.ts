import { Type } from 'typebox';
import { applicabilityTags } from '../../../domain/standards.js';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { IdParams, responses, Uuid } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { enterprisePolicy } from '../registry/policy.js';
import { getEnterprise } from '../registry/queries.js';
import { applicableStandard, declaredTags } from './applicable.js';
import { createStandard } from './commands/create-standard.js';
import { declareApplicability } from './commands/declare-applicability.js';
import { draftNextVersion } from './commands/draft-version.js';
import { addItem, removeItem, reorderItems, updateItem } from './commands/edit-items.js';
import { createFromTemplate, referenceTemplates } from './commands/load-reference.js';
import { fileVersion, publishVersion } from './commands/publish-version.js';
import { standardAbilities } from './policy.js';
import { diffOf, getVersion, listStandards } from './queries.js';
import * as S from './schemas.js';
import { importItems } from './commands/import-items.js';
import { itemsToXlsx } from './items-xlsx.js';
import { renderVersionPdf } from './version-pdf.js';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const tags = ['standards'];
const ItemParams = Type.Object({ id: Uuid, code: Type.String({ maxLength: 20 }) });

export function standardRoutes({ app, db }: ModuleContext): void {
  app.get(
    '/api/standards',
    {
      schema: { tags, summary: '合规标准及其版本', response: responses({ 200: Type.Array(S.StandardView) }) },
    },
    async (req) => listStandards(db, actorOf(req)),
  );

  app.post(
    '/api/standards',
    {
      schema: {
        tags,
        summary: '新建合规标准（含 1.0 草稿）',
        body: S.CreateStandardBody,
        response: responses({ 201: S.VersionDetail }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!standardAbilities(actor).createStandard) throw new AppError('FORBIDDEN');
      const { versionId } = await createStandard(db, actor, req.body);
      return reply.status(201).send(await getVersion(db, actor, versionId));
    },
  );

  app.get(
    '/api/standards/templates',
    {
      schema: {
        tags,
        summary: '平台提供的参考标准模板',
        response: responses({
          200: Type.Array(
            Type.Object({
              key: Type.String(),
              title: Type.String(),
              industryScope: Type.Array(Type.String()),
              items: Type.Integer(),
              keyItems: Type.Integer(),
              version: Type.Object({
                number: Type.String(),
                documentNumber: Type.String(),
                publishDate: Type.String(),
              }),
            }),
          ),
        }),
      },
    },
    async () => referenceTemplates(),
  );

  app.post(
    '/api/standards/from-template',
    {
      schema: {
        tags,
        summary: '以参考模板新建本辖区标准（草稿）',
        body: Type.Object(
          { key: Type.String({ maxLength: 40 }), owningDepartmentId: Type.Optional(Uuid) },
          { additionalProperties: false },
        ),
        response: responses({ 201: S.VersionDetail }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!standardAbilities(actor).createStandard) throw new AppError('FORBIDDEN');
      const { versionId } = await createFromTemplate(db, actor, req.body.key, {
        owningDepartmentId: req.body.owningDepartmentId,
      });
      return reply.status(201).send(await getVersion(db, actor, versionId));
    },
  );

  app.get(
    '/api/standards/applicability-tags',
    {
      schema: {
        tags,
        summary: '适用情形',
        response: responses({
          200: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() })),
        }),
      },
    },
    async () => applicabilityTags.map((t) => ({ ...t })),
  );

  app.get(
    '/api/standard-versions/:id',
    {
      schema: {
        tags,
        summary: '标准版本（含条目）',
        params: IdParams,
        response: responses({ 200: S.VersionDetail }),
      },
    },
    async (req) => getVersion(db, actorOf(req), req.params.id),
  );

  app.post(
    '/api/standard-versions/:id/next-draft',
    {
      schema: {
        tags,
        summary: '基于此版本起草新版本',
        params: IdParams,
        body: Type.Object(
          { number: Type.Optional(Type.String({ maxLength: 20 })) },
          { additionalProperties: false },
        ),
        response: responses({ 201: S.VersionDetail }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { versionId } = await draftNextVersion(db, actor, req.params.id, req.body.number);
      return reply.status(201).send(await getVersion(db, actor, versionId));
    },
  );

  app.post(
    '/api/standard-versions/:id/items',
    {
      schema: {
        tags,
        summary: '新增条目（仅草稿）',
        params: IdParams,
        body: S.ItemBody,
        response: responses({ 201: S.VersionDetail }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await addItem(db, actor, req.params.id, req.body);
      return reply.status(201).send(await getVersion(db, actor, req.params.id));
    },
  );

  app.patch(
    '/api/standard-versions/:id/items/:code',
    {
      schema: {
        tags,
        summary: '修改条目（仅草稿）',
        params: ItemParams,
        body: S.ItemPatch,
        response: responses({ 200: S.VersionDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await updateItem(db, actor, req.params.id, req.params.code, req.body);
      return getVersion(db, actor, req.params.id);
    },
  );

  app.delete(
    '/api/standard-versions/:id/items/:code',
    {
      schema: {
        tags,
        summary: '删除条目（仅草稿）',
        params: ItemParams,
        response: responses({ 200: S.VersionDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await removeItem(db, actor, req.params.id, req.params.code);
      return getVersion(db, actor, req.params.id);
    },
  );

  app.put(
    '/api/standard-versions/:id/order',
    {
      schema: {
        tags,
        summary: '调整条目顺序（仅草稿）',
        params: IdParams,
        body: Type.Object(
          { codes: Type.Array(Type.String({ maxLength: 20 }), { maxItems: 1000 }) },
          { additionalProperties: false },
        ),
        response: responses({ 200: S.VersionDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await reorderItems(db, actor, req.params.id, req.body.codes);
      return getVersion(db, actor, req.params.id);
    },
  );

  app.post(
    '/api/standard-versions/:id/publish',
    {
      schema: {
        tags,
        summary: '发布（主管部门）',
        params: IdParams,
        body: Type.Object(
          {
            documentNumber: Type.String({ minLength: 2, maxLength: 60 }),
            publishDate: Type.String({ format: 'date' }),
          },
          { additionalProperties: false },
        ),
        response: responses({ 200: S.VersionDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await publishVersion(db, actor, req.params.id, req.body);
      return getVersion(db, actor, req.params.id);
    },
  );

  app.post(
    '/api/standard-versions/:id/file',
    {
      schema: {
        tags,
        summary: '备案（应急管理局）',
        params: IdParams,
        response: responses({ 200: S.VersionDetail }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await fileVersion(db, actor, req.params.id);
      return getVersion(db, actor, req.params.id);
    },
  );

  app.get(
    '/api/standard-versions/:id/diff',
    {
      schema: {
        tags,
        summary: '与另一版本比较（新增、删除、修改；重点项标出）',
        params: IdParams,
        querystring: Type.Object({ against: Uuid }),
        response: responses({ 200: S.DiffView }),
      },
    },
    async (req) => diffOf(db, actorOf(req), req.query.against, req.params.id),
  );

  app.get(
    '/api/enterprises/:id/applicable-standard',
    {
      schema: {
        tags,
        summary: '企业适用的合规标准条目',
        params: IdParams,
        response: responses({ 200: S.ApplicableView }),
      },
    },
    async (req) => {
      const enterprise = await getEnterprise(db, actorOf(req), req.params.id);
      if (!enterprise) throw new AppError('ENTERPRISE_NOT_FOUND');
      const found = await applicableStandard(db, enterprise);
      if (!found) throw new AppError('STANDARD_NOT_APPLICABLE');
      return found;
    },
  );

  app.get(
    '/api/enterprises/:id/applicability',
    {
      schema: {
        tags,
        summary: '企业申报的适用情形',
        params: IdParams,
        response: responses({ 200: Type.Object({ tags: Type.Array(Type.String()) }) }),
      },
    },
    async (req) => {
      const enterprise = await getEnterprise(db, actorOf(req), req.params.id);
      if (!enterprise) throw new AppError('ENTERPRISE_NOT_FOUND');
      return { tags: await declaredTags(db, enterprise.id) };
    },
  );

  app.put(
    '/api/enterprises/:id/applicability',
    {
      schema: {
        tags,
        summary: '申报适用情形（企业或登记部门）',
        params: IdParams,
        body: Type.Object(
          { tags: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 30 }) },
          { additionalProperties: false },
        ),
        response: responses({ 200: Type.Object({ tags: Type.Array(Type.String()) }) }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const enterprise = await getEnterprise(db, actor, req.params.id);
      if (!enterprise) throw new AppError('ENTERPRISE_NOT_FOUND');
      if (!enterprisePolicy.updateContacts(actor, enterprise)) throw new AppError('FORBIDDEN');
      return { tags: await declareApplicability(db, actor, enterprise, req.body.tags) };
    },
  );

  app.get(
    '/api/standard-versions/:id/items.xlsx',
    { schema: { tags, summary: '导出条目 (.xlsx)', params: IdParams, produces: [xlsxType] } },
    async (req, reply) => {
      const v = await getVersion(db, actorOf(req), req.params.id);
      const name = `${v.standard.title}-${v.number}.xlsx`;
      return reply
        .type(xlsxType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(await itemsToXlsx(v.items));
    },
  );

  app.get(
    '/api/standard-versions/:id/pdf',
    { schema: { tags, summary: '标准版本 PDF', params: IdParams, produces: ['application/pdf'] } },
    async (req, reply) => {
      const v = await getVersion(db, actorOf(req), req.params.id);
      const name = `${v.standard.title}-${v.number}.pdf`;
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(await renderVersionPdf(v));
    },
  );

  void app.register(async (scope) => {
    scope.addContentTypeParser(
      [xlsxType, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/standard-versions/:id/items-import',
      {
        bodyLimit: 10 * 1024 * 1024,
        schema: {
          tags,
          summary: '从 .xlsx 导入条目（替换草稿的全部条目，全部成功或全部不导入）',
          params: IdParams,
          response: responses({
            200: Type.Object({ added: Type.Integer(), changed: Type.Integer(), removed: Type.Integer() }),
            415: Type.Ref('Problem'),
          }),
        },
      },
      async (req) => {
        const bytes = req.body as unknown;
        if (!Buffer.isBuffer(bytes)) throw new AppError('IMPORT_NOT_SPREADSHEET');
        return importItems(db, actorOf(req), req.params.id, bytes);
      },
    );
  });
}
