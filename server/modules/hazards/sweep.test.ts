import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { answerAll, fileFootwearStandard, type AnswerLike } from '../../../test/readiness-factories.js';
import { buildEnterprise } from '../../../test/registry-factories.js';
import { addDays } from '../../../domain/readiness.js';
import { events } from '../../db/schema/platform.js';
import { hazards } from '../../db/schema/hazards.js';
import { notifications } from '../../db/schema/notifications.js';
import { sweepHazards } from './sweep.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
  await fileFootwearStandard(ctx);
});
afterAll(() => ctx.close());

type Answer = AnswerLike;

describe('the overdue and reminder sweep', () => {
  it('marks overdue hazards once, tells the enterprise and the subdistrict, and reminds before deadlines once', async () => {
    const e = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
    const client = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'enterprise_user', unit: e.id }] }),
    );
    const started = (await client.post('/api/inspections', { enterpriseId: e.id, kind: 'self' })).json();
    await answerAll(client, started.id, started.answers, [
      started.answers.find((a: Answer) => !a.isKey).itemCode,
    ]);
    const [hazardId] = (await client.post(`/api/inspections/${started.id}/complete`)).json().hazardIds;
    const [h] = await ctx.db.select().from(hazards).where(eq(hazards.id, hazardId));

    const dayBefore = new Date(`${addDays(h.deadline, -1)}T04:00:00Z`);
    expect((await sweepHazards(ctx.db, dayBefore)).reminded).toBeGreaterThanOrEqual(1);
    await sweepHazards(ctx.db, dayBefore);
    const reminders = await ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.entityId, hazardId), eq(notifications.kind, 'hazard.reminder')));
    expect(reminders).toHaveLength(1);

    const after = new Date(`${addDays(h.deadline, 1)}T04:00:00Z`);
    await sweepHazards(ctx.db, after);
    await sweepHazards(ctx.db, after);
    const overdueEvents = await ctx.db
      .select()
      .from(events)
      .where(and(eq(events.entityId, hazardId), eq(events.kind, 'hazard.overdue')));
    expect(overdueEvents).toHaveLength(1);
    const notices = await ctx.db
      .select({ unitKind: notifications.unitKind })
      .from(notifications)
      .where(and(eq(notifications.entityId, hazardId), eq(notifications.kind, 'hazard.overdue')))
      .orderBy(asc(notifications.unitKind));
    expect(notices.map((n) => n.unitKind)).toEqual(['enterprise', 'subdistrict']);
    const [marked] = await ctx.db
      .select({ overdue: hazards.overdue })
      .from(hazards)
      .where(eq(hazards.id, hazardId));
    expect(marked.overdue).toBe(true);
    const overdueList = (
      await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] }))
    ).get(`/api/hazards?overdue=true&enterpriseId=${e.id}`);
    expect((await overdueList).json().total).toBe(1);
  });
});
