import { and, asc, eq, inArray } from 'drizzle-orm';
import { fileLinks, files, type FileLinkRow, type FileRow } from '../../db/schema/documents.js';
import type { Actor } from '../../platform/access/actor.js';
import type { Db } from '../../platform/db/client.js';
import { entityAccess } from '../../platform/files/entity-access.js';
import { isSha256 } from '../../platform/files/store.js';

/**
 * A file the actor may read: one of its links, in the actor's jurisdiction, is to an entity the actor can read.
 * Unknown and unreadable files look the same (undefined), so hashes cannot be probed.
 */
export async function readableFile(db: Db, actor: Actor, sha256: string): Promise<FileRow | undefined> {
  if (!isSha256(sha256)) return undefined;
  const links = await db
    .select({ entityType: fileLinks.entityType, entityId: fileLinks.entityId })
    .from(fileLinks)
    .where(and(eq(fileLinks.fileSha256, sha256), eq(fileLinks.jurisdictionId, actor.jurisdictionId)));
  for (const link of links) {
    const access = entityAccess(link.entityType);
    if (access && (await access.read(db, actor, link.entityId))) {
      const [file] = await db.select().from(files).where(eq(files.sha256, sha256));
      return file;
    }
  }
  return undefined;
}

/** The files linked to an entity, when the actor can read the entity (undefined otherwise). */
export async function filesOfEntity(
  db: Db,
  actor: Actor,
  entityType: string,
  entityId: string,
): Promise<{ link: FileLinkRow; file: FileRow }[] | undefined> {
  const access = entityAccess(entityType);
  if (!access || !(await access.read(db, actor, entityId))) return undefined;
  const rows = await db
    .select({ link: fileLinks, file: files })
    .from(fileLinks)
    .innerJoin(files, eq(files.sha256, fileLinks.fileSha256))
    .where(
      and(
        eq(fileLinks.entityType, entityType),
        eq(fileLinks.entityId, entityId),
        eq(fileLinks.jurisdictionId, actor.jurisdictionId),
      ),
    )
    .orderBy(asc(fileLinks.uploadedAt));
  return rows;
}

/** Which of `hashes` are linked to the entity: commands check evidence against it before they reference files. */
export async function linkedHashes(
  db: Db,
  entityType: string,
  entityId: string,
  hashes: readonly string[],
): Promise<Set<string>> {
  const wanted = hashes.filter(isSha256);
  if (wanted.length === 0) return new Set();
  const rows = await db
    .select({ sha: fileLinks.fileSha256 })
    .from(fileLinks)
    .where(
      and(
        eq(fileLinks.entityType, entityType),
        eq(fileLinks.entityId, entityId),
        inArray(fileLinks.fileSha256, wanted),
      ),
    );
  return new Set(rows.map((r) => r.sha));
}
