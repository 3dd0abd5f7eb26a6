import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { enterpriseImports, industries, parks } from '../../db/schema/registry.js';
import { units } from '../../db/schema/reference.js';
import { hasRole, type Actor } from '../../platform/access/actor.js';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { IdParams, responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { startImport } from './commands/start-import.js';
import { buildTemplate } from './import/template.js';
import { registryAbilities } from './policy.js';
import { ImportView } from './schemas.js';

const tags = ['registry'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** hard cap of the HTTP layer; the jurisdiction's (smaller) limit is checked by the command */
const uploadCapBytes = 100 * 1024 * 1024;

/** The creator sees an import; the bureau and system administrators see all of the jurisdiction's. */
function importScope(actor: Actor): SQL {
  const all = hasRole(actor, 'system_admin', 'bureau_admin', 'bureau_reviewer');
  return and(
    eq(enterpriseImports.jurisdictionId, actor.jurisdictionId),
    all ? undefined : eq(enterpriseImports.createdBy, actor.userId),
  )!;
}

type ImportRow = Omit<
  typeof enterpriseImports.$inferSelect,
  'file' | 'errorFile' | 'jurisdictionId' | 'createdBy' | 'fileSha256'
> & {
  hasErrorFile: boolean;
};

function present(row: ImportRow) {
  return {
    id: row.id,
    fileName: row.fileName,
    status: row.status,
    jobId: row.jobId,
    totalRows: row.totalRows,
    createdCount: row.createdCount,
    updatedCount: row.updatedCount,
    unchangedCount: row.unchangedCount,
    errorRowCount: row.errorRowCount,
    errors: (row.errors as { row: number; column: string; code: string; message: string }[] | null) ?? [],
    hasErrorFile: Boolean(row.hasErrorFile),
    failure: row.failure,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

const importColumns = {
  id: enterpriseImports.id,
  fileName: enterpriseImports.fileName,
  status: enterpriseImports.status,
  jobId: enterpriseImports.jobId,
  totalRows: enterpriseImports.totalRows,
  createdCount: enterpriseImports.createdCount,
  updatedCount: enterpriseImports.updatedCount,
  unchangedCount: enterpriseImports.unchangedCount,
  errorRowCount: enterpriseImports.errorRowCount,
  errors: enterpriseImports.errors,
  hasErrorFile: sql<boolean>`${enterpriseImports.errorFile} is not null`,
  failure: enterpriseImports.failure,
  createdAt: enterpriseImports.createdAt,
  finishedAt: enterpriseImports.finishedAt,
};

export function registryImportRoutes({ app, db }: ModuleContext): void {
  app.get(
    '/api/enterprises/import-template',
    { schema: { tags, summary: '下载企业名录导入模板 (.xlsx)', produces: [xlsxType] } },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!registryAbilities(actor).importEnterprises) throw new AppError('FORBIDDEN');
      const subs = await db
        .select({ name: units.name })
        .from(units)
        .where(and(eq(units.jurisdictionId, actor.jurisdictionId), eq(units.kind, 'subdistrict')))
        .orderBy(units.sortOrder);
      const parkRows = await db
        .select({ name: parks.name })
        .from(parks)
        .where(eq(parks.jurisdictionId, actor.jurisdictionId));
      const industryRows = await db
        .select({ code: industries.code, name: industries.name })
        .from(industries)
        .orderBy(industries.sortOrder);
      const bytes = await buildTemplate({
        subdistricts: subs.map((s) => s.name),
        industries: industryRows,
        parks: parkRows.map((p) => p.name),
      });
      return reply
        .type(xlsxType)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent('企业名录导入模板.xlsx')}`,
        )
        .send(bytes);
    },
  );

  void app.register(async (scope) => {
    scope.addContentTypeParser(
      [xlsxType, 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: uploadCapBytes },
      (_req, body, done) => {
        done(null, body);
      },
    );
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/enterprise-imports',
      {
        bodyLimit: uploadCapBytes,
        schema: {
          tags,
          summary: '上传企业名录表格并开始导入（请求体为 .xlsx 文件内容）',
          description: `Content-Type: ${xlsxType}；文件名放在查询参数 fileName。返回导入记录与后台任务 id。`,
          querystring: Type.Object({ fileName: Type.Optional(Type.String({ maxLength: 200 })) }),
          response: responses({
            202: Type.Object({ importId: Type.String(), jobId: Type.String() }),
            413: Type.Ref('Problem'),
            415: Type.Ref('Problem'),
          }),
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const bytes = req.body as unknown;
        if (!Buffer.isBuffer(bytes)) throw new AppError('IMPORT_NOT_SPREADSHEET');
        const started = await startImport(db, actor, { name: req.query.fileName ?? 'upload.xlsx', bytes });
        return reply.status(202).send(started);
      },
    );
  });

  app.get(
    '/api/enterprise-imports',
    { schema: { tags, summary: '企业名录导入记录', response: responses({ 200: Type.Array(ImportView) }) } },
    async (req) => {
      const actor = actorOf(req);
      const rows = await db
        .select(importColumns)
        .from(enterpriseImports)
        .where(importScope(actor))
        .orderBy(desc(enterpriseImports.createdAt))
        .limit(50);
      return rows.map(present);
    },
  );

  app.get(
    '/api/enterprise-imports/:id',
    { schema: { tags, summary: '导入结果', params: IdParams, response: responses({ 200: ImportView }) } },
    async (req) => {
      const actor = actorOf(req);
      const [row] = await db
        .select(importColumns)
        .from(enterpriseImports)
        .where(and(eq(enterpriseImports.id, req.params.id), importScope(actor)));
      if (!row) throw new AppError('IMPORT_NOT_FOUND');
      return present(row);
    },
  );

  app.get(
    '/api/enterprise-imports/:id/errors.xlsx',
    { schema: { tags, summary: '下载错误行（标注后的 .xlsx）', params: IdParams, produces: [xlsxType] } },
    async (req, reply) => {
      const actor = actorOf(req);
      const [row] = await db
        .select({ errorFile: enterpriseImports.errorFile, fileName: enterpriseImports.fileName })
        .from(enterpriseImports)
        .where(and(eq(enterpriseImports.id, req.params.id), importScope(actor)));
      if (!row) throw new AppError('IMPORT_NOT_FOUND');
      if (!row.errorFile) throw new AppError('IMPORT_NO_ERRORS');
      const name = `错误行-${row.fileName.replace(/\.xlsx$/i, '')}.xlsx`;
      return reply
        .type(xlsxType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(row.errorFile);
    },
  );
}
