import { and, eq, sql } from 'drizzle-orm';
import type { Role } from '../../domain/roles.js';
import { users } from '../db/schema/index.js';
import type { Db } from '../platform/db/client.js';
import { createUser } from '../modules/identity/commands/create-user.js';

/** The demo's logins: one per role, all with the same password, listed in demo-logins.json and the README. */
export const DEMO_PASSWORD = 'Lucheng-Demo-2026';

export interface DemoLogin {
  role: Role;
  username: string;
  password: string;
  unit: string;
}

/** The demo's industry association (a 社会团体: USCC authority 5, category 1). */
export const demoAssociation = { name: '温州市鹿城区鞋业协会', uscc: '51330302MJ87925665' } as const;

/** 安信's registered safety engineers, each with their own login (only an engineer's own login may sign as them). */
export const demoEngineers = [
  {
    username: 'demo.engineer1',
    name: '陈立明',
    certificate: '2023330300101',
    level: 'senior',
    speciality: '安全评价',
  },
  {
    username: 'demo.engineer2',
    name: '黄思远',
    certificate: '2023330300102',
    level: 'intermediate',
    speciality: '化工安全',
  },
] as const;

/** A demo login, created once (loading again finds it). */
export async function ensureUser(
  db: Db,
  jurisdictionId: string,
  username: string,
  displayName: string,
  bindings: { role: Role; unitId: string }[],
) {
  const [u] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.jurisdictionId, jurisdictionId), sql`lower(${users.username}) = ${username}`));
  if (u) return u.id;
  const { id } = await createUser(db, null, {
    jurisdictionId,
    username,
    displayName,
    password: DEMO_PASSWORD,
    mustChangePassword: false,
    bindings,
  });
  return id;
}

/** What the white-list demo's enterprises show (demo-whitelist.ts), by their part in it. */
export const whitelistDemoParts = {
  listed: '已入库',
  onNotice: '公示中',
  submitted: '已提交，待双屿街道收集',
  opinions: '征求意见，待消防大队回复',
  eligible: '符合入库条件，尚未申请',
} as const;

export function demoLogins(
  unit: (code: string) => { name: string },
  enterpriseName = '双屿街道的一家皮鞋企业',
  whitelist: Partial<Record<keyof typeof whitelistDemoParts, { username: string; name: string }>> = {},
): DemoLogin[] {
  const l = (role: Role, username: string, unitName: string): DemoLogin => ({
    role,
    username,
    password: DEMO_PASSWORD,
    unit: unitName,
  });
  return [
    l('system_admin', 'demo.admin', '温州市鹿城区'),
    l('bureau_admin', 'demo.bureau', unit('yjj').name),
    l('bureau_reviewer', 'demo.reviewer', unit('yjj').name),
    l('department_officer', 'demo.fire', unit('xf').name),
    l('subdistrict_officer', 'demo.shuangyu', unit('shuangyu').name),
    l('enforcement_officer', 'demo.officer', unit('yjj').name),
    l('enterprise_user', 'demo.enterprise', enterpriseName),
    l('agency_user', 'demo.agency', '浙江瓯越安全咨询有限公司'),
    l('association_user', 'demo.association', demoAssociation.name),
    l('expert', 'demo.expert', '温州市鹿城区'),
    ...demoEngineers.map((e) => l('agency_user', e.username, '温州安信安全技术服务有限公司')),
    // the white-list demo's 双屿 enterprises (their users were made while getting ready, demo.sy01…sy08)
    ...(Object.keys(whitelistDemoParts) as (keyof typeof whitelistDemoParts)[]).flatMap((part) => {
      const w = whitelist[part];
      return w ? [l('enterprise_user', w.username, `${w.name}（白名单：${whitelistDemoParts[part]}）`)] : [];
    }),
  ];
}
