import { Type } from 'typebox';
import { authorize } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/auth/plugin.js';
import { loadConfig } from '../../platform/config.js';
import { inTransaction } from '../../platform/db/tx.js';
import { chinaYear } from '../../platform/documents/format.js';
import { documentIssuer } from '../../platform/documents/issuer.js';
import { formatDocumentNumber } from '../../platform/documents/numbering.js';
import { renderDocument } from '../../platform/documents/render.js';
import { documentKinds, findTemplate } from '../../platform/documents/template.js';
import { assertTemplateData } from '../../platform/documents/validate.js';
import { verificationUrl } from '../../platform/documents/verification.js';
import { AppError } from '../../platform/errors/app-error.js';
import { IdParams, responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { getSetting } from '../../platform/settings/settings.js';
import { revokeDocument } from './commands/revoke-document.js';
import { canPreviewDocuments, documentPolicy } from './policy.js';
import { contentDisposition, presentDocument } from './present.js';
import { getDocument, issuedDocumentPdf, listDocuments } from './queries.js';
import * as S from './schemas.js';

const tags = ['documents'];
const pdfResponse = {
  description: 'PDF',
  content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
};

export function documentRoutes({ app, db }: ModuleContext): void {
  app.get(
    '/api/documents/kinds',
    { schema: { tags, summary: '文书种类', response: responses({ 200: Type.Array(S.DocumentKindView) }) } },
    async () => documentKinds(),
  );

  app.get(
    '/api/documents',
    {
      schema: {
        tags,
        summary: '文书列表（按持有人、种类、所涉事项筛选）',
        querystring: S.DocumentListQuery,
        response: responses({ 200: S.DocumentList }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const page = await listDocuments(db, actor, {
        ...req.query,
        page: req.query.page ?? 1,
        pageSize: req.query.pageSize ?? 20,
      });
      return { total: page.total, items: page.items.map((row) => presentDocument(row, actor)) };
    },
  );

  const load = async (actor: ReturnType<typeof actorOf>, id: string) => {
    const row = await getDocument(db, actor, id);
    if (!row) throw new AppError('DOCUMENT_NOT_FOUND');
    authorize(documentPolicy, actor, 'read', row);
    return row;
  };

  app.get(
    '/api/documents/:id',
    { schema: { tags, summary: '文书详情', params: IdParams, response: responses({ 200: S.DocumentView }) } },
    async (req) => {
      const actor = actorOf(req);
      return presentDocument(await load(actor, req.params.id), actor);
    },
  );

  app.get(
    '/api/documents/:id/pdf',
    {
      schema: {
        tags,
        summary: '文书 PDF（由签发时的数据快照重新生成，校验与签发时的 SHA-256 一致）',
        params: IdParams,
        produces: ['application/pdf'],
        response: { ...responses({}), 200: pdfResponse },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await load(actor, req.params.id);
      authorize(documentPolicy, actor, 'downloadPdf', row);
      const pdf = await issuedDocumentPdf(row);
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition('inline', `${row.number}.pdf`))
        .header('cache-control', 'private, no-cache')
        .header('x-content-sha256', pdf.sha256)
        .send(pdf.bytes);
    },
  );

  app.post(
    '/api/documents/:id/revoke',
    {
      schema: {
        tags,
        summary: '撤销文书',
        params: IdParams,
        body: S.RevokeBody,
        response: responses({ 200: S.DocumentView }),
      },
    },
    async (req) => {
      const actor = actorOf(req);
      authorize(documentPolicy, actor, 'revoke', await load(actor, req.params.id));
      await inTransaction(db, (tx) => revokeDocument(tx, actor, req.params.id, req.body.reason.trim()));
      return presentDocument(await load(actor, req.params.id), actor);
    },
  );

  app.post(
    '/api/documents/preview/:kind',
    {
      schema: {
        tags,
        summary: '文书样本预览（不编号、不登记、不可核验；不传 data 时使用模板示例数据）',
        params: S.KindParams,
        body: S.PreviewBody,
        produces: ['application/pdf'],
        response: { ...responses({}), 200: pdfResponse },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!canPreviewDocuments(actor)) throw new AppError('FORBIDDEN');
      const template = findTemplate(req.params.kind);
      if (!template) throw new AppError('DOCUMENT_KIND_UNKNOWN');
      const data = req.body.data ?? template.sample();
      assertTemplateData(template, data);
      const issuer = await documentIssuer(db, actor.jurisdictionId);
      const pattern = String(await getSetting(db, actor.jurisdictionId, template.numberPatternKey));
      const now = new Date();
      const pdf = await renderDocument(template, data, {
        number: formatDocumentNumber(pattern, { short: issuer.shortName, year: chinaYear(now), n: '×' }),
        issuedAt: now,
        issuerName: issuer.issuerName,
        verificationCode: '样本，不可核验',
        verifyUrl: verificationUrl(loadConfig().publicBaseUrl, 'sample'),
        preview: true,
      });
      return reply
        .type('application/pdf')
        .header('content-disposition', contentDisposition('inline', `${template.label}（样本）.pdf`))
        .header('cache-control', 'no-store')
        .send(pdf.bytes);
    },
  );
}
