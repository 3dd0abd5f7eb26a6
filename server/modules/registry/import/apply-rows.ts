import { eq, inArray } from 'drizzle-orm';
import { enterprises } from '../../../db/schema/registry.js';
import { appendEvents, type EventActor, type EventInput } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { registryEvents } from '../events.js';
import { changedFields, fieldsOf, type EnterpriseFields } from '../fields.js';
import type { ParsedRow } from './validate-rows.js';

export interface ApplyResult {
  created: number;
  updated: number;
  unchanged: number;
}

const chunk = 500;

/**
 * Upsert the valid rows by USCC inside the caller's transaction. A row equal to the register changes nothing and
 * writes no event, so importing the same file twice is a no-op the second time.
 */
export async function applyRows(
  tx: Db,
  ctx: { jurisdictionId: string; actor: EventActor; importId: string },
  rows: ParsedRow[],
): Promise<ApplyResult> {
  const existing = new Map<string, typeof enterprises.$inferSelect>();
  const usccs = [...new Set(rows.flatMap((r) => [r.fields.uscc, ...(r.hostUscc ? [r.hostUscc] : [])]))];
  for (let i = 0; i < usccs.length; i += chunk) {
    const found = await tx
      .select()
      .from(enterprises)
      .where(inArray(enterprises.uscc, usccs.slice(i, i + chunk)));
    for (const e of found) if (e.jurisdictionId === ctx.jurisdictionId) existing.set(e.uscc, e);
  }

  // 1. create the new enterprises without hosts (a host may be another new row)
  const idByUscc = new Map([...existing.values()].map((e) => [e.uscc, e.id]));
  const fresh = rows.filter((r) => !existing.has(r.fields.uscc));
  for (let i = 0; i < fresh.length; i += chunk) {
    const inserted = await tx
      .insert(enterprises)
      .values(
        fresh
          .slice(i, i + chunk)
          .map((r) => ({ ...r.fields, hostEnterpriseId: null, jurisdictionId: ctx.jurisdictionId })),
      )
      .returning({ id: enterprises.id, uscc: enterprises.uscc });
    for (const e of inserted) idByUscc.set(e.uscc, e.id);
  }

  // 2. final fields with hosts resolved; update what differs
  const events: EventInput<unknown>[] = [];
  const result: ApplyResult = { created: fresh.length, updated: 0, unchanged: 0 };
  const source = { importId: ctx.importId };
  for (const r of rows) {
    const fields: EnterpriseFields = {
      ...r.fields,
      hostEnterpriseId: r.hostUscc ? idByUscc.get(r.hostUscc)! : null,
    };
    const id = idByUscc.get(r.fields.uscc)!;
    const before = existing.get(r.fields.uscc);
    if (!before) {
      if (fields.hostEnterpriseId)
        await tx
          .update(enterprises)
          .set({ hostEnterpriseId: fields.hostEnterpriseId })
          .where(eq(enterprises.id, id));
      events.push({
        kind: registryEvents.enterpriseCreated,
        jurisdictionId: ctx.jurisdictionId,
        actor: ctx.actor,
        entityType: 'enterprise',
        entityId: id,
        after: { fields: { ...fields }, source },
      });
      continue;
    }
    const diff = changedFields(fieldsOf(before), fields);
    if (Object.keys(diff).length === 0) {
      result.unchanged += 1;
      continue;
    }
    result.updated += 1;
    await tx
      .update(enterprises)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(enterprises.id, id));
    events.push({
      kind: registryEvents.enterpriseUpdated,
      jurisdictionId: ctx.jurisdictionId,
      actor: ctx.actor,
      entityType: 'enterprise',
      entityId: id,
      before: { fields: Object.fromEntries(Object.entries(diff).map(([k, [b]]) => [k, b])) },
      after: { fields: Object.fromEntries(Object.entries(diff).map(([k, [, a]]) => [k, a])), source },
    });
  }
  await appendEvents(tx, events);
  return result;
}
