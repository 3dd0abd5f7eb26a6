import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { enterpriseImports } from '../../../db/schema/registry.js';
import { eventActor, hasRole, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { enqueue } from '../../../platform/jobs/queue.js';
import { getSettings } from '../../../platform/settings/settings.js';
import { registryEvents } from '../events.js';
import { readRegisterSheet } from '../import/read-sheet.js';
import { IMPORT_JOB } from '../import/run-import.js';

/**
 * Accept an uploaded register spreadsheet: check size, type and header row now (clear errors at once), then
 * queue the import job in the same transaction as the import record.
 */
export async function startImport(
  db: Db,
  actor: Actor,
  file: { name: string; bytes: Buffer },
): Promise<{ importId: string; jobId: string }> {
  if (!hasRole(actor, 'system_admin', 'bureau_admin', 'bureau_reviewer', 'subdistrict_officer'))
    throw new AppError('FORBIDDEN');
  const limits = await getSettings(db, actor.jurisdictionId, [
    'registry.importMaxBytes',
    'registry.importMaxRows',
  ]);
  if (file.bytes.length > limits['registry.importMaxBytes']) {
    throw new AppError('IMPORT_TOO_LARGE', {
      detail: `表格不能超过 ${Math.round(limits['registry.importMaxBytes'] / 1024 / 1024)} MB`,
    });
  }
  await readRegisterSheet(file.bytes, { maxRows: limits['registry.importMaxRows'], headerOnly: true });
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  return inTransaction(db, async (tx) => {
    const [imp] = await tx
      .insert(enterpriseImports)
      .values({
        jurisdictionId: actor.jurisdictionId,
        createdBy: actor.userId,
        fileName: file.name,
        fileSha256: sha256,
        file: file.bytes,
      })
      .returning({ id: enterpriseImports.id });
    const jobId = await enqueue(tx, {
      kind: IMPORT_JOB,
      payload: { importId: imp.id },
      jurisdictionId: actor.jurisdictionId,
      createdBy: actor.userId,
      maxAttempts: 3,
    });
    await tx.update(enterpriseImports).set({ jobId }).where(eq(enterpriseImports.id, imp.id));
    await appendEvent(tx, {
      kind: registryEvents.importStarted,
      jurisdictionId: actor.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'enterprise_import',
      entityId: imp.id,
      after: { fileName: file.name, fileSha256: sha256, jobId },
    });
    return { importId: imp.id, jobId };
  });
}
