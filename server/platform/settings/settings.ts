import { and, desc, eq } from 'drizzle-orm';
import { settingDefinitions, type SettingKey, type SettingValue } from '../../../domain/settings.js';
import { settings } from '../../db/schema/index.js';
import type { Db } from '../db/client.js';

/** The value in force for a jurisdiction: the newest stored row, or the definition's default. */
export async function getSetting<K extends SettingKey>(
  db: Db,
  jurisdictionId: string,
  key: K,
): Promise<SettingValue<K>> {
  const [row] = await db
    .select({ value: settings.value })
    .from(settings)
    .where(and(eq(settings.jurisdictionId, jurisdictionId), eq(settings.key, key)))
    .orderBy(desc(settings.changedAt))
    .limit(1);
  return (row ? row.value : settingDefinitions[key].default) as SettingValue<K>;
}

export async function getSettings<K extends SettingKey>(
  db: Db,
  jurisdictionId: string,
  keys: readonly K[],
): Promise<{ [P in K]: SettingValue<P> }> {
  const out = {} as { [P in K]: SettingValue<P> };
  for (const key of keys) out[key] = await getSetting(db, jurisdictionId, key);
  return out;
}
