import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { chinaDate } from '../../../../domain/readiness.js';
import { commitments } from '../../../db/schema/commitments.js';
import { eventActor, type Actor } from '../../../platform/access/actor.js';
import { authorize } from '../../../platform/access/policy.js';
import { appendEvent } from '../../../platform/audit/append.js';
import type { Db } from '../../../platform/db/client.js';
import { inTransaction } from '../../../platform/db/tx.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { issueDocument } from '../../documents/commands/issue-document.js';
import { commitmentTemplate, linkedHashes } from '../../documents/index.js';
import { getEnterprise } from '../../registry/queries.js';
import { currentCommitmentText } from '../current-text.js';
import { commitmentEvents } from '../events.js';
import { commitmentPolicy } from '../policy.js';
import { latestCommitment, type CommitmentRow } from '../queries.js';

export interface SignInput {
  signatoryName: string;
  signatoryCapacity: 'legal_representative' | 'authorised';
  /** sha256 of the letter of authorisation, uploaded to the enterprise */
  authorisationFile?: string | null;
}

/**
 * The enterprise signs the commitment text in force: the signature is stored with the exact text and its hash, and
 * the signed letter is issued as a numbered document with a QR code. Signing the same text twice is refused.
 */
export async function signCommitment(
  db: Db,
  actor: Actor,
  enterpriseId: string,
  input: SignInput,
): Promise<CommitmentRow> {
  const enterprise = await getEnterprise(db, actor, enterpriseId);
  if (!enterprise) throw new AppError('ENTERPRISE_NOT_FOUND');
  authorize(commitmentPolicy, actor, 'sign', enterprise);
  const name = input.signatoryName.trim();
  if (input.signatoryCapacity === 'legal_representative' && name !== enterprise.legalRepresentative.trim()) {
    throw new AppError('COMMITMENT_SIGNATORY_MISMATCH', {
      fieldErrors: [
        {
          field: 'body/signatoryName',
          code: 'COMMITMENT_SIGNATORY_MISMATCH',
          message: `企业登记的法定代表人为“${enterprise.legalRepresentative}”`,
        },
      ],
    });
  }
  const authorisation = input.signatoryCapacity === 'authorised' ? input.authorisationFile?.trim() : null;
  if (input.signatoryCapacity === 'authorised') {
    if (!authorisation) {
      throw new AppError('COMMITMENT_AUTHORISATION_REQUIRED', {
        fieldErrors: [
          {
            field: 'body/authorisationFile',
            code: 'COMMITMENT_AUTHORISATION_REQUIRED',
            message: '请上传授权委托书',
          },
        ],
      });
    }
    if (!(await linkedHashes(db, 'enterprise', enterpriseId, [authorisation])).has(authorisation)) {
      throw new AppError('EVIDENCE_NOT_ATTACHED', {
        fieldErrors: [
          {
            field: 'body/authorisationFile',
            code: 'EVIDENCE_NOT_ATTACHED',
            message: '授权委托书未上传到本企业',
          },
        ],
      });
    }
  }

  return inTransaction(db, async (tx) => {
    // one signature at a time per enterprise, so two clicks cannot sign twice
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`commitment:${enterpriseId}`}))`);
    const text = await currentCommitmentText(tx, enterprise.jurisdictionId);
    const latest = await latestCommitment(tx, enterpriseId);
    if (latest?.textHash === text.hash) throw new AppError('COMMITMENT_ALREADY_SIGNED');

    const id = randomUUID();
    const signedAt = new Date();
    const doc = await issueDocument(tx, actor, {
      template: commitmentTemplate,
      holder: { type: 'enterprise', id: enterprise.id, name: enterprise.name },
      subject: { type: 'commitment', id },
      subdistrictId: enterprise.subdistrictId,
      issuedAt: signedAt,
      data: {
        enterpriseName: enterprise.name,
        uscc: enterprise.uscc,
        legalRepresentative: enterprise.legalRepresentative,
        ...(enterprise.operatingAddress ? { address: enterprise.operatingAddress } : {}),
        commitmentText: text.text,
        textVersion: text.version,
        signedOn: chinaDate(signedAt),
      },
    });
    const [row] = await tx
      .insert(commitments)
      .values({
        id,
        jurisdictionId: enterprise.jurisdictionId,
        enterpriseId,
        subdistrictId: enterprise.subdistrictId,
        text: text.text,
        textHash: text.hash,
        textVersion: text.version,
        signatoryName: name,
        signatoryCapacity: input.signatoryCapacity,
        authorisationFile: authorisation ?? null,
        signedBy: actor.userId,
        signedAt,
        documentId: doc.id,
        documentNumber: doc.number,
      })
      .returning();
    await appendEvent(tx, {
      kind: commitmentEvents.signed,
      jurisdictionId: enterprise.jurisdictionId,
      actor: eventActor(actor),
      entityType: 'commitment',
      entityId: id,
      at: signedAt,
      after: {
        enterpriseId,
        textVersion: text.version,
        textHash: text.hash,
        signatoryName: name,
        signatoryCapacity: input.signatoryCapacity,
        documentId: doc.id,
        documentNumber: doc.number,
      },
    });
    return row;
  });
}
