import { Type } from 'typebox';
import { abilities } from '../../platform/access/policy.js';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { responses, Uuid } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/client.js';
import { getEnterprise } from '../registry/queries.js';
import { signCommitment } from './commands/sign-commitment.js';
import { currentCommitmentText } from './current-text.js';
import { commitmentPolicy } from './policy.js';
import { commitmentsOf, presentCommitment } from './queries.js';
import * as S from './schemas.js';

const tags = ['commitments'];
const Params = Type.Object({ id: Uuid });

async function commitmentStatus(db: Db, actor: Actor, enterpriseId: string) {
  const enterprise = await getEnterprise(db, actor, enterpriseId);
  if (!enterprise) throw new AppError('ENTERPRISE_NOT_FOUND');
  const allowed = abilities(commitmentPolicy, actor, enterprise);
  if (!allowed.read) throw new AppError('ENTERPRISE_NOT_FOUND');
  const current = await currentCommitmentText(db, enterprise.jurisdictionId);
  const history = (await commitmentsOf(db, actor, enterpriseId)).map(presentCommitment);
  const latest = history[0] ?? null;
  return {
    enterpriseId,
    enterpriseName: enterprise.name,
    legalRepresentative: enterprise.legalRepresentative,
    current: { text: current.text, textHash: current.hash, textVersion: current.version },
    latest,
    upToDate: latest?.textHash === current.hash,
    history,
    abilities: { ...allowed, sign: allowed.sign && latest?.textHash !== current.hash },
  };
}

export function commitmentRoutes({ app, db }: ModuleContext): void {
  app.get(
    '/api/enterprises/:id/commitment',
    {
      schema: {
        tags,
        summary: '企业承诺书：现行文本、签署状态与历史',
        params: Params,
        response: responses({ 200: S.CommitmentStatus }),
      },
    },
    async (req) => commitmentStatus(db, actorOf(req), req.params.id),
  );

  app.post(
    '/api/enterprises/:id/commitment',
    {
      schema: {
        tags,
        summary: '签署现行承诺书（生成带文号与二维码的承诺书）',
        params: Params,
        body: S.SignBody,
        response: responses({ 201: S.CommitmentStatus }),
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await signCommitment(db, actor, req.params.id, req.body);
      return reply.status(201).send(await commitmentStatus(db, actor, req.params.id));
    },
  );
}
