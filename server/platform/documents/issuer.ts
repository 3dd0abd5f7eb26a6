import { eq } from 'drizzle-orm';
import { jurisdictions } from '../../db/schema/reference.js';
import type { Db } from '../db/client.js';
import { getSetting } from '../settings/settings.js';

export interface DocumentIssuer {
  /** for numbers: 鹿 */
  shortName: string;
  /** the jurisdiction: 温州市鹿城区 */
  jurisdictionName: string;
  /** the issuing authority printed on documents: the setting, or 温州市鹿城区应急管理局 */
  issuerName: string;
}

/** Who issues a jurisdiction's documents and how its numbers start. */
export async function documentIssuer(db: Db, jurisdictionId: string): Promise<DocumentIssuer> {
  const [j] = await db
    .select({ name: jurisdictions.name, shortName: jurisdictions.shortName })
    .from(jurisdictions)
    .where(eq(jurisdictions.id, jurisdictionId));
  if (!j) throw new Error(`unknown jurisdiction ${jurisdictionId}`);
  const configured = (await getSetting(db, jurisdictionId, 'documents.issuerName')).trim();
  return { shortName: j.shortName, jurisdictionName: j.name, issuerName: configured || `${j.name}应急管理局` };
}
