import { and, eq } from 'drizzle-orm';
import { units } from '../../../db/schema/reference.js';
import type { Actor } from '../../../platform/access/actor.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { readReferenceStandards } from '../reference-format.js';
import { createStandard } from './create-standard.js';
import { fileVersion, publishVersion } from './publish-version.js';

export function referenceTemplates() {
  return readReferenceStandards().map((s) => ({
    key: s.key,
    title: s.title,
    industryScope: s.industryScope,
    items: s.items.length,
    keyItems: s.items.filter((i) => i.isKey).length,
    version: s.version,
  }));
}

/**
 * Create a jurisdiction's standard from a shipped reference template, as a draft its owning department can adapt.
 * With `publishAndFile` (the demo) it is also published under the template's document number and filed.
 */
export async function createFromTemplate(
  db: Db,
  actor: Actor,
  key: string,
  opts: { owningDepartmentId?: string; publishAndFile?: boolean } = {},
): Promise<{ standardId: string; versionId: string }> {
  const template = readReferenceStandards().find((s) => s.key === key);
  if (!template) throw new AppError('STANDARD_TEMPLATE_NOT_FOUND');
  let owner = opts.owningDepartmentId;
  if (!owner) {
    const [dept] = await db
      .select()
      .from(units)
      .where(and(eq(units.jurisdictionId, actor.jurisdictionId), eq(units.code, template.owningDepartment)));
    owner = dept?.id;
  }
  if (!owner) throw new AppError('UNIT_NOT_FOUND');
  const created = await createStandard(db, actor, {
    title: template.title,
    owningDepartmentId: owner,
    industryScope: template.industryScope,
    industryModules: template.industryModules,
    templateKey: template.key,
    versionNumber: template.version.number,
    items: template.items,
  });
  if (opts.publishAndFile) {
    await publishVersion(db, actor, created.versionId, {
      documentNumber: template.version.documentNumber,
      publishDate: template.version.publishDate,
    });
    await fileVersion(db, actor, created.versionId);
  }
  return created;
}
