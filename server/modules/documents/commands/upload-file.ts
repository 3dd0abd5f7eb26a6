import { and, eq } from 'drizzle-orm';
import { fileLinks, files, type FileLinkRow, type FileRow } from '../../../db/schema/documents.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { detectAllowedType } from '../../../platform/files/detect.js';
import { entityAccess } from '../../../platform/files/entity-access.js';
import type { FileStore } from '../../../platform/files/store.js';
import { sha256Of } from '../../../platform/files/store.js';
import { makeThumbnail } from '../../../platform/files/thumbnail.js';
import { getSetting } from '../../../platform/settings/settings.js';
import { documentEvents } from '../events.js';

export interface UploadFileInput {
  bytes: Buffer;
  originalName: string;
  entityType: string;
  entityId: string;
  label?: string | null;
}

/**
 * Keep an evidence file and link it to the entity it proves. Checks, in order: the entity takes files and the
 * actor may attach to it, the size, the type from the bytes, the image decodes. Bytes are stored before the rows
 * (content-addressed, so a failed transaction leaves at most an unreferenced copy, never a row without bytes).
 * Uploading the same content to the same entity again returns the existing link.
 */
export async function uploadFile(
  db: Db,
  store: FileStore,
  actor: Actor,
  input: UploadFileInput,
): Promise<{ link: FileLinkRow; file: FileRow }> {
  const access = entityAccess(input.entityType);
  if (!access) throw new AppError('FILE_ENTITY_NOT_SUPPORTED');
  if (!(await access.attach(db, actor, input.entityId))) throw new AppError('NOT_FOUND');

  const maxBytes = await getSetting(db, actor.jurisdictionId, 'files.maxBytes');
  if (input.bytes.length > maxBytes) throw new AppError('FILE_TOO_LARGE', { extra: { maxBytes } });
  if (input.bytes.length === 0) throw new AppError('FILE_MISSING');
  const type = await detectAllowedType(input.bytes);
  if (!type) throw new AppError('FILE_TYPE_NOT_ALLOWED');
  let thumbnail: Buffer | undefined;
  if (type.thumbnailable) {
    try {
      thumbnail = await makeThumbnail(input.bytes);
    } catch {
      throw new AppError('FILE_UNREADABLE');
    }
  }

  const sha256 = sha256Of(input.bytes);
  await store.put(input.bytes);
  const thumbnailSha256 = thumbnail ? await store.put(thumbnail) : null;
  const originalName = cleanName(input.originalName, type.ext);
  const label = input.label?.trim() || null;

  return inTransaction(db, async (tx) => {
    await tx
      .insert(files)
      .values({ sha256, size: input.bytes.length, mime: type.mime, originalName, thumbnailSha256 })
      .onConflictDoNothing();
    const [file] = await tx.select().from(files).where(eq(files.sha256, sha256));
    const [created] = await tx
      .insert(fileLinks)
      .values({
        fileSha256: sha256,
        jurisdictionId: actor.jurisdictionId,
        entityType: input.entityType,
        entityId: input.entityId,
        label,
        originalName,
        uploadedBy: actor.userId,
      })
      .onConflictDoNothing()
      .returning();
    if (!created) {
      const [existing] = await tx
        .select()
        .from(fileLinks)
        .where(
          and(
            eq(fileLinks.fileSha256, sha256),
            eq(fileLinks.entityType, input.entityType),
            eq(fileLinks.entityId, input.entityId),
          ),
        );
      return { link: existing, file };
    }
    await appendEvent(tx, {
      kind: documentEvents.fileUploaded,
      jurisdictionId: actor.jurisdictionId,
      actor: eventActor(actor),
      entityType: input.entityType,
      entityId: input.entityId,
      at: created.uploadedAt,
      after: { sha256, size: input.bytes.length, mime: type.mime, originalName, label },
    });
    return { link: created, file };
  });
}

/** A display name without path parts or control characters, ending in the detected type's extension. */
function cleanName(name: string, ext: string): string {
  const base = [...(name.split(/[\\/]/).pop() ?? '')]
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 150);
  const stem = base.replace(/\.[^.]*$/, '') || '文件';
  return `${stem}.${ext}`;
}
