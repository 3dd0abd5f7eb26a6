import { and, eq } from 'drizzle-orm';
import {
  isApplicabilityTag,
  itemApplies,
  scopeCovers,
  type StandardItemContent,
} from '../../../domain/standards.js';
import { applicabilityProfiles, standards, standardVersions } from '../../db/schema/standards.js';
import type { Db } from '../../platform/db/client.js';
import { itemContent, itemsOf } from './load.js';

export interface ApplicableStandard {
  standardId: string;
  title: string;
  versionId: string;
  versionNumber: string;
  documentNumber: string | null;
  declaredTags: string[];
  items: (StandardItemContent & { position: number })[];
  /** items left out because the enterprise does not declare their tags */
  excludedCount: number;
}

export async function declaredTags(db: Db, enterpriseId: string): Promise<string[]> {
  const [profile] = await db
    .select()
    .from(applicabilityProfiles)
    .where(eq(applicabilityProfiles.enterpriseId, enterpriseId));
  return (profile?.tags ?? []).filter(isApplicabilityTag);
}

/**
 * THE rule of which yardstick applies: the filed (备案) version of the standard whose industry scope covers the
 * enterprise's industry code, restricted to the items whose applicability tags the enterprise declares.
 * Self-inspection, confirmation, advice letters and enforcement all call this one function.
 */
export async function applicableStandard(
  db: Db,
  enterprise: { id: string; jurisdictionId: string; industryCode: string },
): Promise<ApplicableStandard | null> {
  const filed = await db
    .select({ v: standardVersions, s: standards })
    .from(standardVersions)
    .innerJoin(standards, eq(standards.id, standardVersions.standardId))
    .where(
      and(
        eq(standardVersions.jurisdictionId, enterprise.jurisdictionId),
        eq(standardVersions.status, 'filed'),
      ),
    );
  const match = filed
    .filter((r) => scopeCovers(r.s.industryScope, enterprise.industryCode))
    // the most specific scope wins should two ever cover the same code (overlaps are refused on creation)
    .sort(
      (a, b) =>
        Math.max(...b.s.industryScope.map((c) => c.length)) -
        Math.max(...a.s.industryScope.map((c) => c.length)),
    )[0];
  if (!match) return null;
  const tags = await declaredTags(db, enterprise.id);
  const declared = new Set(tags);
  const all = await itemsOf(db, match.v.id);
  const items = all
    .filter((row) => itemApplies({ tags: row.tags as StandardItemContent['tags'] }, declared))
    .map((row) => ({ ...itemContent(row), position: row.position }));
  return {
    standardId: match.s.id,
    title: match.s.title,
    versionId: match.v.id,
    versionNumber: match.v.number,
    documentNumber: match.v.documentNumber,
    declaredTags: tags,
    items,
    excludedCount: all.length - items.length,
  };
}

/** The items of one version as content (a pinned version: confirmations and inspections look their items up). */
export async function versionItems(db: Db, versionId: string): Promise<StandardItemContent[]> {
  return (await itemsOf(db, versionId)).map(itemContent);
}
