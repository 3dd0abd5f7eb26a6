import { and, asc, eq, gte, ilike, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { chinaDate } from '../../../domain/readiness.js';
import { jurisdictions, units } from '../../db/schema/reference.js';
import {
  publicNotices,
  whitelistApplications as apps,
  whitelistEntries as entries,
} from '../../db/schema/whitelist.js';
import type { Db } from '../../platform/db/client.js';
import { containing } from '../../platform/db/like.js';
import { listIndustries } from '../registry/queries.js';
import { unitNames } from './unit-names.js';

/**
 * What the public reads, without a login: entries in force (active or suspended, within validity) and notices
 * whose period is running. Deliberately outside the scope function: these are published facts, and only the
 * published columns are selected.
 */
export async function publicWhitelist(
  db: Db,
  jurisdictionId: string,
  q: { q?: string; subdistrictId?: string; industryCode?: string; page: number; pageSize: number },
) {
  const today = chinaDate(new Date());
  const conditions: SQL[] = [
    eq(entries.jurisdictionId, jurisdictionId),
    inArray(entries.status, ['active', 'suspended']),
    gte(entries.validTo, today),
    lte(entries.validFrom, today),
  ];
  const text = q.q?.trim();
  if (text) {
    const pattern = containing(text);
    conditions.push(
      or(
        ilike(entries.enterpriseName, pattern),
        ilike(entries.uscc, pattern),
        ilike(entries.number, pattern),
      ) as SQL,
    );
  }
  if (q.subdistrictId) conditions.push(eq(entries.subdistrictId, q.subdistrictId));
  if (q.industryCode)
    conditions.push(sql`${entries.industryCode} like ${`${q.industryCode.replace(/[\\%_]/g, '')}%`}`);
  const where = and(...conditions);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(entries)
    .where(where);
  const rows = await db
    .select()
    .from(entries)
    .where(where)
    .orderBy(asc(entries.number))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [names, industries, subdistricts] = await Promise.all([
    unitNames(
      db,
      rows.map((r) => r.subdistrictId),
    ),
    listIndustries(db),
    db
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.jurisdictionId, jurisdictionId), eq(units.kind, 'subdistrict')))
      .orderBy(asc(units.sortOrder), asc(units.name)),
  ]);
  const industryName = new Map(industries.map((i) => [i.code, i.name]));
  return {
    total: Number(total),
    items: rows.map((r) => ({
      number: r.number,
      enterpriseName: r.enterpriseName,
      uscc: r.uscc,
      subdistrictName: names.get(r.subdistrictId) ?? '',
      industryCode: r.industryCode,
      industryName: industryName.get(r.industryCode) ?? r.industryCode,
      validFrom: r.validFrom,
      validTo: r.validTo,
      status: r.status as 'active' | 'suspended',
      verifyUrl: r.plaqueVerifyUrl,
    })),
    subdistricts,
  };
}

export async function runningNotices(db: Db, jurisdictionId: string) {
  const today = chinaDate(new Date());
  const notices = await db
    .select()
    .from(publicNotices)
    .where(
      and(
        eq(publicNotices.jurisdictionId, jurisdictionId),
        eq(publicNotices.status, 'open'),
        lte(publicNotices.startsOn, today),
        gte(publicNotices.endsOn, today),
      ),
    )
    .orderBy(asc(publicNotices.endsOn));
  if (notices.length === 0) return [];
  const rows = await db
    .select()
    .from(apps)
    .where(
      and(
        inArray(
          apps.noticeId,
          notices.map((n) => n.id),
        ),
        eq(apps.status, 'public_notice'),
      ),
    )
    .orderBy(asc(apps.enterpriseName));
  const [names, industries] = await Promise.all([
    unitNames(
      db,
      rows.map((r) => r.subdistrictId),
    ),
    listIndustries(db),
  ]);
  const industryName = new Map(industries.map((i) => [i.code, i.name]));
  return notices.map((n) => ({
    id: n.id,
    number: n.number,
    title: n.title,
    startsOn: n.startsOn,
    endsOn: n.endsOn,
    endsEstimated: n.endsEstimated,
    verifyUrl: n.verifyUrl,
    applications: rows
      .filter((r) => r.noticeId === n.id)
      .map((r) => ({
        id: r.id,
        enterpriseName: r.enterpriseName,
        uscc: r.uscc,
        subdistrictName: names.get(r.subdistrictId) ?? '',
        industryName: industryName.get(r.industryCode) ?? r.industryCode,
      })),
  }));
}

/** The jurisdiction a public page speaks for: by its code (330302), or the first one hosted. */
export async function publicJurisdiction(db: Db, code?: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: jurisdictions.id })
    .from(jurisdictions)
    .where(code ? eq(jurisdictions.code, code) : sql`true`)
    .orderBy(asc(jurisdictions.createdAt))
    .limit(1);
  return row?.id;
}
