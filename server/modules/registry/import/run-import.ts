import { and, eq } from 'drizzle-orm';
import { enterpriseImports, enterprises, industries, parks } from '../../../db/schema/registry.js';
import { units } from '../../../db/schema/reference.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { appendEvent } from '../../../platform/audit/append.js';
import { actorOfUser } from '../../identity/queries.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import type { JobContext } from '../../../platform/jobs/worker.js';
import { getSetting } from '../../../platform/settings/settings.js';
import { registryEvents } from '../events.js';
import { applyRows } from './apply-rows.js';
import { buildErrorFile } from './error-file.js';
import { readRegisterSheet } from './read-sheet.js';
import { checkHosts, validateRows, type ParsedRow, type References, type RowError } from './validate-rows.js';
import { canRegisterIn } from '../policy.js';

export const IMPORT_JOB = 'registry.import';

async function loadReferences(db: Db, jurisdictionId: string): Promise<References> {
  const subs = await db
    .select({ id: units.id, name: units.name, code: units.code })
    .from(units)
    .where(and(eq(units.jurisdictionId, jurisdictionId), eq(units.kind, 'subdistrict')));
  const subdistrictByName = new Map<string, string>();
  for (const s of subs) {
    subdistrictByName.set(s.name, s.id);
    subdistrictByName.set(s.code, s.id);
  }
  const industryCodes = new Set(
    (await db.select({ code: industries.code }).from(industries)).map((i) => i.code),
  );
  const parkRows = await db
    .select({ id: parks.id, name: parks.name })
    .from(parks)
    .where(eq(parks.jurisdictionId, jurisdictionId));
  return { subdistrictByName, industryCodes, parkByName: new Map(parkRows.map((p) => [p.name, p.id])) };
}

/** A subdistrict officer's file may only create or change enterprises of its own subdistrict. */
function withinRegistrarScope(actor: Actor, rows: ParsedRow[], subdistrictOf: Map<string, string>) {
  const errors: RowError[] = [];
  const valid = rows.filter((r) => {
    const current = subdistrictOf.get(r.fields.uscc);
    const ok =
      canRegisterIn(actor, { jurisdictionId: actor.jurisdictionId, subdistrictId: r.fields.subdistrictId }) &&
      (!current || canRegisterIn(actor, { jurisdictionId: actor.jurisdictionId, subdistrictId: current }));
    if (!ok)
      errors.push({
        row: r.rowNumber,
        column: '所属街镇',
        code: 'ENTERPRISE_OUTSIDE_SUBDISTRICT',
        message: '只能导入本街镇的企业',
      });
    return ok;
  });
  return { valid, errors };
}

/**
 * The import job: read, validate (progress visible), then apply every valid row in one transaction, so a failed
 * import leaves the register as it was. Bad rows go to the error file.
 */
export async function runImport(ctx: JobContext): Promise<Record<string, unknown>> {
  const { db } = ctx;
  const importId = String(ctx.job.payload.importId);
  const [imp] = await db.select().from(enterpriseImports).where(eq(enterpriseImports.id, importId));
  if (!imp) throw new Error(`import ${importId} not found`);
  // A process that died after the write committed but before the job was marked done leaves the job to run
  // again: the import is already whole, and running it again would record it as "all rows unchanged".
  if (imp.status === 'done' || imp.status === 'failed') return { importId, alreadyFinished: imp.status };
  await db.update(enterpriseImports).set({ status: 'running' }).where(eq(enterpriseImports.id, importId));
  try {
    const started = performance.now();
    const timings: Record<string, number> = {};
    const lap = (name: string) => (timings[name] = Math.round(performance.now() - started));
    const maxRows = await getSetting(db, imp.jurisdictionId, 'registry.importMaxRows');
    const sheet = await readRegisterSheet(imp.file, { maxRows });
    lap('readMs');
    const total = sheet.rows.length;
    // validation is most of the work people wait for; the write is one transaction at the end
    await ctx.progress(0, total + 1);
    const refs = await loadReferences(db, imp.jurisdictionId);
    const checked = validateRows(sheet.rows, refs);
    lap('validateMs');
    await ctx.progress(Math.floor(total / 2), total + 1);
    const register = await db
      .select({
        id: enterprises.id,
        uscc: enterprises.uscc,
        hostId: enterprises.hostEnterpriseId,
        subdistrictId: enterprises.subdistrictId,
      })
      .from(enterprises)
      .where(eq(enterprises.jurisdictionId, imp.jurisdictionId));
    const creatorActor = await actorOfUser(db, imp.createdBy);
    if (!creatorActor) throw new Error(`import ${importId}: its creator is gone`);
    const inScope = withinRegistrarScope(
      creatorActor,
      checked.valid,
      new Map(register.map((e) => [e.uscc, e.subdistrictId])),
    );
    const usccById = new Map(register.map((e) => [e.id, e.uscc]));
    const registerHostOf = new Map(
      register.map((e) => [e.uscc, e.hostId ? (usccById.get(e.hostId) ?? null) : null]),
    );
    const hosts = checkHosts(inScope.valid, registerHostOf);
    const errors = [...checked.errors, ...inScope.errors, ...hosts.errors].sort((a, b) => a.row - b.row);
    lap('referencesMs');
    await ctx.progress(total, total + 1);
    const actor = eventActor(creatorActor);
    const errorRows = new Set(errors.map((e) => e.row)).size;
    const errorFile = errors.length > 0 ? await buildErrorFile(sheet.rows, errors) : null;
    lap('errorFileMs');
    const result = await inTransaction(db, async (tx) => {
      const applied = await applyRows(
        tx,
        { jurisdictionId: imp.jurisdictionId, actor, importId },
        hosts.valid,
      );
      await tx
        .update(enterpriseImports)
        .set({
          status: 'done',
          totalRows: total,
          createdCount: applied.created,
          updatedCount: applied.updated,
          unchangedCount: applied.unchanged,
          errorRowCount: errorRows,
          errors: errors.slice(0, 200),
          errorFile,
          finishedAt: new Date(),
        })
        .where(eq(enterpriseImports.id, importId));
      await appendEvent(tx, {
        kind: registryEvents.importFinished,
        jurisdictionId: imp.jurisdictionId,
        actor,
        entityType: 'enterprise_import',
        entityId: importId,
        after: {
          totalRows: total,
          created: applied.created,
          updated: applied.updated,
          unchanged: applied.unchanged,
          errorRows,
        },
      });
      return applied;
    });
    lap('writeMs');
    await ctx.progress(total + 1, total + 1);
    return { importId, ...result, errorRows, timings };
  } catch (err) {
    const message = err instanceof AppError ? err.message : '导入失败，名录未作任何修改，请重试或联系管理员';
    const final = err instanceof AppError || ctx.job.attempts >= ctx.job.maxAttempts;
    await db
      .update(enterpriseImports)
      .set(
        final
          ? { status: 'failed', failure: message, finishedAt: new Date() }
          : { status: 'queued', failure: message },
      )
      .where(eq(enterpriseImports.id, importId));
    // a file that cannot be imported will not improve by retrying
    if (err instanceof AppError) return { importId, failed: err.code };
    throw err;
  }
}
