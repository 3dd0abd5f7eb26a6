import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/client.js';
import { getVersionedSetting } from '../../platform/settings/settings.js';
import { defaultCommitmentText } from '../documents/index.js';

export interface CommitmentText {
  text: string;
  hash: string;
  /** printed on the letter: 平台内置文本, or 第N版（YYYY-MM-DD） */
  version: string;
}

/** The commitment text in force in a jurisdiction (setting commitment.text; empty means the shipped text). */
export async function currentCommitmentText(db: Db, jurisdictionId: string): Promise<CommitmentText> {
  const setting = await getVersionedSetting(db, jurisdictionId, 'commitment.text');
  const custom = setting.value.trim();
  const text = custom || defaultCommitmentText();
  const version =
    custom && setting.changedAt
      ? `第${setting.version}版（${setting.changedAt.toISOString().slice(0, 10)}）`
      : '平台内置文本';
  return { text, hash: createHash('sha256').update(text).digest('hex'), version };
}
