import fastifyMultipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { readLimited } from '../../platform/files/read-limited.js';
import type { FileStore } from '../../platform/files/store.js';
import { responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { getSetting } from '../../platform/settings/settings.js';
import { uploadFile } from './commands/upload-file.js';
import { filesOfEntity, readableFile } from './file-queries.js';
import { contentDisposition, presentFileLink } from './present.js';
import * as S from './schemas.js';

const tags = ['files'];
const fieldNames = new Set(['entityType', 'entityId', 'label']);
const problem = Type.Ref('Problem');

/** Stored bytes never change: cache them privately, and never let a browser run or sniff them. */
async function sendStored(reply: FastifyReply, store: FileStore, sha256: string, mime: string, name: string) {
  let stream;
  try {
    stream = await store.get(sha256);
  } catch (err) {
    reply.log.error({ err, sha256 }, 'stored file missing');
    throw new AppError('FILE_NOT_FOUND');
  }
  return reply
    .type(mime)
    .header('content-disposition', contentDisposition('inline', name))
    .header('cache-control', 'private, max-age=31536000, immutable')
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', 'sandbox')
    .send(stream);
}

export function fileRoutes({ app, db }: ModuleContext, store: FileStore): void {
  // multipart only for these routes: the plugin stays inside this scope
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, { throwFileSizeLimit: false });
    scope.withTypeProvider<TypeBoxTypeProvider>().post(
      '/api/files',
      {
        schema: {
          tags,
          summary: '上传证据文件（multipart/form-data：entityType、entityId、label 字段与一个 file 文件）',
          description:
            '文件类型按内容识别：JPEG、PNG、WebP、HEIC 图片与 PDF；大小上限为辖区参数 files.maxBytes。',
          consumes: ['multipart/form-data'],
          response: responses({ 201: S.FileLinkView, 413: problem, 415: problem }),
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        // a multipart type without its boundary cannot be parsed at all (busboy would throw a plain Error: a 500)
        if (!req.isMultipart() || !/;\s*boundary=/i.test(req.headers['content-type'] ?? ''))
          throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        const maxBytes = await getSetting(db, actor.jurisdictionId, 'files.maxBytes');
        const fields: Record<string, string> = {};
        let upload: { bytes: Buffer; name: string } | undefined;
        try {
          for await (const part of req.parts({
            limits: { fileSize: maxBytes + 1, files: 1, fields: 10, fieldSize: 2000 },
          })) {
            if (part.type === 'file') {
              // read (and so drain) every file part; only the first one counts
              const bytes = await readLimited(part.file, maxBytes);
              upload ??= { bytes, name: part.filename };
            } else if (fieldNames.has(part.fieldname) && typeof part.value === 'string') {
              fields[part.fieldname] = part.value;
            }
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
        // PostgreSQL text cannot hold U+0000 (names and labels are stored)
        const nulField = [...Object.entries(fields), ['file', upload?.name ?? '']].find(([, v]) =>
          v.includes('\u0000'),
        );
        if (nulField) {
          throw new AppError('VALIDATION_FAILED', {
            fieldErrors: [
              { field: `body/${nulField[0]}`, code: 'nul_character', message: '不能包含空字符（U+0000）' },
            ],
          });
        }
        const missing = ['entityType', 'entityId'].filter((f) => !fields[f]?.trim());
        if (missing.length > 0) {
          throw new AppError('VALIDATION_FAILED', {
            fieldErrors: missing.map((f) => ({
              field: `body/${f}`,
              code: 'required',
              message: '必填项缺失',
            })),
          });
        }
        if (!upload) throw new AppError('FILE_MISSING');
        const { link, file } = await uploadFile(db, store, actor, {
          bytes: upload.bytes,
          originalName: upload.name,
          entityType: fields.entityType.trim(),
          entityId: fields.entityId.trim(),
          label: fields.label?.slice(0, 200),
        });
        return reply.status(201).send(presentFileLink(link, file));
      },
    );
  });

  app.get(
    '/api/files',
    {
      schema: {
        tags,
        summary: '某条记录的证据文件',
        querystring: S.FileListQuery,
        response: responses({ 200: Type.Array(S.FileLinkView) }),
      },
    },
    async (req) => {
      const rows = await filesOfEntity(db, actorOf(req), req.query.entityType, req.query.entityId);
      if (!rows) throw new AppError('NOT_FOUND');
      return rows.map(({ link, file }) => presentFileLink(link, file));
    },
  );

  app.get(
    '/api/files/:sha256',
    {
      schema: {
        tags,
        summary: '下载证据文件',
        params: S.Sha256Params,
        produces: ['image/*', 'application/pdf'],
      },
    },
    async (req, reply) => {
      const file = await readableFile(db, actorOf(req), req.params.sha256);
      if (!file) throw new AppError('FILE_NOT_FOUND');
      return sendStored(reply, store, file.sha256, file.mime, file.originalName);
    },
  );

  app.get(
    '/api/files/:sha256/thumbnail',
    {
      schema: {
        tags,
        summary: '证据图片缩略图（JPEG，长边 320 像素）',
        params: S.Sha256Params,
        produces: ['image/jpeg'],
      },
    },
    async (req, reply) => {
      const file = await readableFile(db, actorOf(req), req.params.sha256);
      if (!file) throw new AppError('FILE_NOT_FOUND');
      if (!file.thumbnailSha256) throw new AppError('FILE_NO_THUMBNAIL');
      return sendStored(
        reply,
        store,
        file.thumbnailSha256,
        'image/jpeg',
        `缩略图-${file.originalName.replace(/\.[^.]*$/, '')}.jpg`,
      );
    },
  );
}
