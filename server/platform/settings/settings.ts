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

/**
 * The value in force with its version: 0 while the default applies, then 1, 2 … with each change. Used where a
 * text's version matters (the commitment an enterprise must sign again when it changes).
 */
export async function getVersionedSetting<K extends SettingKey>(
  db: Db,
  jurisdictionId: string,
  key: K,
): Promise<{ value: SettingValue<K>; version: number; changedAt: Date | null }> {
  const rows = await db
    .select({ value: settings.value, changedAt: settings.changedAt })
    .from(settings)
    .where(and(eq(settings.jurisdictionId, jurisdictionId), eq(settings.key, key)))
    .orderBy(desc(settings.changedAt));
  if (rows.length === 0)
    return { value: settingDefinitions[key].default as SettingValue<K>, version: 0, changedAt: null };
  return { value: rows[0].value as SettingValue<K>, version: rows.length, changedAt: rows[0].changedAt };
}
