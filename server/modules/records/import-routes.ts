import fastifyMultipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { readLimited } from '../../platform/files/read-limited.js';
import { responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { importRecords, recordsImportLimits } from './import/import-records.js';
import { buildRecordsTemplate } from './import/template.js';
import { recordAbilities } from './policy.js';

const tags = ['records'];
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const problem = Type.Ref('Problem');

const Imported = Type.Object({
  fileName: Type.String(),
  accidents: Type.Integer(),
  penalties: Type.Integer(),
  dishonesty: Type.Integer(),
});

/** 不良记录导入: the template, and the all-or-nothing import of a filled one. */
export function recordImportRoutes({ app, db }: ModuleContext): void {
  app.get(
    '/api/records/import-template',
    {
      schema: {
        tags,
        summary: '下载不良记录导入模板 (.xlsx：事故、处罚、失信三个工作表)',
        produces: [xlsxType],
      },
    },
    async (req, reply) => {
      if (!recordAbilities(actorOf(req)).importAdverseRecords) throw new AppError('FORBIDDEN');
      return reply
        .type(xlsxType)
        .header(
          'content-disposition',
          `attachment; filename*=UTF-8''${encodeURIComponent('不良记录导入模板.xlsx')}`,
        )
        .send(await buildRecordsTemplate());
    },
  );

  // multipart only for this route: the plugin stays inside this scope
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, { throwFileSizeLimit: false });
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/records/import',
      {
        schema: {
          tags,
          summary: '导入不良记录表格（multipart/form-data：一个 .xlsx 文件；全部无误才写入）',
          description:
            '工作表“事故”“处罚”“失信”（可缺），列按中文表头识别，企业按统一社会信用代码识别。有任何错误时返回 400 ' +
            'RECORDS_IMPORT_INVALID，不写入任何记录，rowErrors 逐条列出（工作表、行号、列名、说明）。',
          consumes: ['multipart/form-data'],
          response: responses({ 201: Imported, 413: problem, 415: problem }),
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        // the role first: nobody else's upload is read at all
        if (!recordAbilities(actor).importAdverseRecords) throw new AppError('FORBIDDEN');
        // a multipart type without its boundary cannot be parsed at all (busboy would throw a plain Error: a 500)
        if (!req.isMultipart() || !/;\s*boundary=/i.test(req.headers['content-type'] ?? ''))
          throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        let upload: { bytes: Buffer; name: string } | undefined;
        try {
          for await (const part of req.parts({
            limits: { fileSize: recordsImportLimits.maxBytes + 1, files: 1, fields: 10, fieldSize: 2000 },
          })) {
            if (part.type !== 'file') continue;
            // read (and so drain) every file part; only the first one counts
            const bytes = await readLimited(part.file, recordsImportLimits.maxBytes);
            upload ??= { bytes, name: part.filename };
          }
        } catch (err) {
          // a body that breaks off or does not follow its boundary is the client's mistake, not ours
          if (
            err instanceof Error &&
            /^(Multipart: |Unexpected end of (form|multipart data))/.test(err.message)
          )
            throw new AppError('VALIDATION_FAILED');
          throw err;
        }
        if (!upload || upload.bytes.length === 0) throw new AppError('FILE_MISSING');
        return reply.status(201).send(await importRecords(db, actor, upload));
      },
    );
  });
}
