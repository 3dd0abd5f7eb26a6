import type { FastifyReply } from 'fastify';
import { AppError } from '../../platform/errors/app-error.js';
import { responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { verifyDocument } from './queries.js';
import * as S from './schemas.js';
import { notFoundPage, verificationPage } from './verify-page.js';

/** The status can change at any time, and the code is in the URL: no caching, no referrer. */
function publicHeaders(reply: FastifyReply): void {
  void reply
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex');
}

export function verifyRoutes({ app, db }: ModuleContext): void {
  app.get(
    '/api/public/verify/:code',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: '文书核验（公开）：按核验码查询文书种类、文号、持有人、签发日期与是否有效',
        params: S.VerifyParams,
        response: responses({ 200: S.VerificationView }),
      },
    },
    async (req, reply) => {
      publicHeaders(reply);
      const view = await verifyDocument(db, req.params.code);
      if (!view) throw new AppError('VERIFY_CODE_NOT_FOUND');
      return view;
    },
  );

  app.get(
    '/verify/:code',
    { config: { public: true }, schema: { hide: true, params: S.VerifyParams } },
    async (req, reply) => {
      publicHeaders(reply);
      void reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      const view = await verifyDocument(db, req.params.code);
      if (!view) return reply.status(404).send(notFoundPage());
      return reply.send(verificationPage(view));
    },
  );
}
