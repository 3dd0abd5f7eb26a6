import { chinaDate } from '../../../../domain/readiness.js';
import type { Actor } from '../../../platform/access/actor.js';
import { can } from '../../../platform/access/policy.js';
import type { Db } from '../../../platform/db/client.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { linkedHashes } from '../../documents/index.js';
import { hazardPolicy } from '../policy.js';
import { loadHazard, type HazardRow } from '../queries.js';

export type HazardAction = keyof typeof hazardPolicy;

/** Lock a hazard for a change: 404 outside scope, 409 when its status does not allow the action, 403 otherwise. */
export async function loadHazardFor(
  tx: Db,
  actor: Actor,
  id: string,
  action: HazardAction,
  allowedFrom: readonly HazardRow['status'][],
): Promise<HazardRow> {
  const row = await loadHazard(tx, actor, id, { forUpdate: true });
  if (!row) throw new AppError('HAZARD_NOT_FOUND');
  if (!allowedFrom.includes(row.status))
    throw new AppError(action === 'requestExtension' ? 'EXTENSION_HAZARD_CLOSED' : 'HAZARD_TRANSITION');
  if (!can(hazardPolicy, actor, action, row)) throw new AppError('FORBIDDEN');
  return row;
}

/** Evidence files must have been uploaded to the hazard. */
export async function assertHazardEvidence(
  tx: Db,
  hazardId: string,
  hashes: readonly string[],
  field: string,
): Promise<void> {
  if (hashes.length === 0) return;
  const found = await linkedHashes(tx, 'hazard', hazardId, hashes);
  const missing = hashes.filter((h) => !found.has(h));
  if (missing.length > 0) {
    throw new AppError('EVIDENCE_NOT_ATTACHED', {
      fieldErrors: missing.map((h) => ({
        field,
        code: 'EVIDENCE_NOT_ATTACHED',
        message: `文件 ${h.slice(0, 8)}… 未上传到该隐患`,
      })),
    });
  }
}

export function today(now = new Date()): string {
  return chinaDate(now);
}
