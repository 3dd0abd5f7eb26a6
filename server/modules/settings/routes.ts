import { and, desc, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { settingDefinitions, isSettingKey, type SettingKey } from '../../../domain/settings.js';
import { settings } from '../../db/schema/platform.js';
import { actorOf } from '../../platform/auth/plugin.js';
import { AppError } from '../../platform/errors/app-error.js';
import { responses } from '../../platform/http/schemas.js';
import type { ModuleContext } from '../../platform/http/types.js';
import { getSetting } from '../../platform/settings/settings.js';
import { jurisdictionAbilities } from '../identity/policy.js';
import { getUser } from '../identity/queries.js';
import { changeSetting } from './commands/change-setting.js';

const tags = ['settings'];

const SettingView = Type.Object({
  key: Type.String(),
  label: Type.String(),
  unit: Type.Union([Type.String(), Type.Null()]),
  value: Type.Unknown(),
  default: Type.Unknown(),
});

export function settingsRoutes({ app, db }: ModuleContext): void {
  const requireManager = (req: Parameters<typeof actorOf>[0]) => {
    const actor = actorOf(req);
    if (!jurisdictionAbilities(actor).manageSettings) throw new AppError('FORBIDDEN');
    return actor;
  };

  app.get(
    '/api/settings',
    { schema: { tags, summary: '辖区政策参数', response: responses({ 200: Type.Array(SettingView) }) } },
    async (req) => {
      const actor = requireManager(req);
      const out = [];
      for (const key of Object.keys(settingDefinitions) as SettingKey[]) {
        const d = settingDefinitions[key];
        out.push({
          key,
          label: d.label,
          unit: d.unit ?? null,
          value: await getSetting(db, actor.jurisdictionId, key),
          default: d.default,
        });
      }
      return out;
    },
  );

  app.put(
    '/api/settings/:key',
    {
      schema: {
        tags,
        summary: '修改政策参数',
        params: Type.Object({ key: Type.String({ maxLength: 100 }) }),
        body: Type.Object(
          { value: Type.Unknown(), reason: Type.Optional(Type.String({ maxLength: 500 })) },
          { additionalProperties: false },
        ),
        response: responses({ 200: SettingView }),
      },
    },
    async (req) => {
      const actor = requireManager(req);
      await changeSetting(db, actor, req.params.key, req.body.value, req.body.reason);
      const key = req.params.key as SettingKey;
      const d = settingDefinitions[key];
      return {
        key,
        label: d.label,
        unit: d.unit ?? null,
        value: await getSetting(db, actor.jurisdictionId, key),
        default: d.default,
      };
    },
  );

  app.get(
    '/api/settings/:key/history',
    {
      schema: {
        tags,
        summary: '参数修改历史',
        params: Type.Object({ key: Type.String({ maxLength: 100 }) }),
        response: responses({
          200: Type.Array(
            Type.Object({
              value: Type.Unknown(),
              changedBy: Type.Union([Type.String(), Type.Null()]),
              changedByName: Type.Union([Type.String(), Type.Null()]),
              changedAt: Type.String(),
              reason: Type.Union([Type.String(), Type.Null()]),
            }),
          ),
        }),
      },
    },
    async (req) => {
      const actor = requireManager(req);
      if (!isSettingKey(req.params.key)) throw new AppError('SETTING_UNKNOWN');
      const rows = await db
        .select()
        .from(settings)
        .where(and(eq(settings.jurisdictionId, actor.jurisdictionId), eq(settings.key, req.params.key)))
        .orderBy(desc(settings.changedAt));
      // who changed it, by name (a handful of distinct users per setting)
      const names = new Map<string, string>();
      for (const id of new Set(rows.flatMap((r) => (r.changedBy ? [r.changedBy] : [])))) {
        const user = await getUser(db, actor, id);
        if (user) names.set(id, user.displayName);
      }
      return rows.map((r) => ({
        value: r.value,
        changedBy: r.changedBy,
        changedByName: r.changedBy ? (names.get(r.changedBy) ?? null) : null,
        changedAt: r.changedAt.toISOString(),
        reason: r.reason,
      }));
    },
  );
}
