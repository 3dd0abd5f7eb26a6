import { eq } from 'drizzle-orm';
import { chinaDate } from '../../domain/readiness.js';
import { confirmationItems } from '../db/schema/confirmations.js';
import type { Actor } from '../platform/access/actor.js';
import type { Db } from '../platform/db/client.js';
import type { FileStore } from '../platform/files/store.js';
import { checkItem, moveConfirmation } from '../modules/confirmations/commands/move-confirmation.js';
import {
  concludeConfirmation,
  signConfirmation,
} from '../modules/confirmations/commands/conclude-and-sign.js';
import { requestConfirmation } from '../modules/confirmations/commands/request-confirmation.js';
import { uploadFile } from '../modules/documents/commands/upload-file.js';
import { linkedHashes } from '../modules/documents/index.js';
import { demoPhoto } from './demo-readiness.js';

/**
 * A third-party confirmation taken through the real commands: the enterprise asks the agency, the first engineer
 * accepts and checks every key item on site, concludes "confirmed", and both engineers sign; the report is issued.
 */
export async function confirmEnterprise(
  db: Db,
  files: FileStore,
  g: { enterpriseId: string; owner: Actor; agencyId: string; engineers: { actor: Actor; id: string }[] },
): Promise<void> {
  const { enterpriseId, owner, agencyId, engineers } = g;
  const confirmationId = await requestConfirmation(db, owner, {
    enterpriseId,
    agencyId,
    note: '自查完成，隐患均已整改，申请第三方确认',
  });
  const [checker, second] = engineers.map((e) => e.actor);
  await moveConfirmation(db, checker, confirmationId, 'accept');
  const sitePhoto = (
    await uploadFile(db, files, checker, {
      bytes: await demoPhoto('#5d6d7e'),
      originalName: '现场核查.jpg',
      entityType: 'confirmation',
      entityId: confirmationId,
      label: '现场核查',
    })
  ).file.sha256;
  const items = await db
    .select({ itemCode: confirmationItems.itemCode })
    .from(confirmationItems)
    .where(eq(confirmationItems.confirmationId, confirmationId))
    .orderBy(confirmationItems.position);
  for (const item of items) {
    await checkItem(
      db,
      checker,
      confirmationId,
      item.itemCode,
      { result: 'compliant', note: '现场核查符合要求', evidence: [sitePhoto] },
      (tx, hashes) => linkedHashes(tx, 'confirmation', confirmationId, hashes),
    );
  }
  await concludeConfirmation(db, checker, confirmationId, {
    conclusion: 'confirmed',
    siteVisitDate: chinaDate(new Date()),
    note: '重点审查项均符合要求',
  });
  await signConfirmation(db, checker, confirmationId, engineers[0].id);
  await signConfirmation(db, second, confirmationId, engineers[1].id);
}
