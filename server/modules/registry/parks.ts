import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { enterprises, parks } from '../../db/schema/registry.js';
import { units } from '../../db/schema/reference.js';
import { eventActor, type Actor } from '../../platform/access/actor.js';
import { abilities, authorize } from '../../platform/access/policy.js';
import { scopeWhere } from '../../platform/access/scope.js';
import { appendEvent } from '../../platform/audit/append.js';
import type { Db } from '../../platform/db/client.js';
import { inTransaction } from '../../platform/db/tx.js';
import { AppError } from '../../platform/errors/app-error.js';
import { registryEvents } from './events.js';
import { canRegisterIn, parkPolicy } from './policy.js';

export interface ParkFields {
  name: string;
  address: string | null;
  subdistrictId: string;
  operatorEnterpriseId: string | null;
}

/** Parks are seen by whoever sees the jurisdiction's register, and by the subdistrict they lie in. */
export function parkScope(actor: Actor) {
  return scopeWhere(actor, {
    jurisdiction: parks.jurisdictionId,
    subdistrict: parks.subdistrictId,
    enterprise: parks.operatorEnterpriseId,
  });
}

const operators = alias(enterprises, 'operator');

export async function listParks(db: Db, actor: Actor, f: { subdistrictId?: string }) {
  const rows = await db
    .select({
      p: parks,
      subdistrictName: units.name,
      operatorName: operators.name,
      tenantCount: sql<number>`(select count(*)::int from ${enterprises} t where t.park_id = ${parks.id})`,
    })
    .from(parks)
    .innerJoin(units, eq(units.id, parks.subdistrictId))
    .leftJoin(operators, eq(operators.id, parks.operatorEnterpriseId))
    .where(and(parkScope(actor), f.subdistrictId ? eq(parks.subdistrictId, f.subdistrictId) : undefined))
    .orderBy(asc(parks.name));
  return rows.map((r) => {
    const view = {
      id: r.p.id,
      jurisdictionId: r.p.jurisdictionId,
      name: r.p.name,
      address: r.p.address,
      subdistrictId: r.p.subdistrictId,
      subdistrictName: r.subdistrictName,
      operatorEnterpriseId: r.p.operatorEnterpriseId,
      operatorName: r.operatorName,
      tenantCount: Number(r.tenantCount),
    };
    return { ...view, abilities: abilities(parkPolicy, actor, view) };
  });
}

export async function getPark(db: Db, actor: Actor, id: string) {
  const [park] = (await listParks(db, actor, {})).filter((p) => p.id === id);
  return park;
}

async function assertParkFields(db: Db, jurisdictionId: string, f: ParkFields): Promise<void> {
  const [sub] = await db
    .select({ id: units.id })
    .from(units)
    .where(
      and(
        eq(units.id, f.subdistrictId),
        eq(units.kind, 'subdistrict'),
        eq(units.jurisdictionId, jurisdictionId),
      ),
    );
  if (!sub)
    throw new AppError('SUBDISTRICT_UNKNOWN', {
      fieldErrors: [{ field: 'body/subdistrictId', code: 'SUBDISTRICT_UNKNOWN', message: '所属街镇不存在' }],
    });
  if (f.operatorEnterpriseId) {
    const [op] = await db
      .select({ id: enterprises.id })
      .from(enterprises)
      .where(and(eq(enterprises.id, f.operatorEnterpriseId), eq(enterprises.jurisdictionId, jurisdictionId)));
    if (!op)
      throw new AppError('ENTERPRISE_NOT_FOUND', {
        fieldErrors: [
          { field: 'body/operatorEnterpriseId', code: 'ENTERPRISE_NOT_FOUND', message: '运营企业不存在' },
        ],
      });
  }
}

async function assertNameFree(tx: Db, jurisdictionId: string, name: string, selfId?: string) {
  const [taken] = await tx
    .select({ id: parks.id })
    .from(parks)
    .where(and(eq(parks.jurisdictionId, jurisdictionId), eq(parks.name, name)));
  if (taken && taken.id !== selfId) {
    throw new AppError('PARK_NAME_TAKEN', {
      fieldErrors: [{ field: 'body/name', code: 'PARK_NAME_TAKEN', message: '同名小微园区已存在' }],
    });
  }
}

export async function createPark(db: Db, actor: Actor, input: ParkFields): Promise<{ id: string }> {
  const fields = { ...input, name: input.name.trim(), address: input.address?.trim() || null };
  if (!canRegisterIn(actor, { jurisdictionId: actor.jurisdictionId, subdistrictId: fields.subdistrictId })) {
    throw new AppError('ENTERPRISE_OUTSIDE_SUBDISTRICT');
  }
  await assertParkFields(db, actor.jurisdictionId, fields);
  return inTransaction(db, async (tx) => {
    await assertNameFree(tx, actor.jurisdictionId, fields.name);
    const [row] = await tx
      .insert(parks)
      .values({ ...fields, jurisdictionId: actor.jurisdictionId })
      .returning({ id: parks.id });
    await appendEvent(tx, {
      kind: registryEvents.parkCreated,
      jurisdictionId: actor.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'park',
      entityId: row.id,
      after: { fields: { ...fields } },
    });
    return row;
  });
}

export async function updatePark(
  db: Db,
  actor: Actor,
  id: string,
  patch: Partial<ParkFields>,
): Promise<void> {
  const [current] = await db
    .select()
    .from(parks)
    .where(and(eq(parks.id, id), parkScope(actor)));
  if (!current) throw new AppError('PARK_NOT_FOUND');
  authorize(parkPolicy, actor, 'update', current);
  const next: ParkFields = {
    name: (patch.name ?? current.name).trim(),
    address: patch.address === undefined ? current.address : patch.address?.trim() || null,
    subdistrictId: patch.subdistrictId ?? current.subdistrictId,
    operatorEnterpriseId:
      patch.operatorEnterpriseId === undefined ? current.operatorEnterpriseId : patch.operatorEnterpriseId,
  };
  if (!canRegisterIn(actor, { jurisdictionId: current.jurisdictionId, subdistrictId: next.subdistrictId })) {
    throw new AppError('ENTERPRISE_OUTSIDE_SUBDISTRICT');
  }
  await assertParkFields(db, current.jurisdictionId, next);
  await inTransaction(db, async (tx) => {
    await assertNameFree(tx, current.jurisdictionId, next.name, id);
    await tx
      .update(parks)
      .set({ ...next, updatedAt: new Date() })
      .where(eq(parks.id, id));
    await appendEvent(tx, {
      kind: registryEvents.parkUpdated,
      jurisdictionId: current.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'park',
      entityId: id,
      before: {
        fields: {
          name: current.name,
          address: current.address,
          subdistrictId: current.subdistrictId,
          operatorEnterpriseId: current.operatorEnterpriseId,
        },
      },
      after: { fields: { ...next } },
    });
  });
}
