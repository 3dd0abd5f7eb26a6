import { and, eq } from 'drizzle-orm';
import { scopesOverlap, type StandardItemContent } from '../../../../domain/standards.js';
import { standardItems, standards, standardVersions } from '../../../db/schema/standards.js';
import { units } from '../../../db/schema/reference.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { standardEvents } from '../events.js';
import { versionPolicy } from '../policy.js';

export interface CreateStandardInput {
  title: string;
  owningDepartmentId: string;
  industryScope: string[];
  industryModules?: { code: string; name: string }[];
  templateKey?: string | null;
  versionNumber?: string;
  items?: StandardItemContent[];
}

/**
 * A new standard with its first draft version. Its industry scope may not overlap another standard's of the
 * jurisdiction: one industry, one yardstick (the overlap is reported with the standards it collides with).
 */
export async function createStandard(
  db: Db,
  actor: Actor,
  input: CreateStandardInput,
): Promise<{ standardId: string; versionId: string }> {
  const [dept] = await db
    .select()
    .from(units)
    .where(
      and(
        eq(units.id, input.owningDepartmentId),
        eq(units.kind, 'department'),
        eq(units.jurisdictionId, actor.jurisdictionId),
      ),
    );
  if (!dept)
    throw new AppError('UNIT_NOT_FOUND', {
      fieldErrors: [{ field: 'body/owningDepartmentId', code: 'UNIT_NOT_FOUND', message: '主管部门不存在' }],
    });
  if (
    !versionPolicy.edit(actor, {
      jurisdictionId: actor.jurisdictionId,
      owningDepartmentId: dept.id,
      status: 'draft',
    })
  ) {
    throw new AppError('FORBIDDEN', { detail: '只能为本部门主管的行业制定标准' });
  }
  const scope = [...new Set(input.industryScope.map((c) => c.trim()))];
  return inTransaction(db, async (tx) => {
    const others = await tx
      .select()
      .from(standards)
      .where(eq(standards.jurisdictionId, actor.jurisdictionId));
    const clashes = others
      .map((s) => ({ id: s.id, title: s.title, codes: scopesOverlap(scope, s.industryScope) }))
      .filter((c) => c.codes.length > 0);
    if (clashes.length > 0) {
      throw new AppError('STANDARD_SCOPE_OVERLAP', {
        detail: `行业范围与${clashes.map((c) => `《${c.title}》（${c.codes.join('、')}）`).join('、')}重叠`,
        fieldErrors: [
          {
            field: 'body/industryScope',
            code: 'STANDARD_SCOPE_OVERLAP',
            message: '与其他标准的行业范围重叠',
          },
        ],
        extra: { overlaps: clashes },
      });
    }
    const [standard] = await tx
      .insert(standards)
      .values({
        jurisdictionId: actor.jurisdictionId,
        title: input.title.trim(),
        owningDepartmentId: dept.id,
        industryScope: scope,
        templateKey: input.templateKey ?? null,
        createdBy: actor.userId,
      })
      .returning();
    const [version] = await tx
      .insert(standardVersions)
      .values({
        standardId: standard.id,
        jurisdictionId: actor.jurisdictionId,
        number: input.versionNumber ?? '1.0',
        industryModules: input.industryModules ?? [],
        createdBy: actor.userId,
      })
      .returning();
    const items = input.items ?? [];
    for (let i = 0; i < items.length; i += 200) {
      await tx
        .insert(standardItems)
        .values(
          items.slice(i, i + 200).map((item, j) => ({ ...item, versionId: version.id, position: i + j + 1 })),
        );
    }
    await appendEvent(tx, {
      kind: standardEvents.standardCreated,
      jurisdictionId: actor.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'standard',
      entityId: standard.id,
      after: { title: standard.title, industryScope: scope, templateKey: standard.templateKey },
    });
    await appendEvent(tx, {
      kind: standardEvents.versionDrafted,
      jurisdictionId: actor.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'standard_version',
      entityId: version.id,
      after: { number: version.number, basedOnVersionId: null, items: items.length },
    });
    return { standardId: standard.id, versionId: version.id };
  });
}
