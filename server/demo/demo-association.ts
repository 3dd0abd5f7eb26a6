import { eq } from 'drizzle-orm';
import { users } from '../db/schema/index.js';
import type { Actor } from '../platform/access/actor.js';
import { buildActor } from '../platform/auth/sessions.js';
import type { Db } from '../platform/db/client.js';
import { adoptSelfDiscipline, registerAssociation } from '../modules/associations/commands.js';
import { getVersion } from '../modules/standards/queries.js';
import { demoAssociation, ensureUser } from './demo-logins.js';

/**
 * The footwear association, registered by the bureau, with its secretariat's login; it adopts 12 key items of the
 * filed footwear standard as its self-discipline standard.
 */
export async function loadAssociationDemo(
  db: Db,
  g: { bureau: Actor; jurisdictionId: string; footwearVersionId: string },
): Promise<void> {
  const { bureau: actor, jurisdictionId, footwearVersionId } = g;
  const associationId = await registerAssociation(db, actor, {
    name: demoAssociation.name,
    uscc: demoAssociation.uscc,
    industryScope: ['19'],
    contactName: '郑海波',
    contactPhone: '0577-88331952',
  });
  const associationUserId = await ensureUser(
    db,
    jurisdictionId,
    'demo.association',
    `${demoAssociation.name} 秘书处`,
    [{ role: 'association_user', unitId: associationId }],
  );
  const associationActor = await buildActor(
    db,
    (await db.select().from(users).where(eq(users.id, associationUserId)))[0],
  );
  const footwearItems = (await getVersion(db, actor, footwearVersionId)).items;
  await adoptSelfDiscipline(db, associationActor, associationId, {
    title: '鹿城区鞋业安全生产自律共治标准（2026）',
    standardVersionId: footwearVersionId,
    itemCodes: footwearItems
      .filter((i) => i.isKey)
      .slice(0, 12)
      .map((i) => i.code),
  });
}
