import { Type } from 'typebox';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { IdParams, responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { getEnterprise } from '../registry/queries.js';
import { eligibilityOf } from './eligibility-facts.js';

const Eligibility = Type.Object({
  judgedOn: Type.String(),
  eligible: Type.Boolean(),
  conditions: Type.Array(
    Type.Object({ key: Type.String(), label: Type.String(), pass: Type.Boolean(), reason: Type.String() }),
  ),
  facts: Type.Record(Type.String(), Type.Unknown()),
});

export function whitelistRoutes({ app, db }: ModuleContext): void {
  app.get(
    '/api/enterprises/:id/eligibility',
    {
      schema: {
        tags: ['whitelist'],
        summary: '白名单入库条件自检（逐项结果与原因）',
        params: IdParams,
        response: responses({ 200: Eligibility }),
      },
    },
    async (req) => {
      const enterprise = await getEnterprise(db, actorOf(req), req.params.id);
      if (!enterprise) throw new AppError('ENTERPRISE_NOT_FOUND');
      const result = await eligibilityOf(db, enterprise);
      return { ...result, facts: result.facts as unknown as Record<string, unknown> };
    },
  );
}
