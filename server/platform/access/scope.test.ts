import { randomUUID } from 'node:crypto';
import { and, asc, inArray, sql, type SQL } from 'drizzle-orm';
import { pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/roles.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { jurisdictions, users } from '../../db/schema/index.js';
import { buildActor } from '../auth/sessions.js';
import { AppError } from '../errors/app-error.js';
import { hasRole, unitsWithRole, type Actor } from './actor.js';
import { abilities, allowedIds, authorize, can, type Policy } from './policy.js';
import { scopeWhere, type ScopeColumns } from './scope.js';

/**
 * A probe table in this file's own database: rows tagged with the dimensions scope knows about, and a link table
 * standing in for engagements (agency), memberships (association) and assignments (expert).
 */
const probe = pgTable('scope_probe', {
  id: text('id').primaryKey(),
  jurisdictionId: uuid('jurisdiction_id').notNull(),
  subdistrictId: uuid('subdistrict_id'),
  enterpriseId: uuid('enterprise_id'),
  departmentId: uuid('department_id'),
  status: text('status').notNull(),
});
type ProbeRow = typeof probe.$inferSelect;

const linked = (kind: string, party: string): SQL =>
  sql`exists (select 1 from scope_probe_links l where l.probe_id = ${probe.id} and l.kind = ${kind} and l.party = ${party})`;

/** Every dimension, as a module with departments, engagements, memberships and expert assignments declares it. */
const full: ScopeColumns = {
  jurisdiction: probe.jurisdictionId,
  subdistrict: probe.subdistrictId,
  enterprise: probe.enterpriseId,
  department: probe.departmentId,
  agency: (id) => linked('agency', id),
  association: (id) => linked('association', id),
  expert: (userId) => linked('expert', userId),
};
/** A register (like enterprises): jurisdiction, subdistrict, enterprise only. */
const register: ScopeColumns = {
  jurisdiction: probe.jurisdictionId,
  subdistrict: probe.subdistrictId,
  enterprise: probe.enterpriseId,
};

let ctx: TestContext;
let J: string;
let J2: string;
const unit: Record<string, string> = {};
const E1 = randomUUID();
const E2 = randomUUID();
const E3 = randomUUID();
const E4 = randomUUID();
const A1 = randomUUID();
const A2 = randomUUID();
const S1 = randomUUID();
const expertUser = randomUUID();

beforeAll(async () => {
  ctx = await createTestContext();
  J = ctx.jurisdictionId;
  for (const code of ['shuangyu', 'yangyi', 'wuma', 'yjj', 'scjg', 'xf']) unit[code] = await ctx.unit(code);
  const [other] = await ctx.db
    .insert(jurisdictions)
    .values({ code: '330304', name: '温州市瓯海区', shortName: '瓯' })
    .returning();
  J2 = other.id;
  await ctx.database.exec(`
    create table scope_probe (id text primary key, jurisdiction_id uuid not null, subdistrict_id uuid,
      enterprise_id uuid, department_id uuid, status text not null);
    create table scope_probe_links (probe_id text not null, kind text not null, party uuid not null);`);
  await ctx.db.insert(probe).values([
    {
      id: 'r1',
      jurisdictionId: J,
      subdistrictId: unit.shuangyu,
      enterpriseId: E1,
      departmentId: unit.scjg,
      status: 'open',
    },
    {
      id: 'r2',
      jurisdictionId: J,
      subdistrictId: unit.shuangyu,
      enterpriseId: E2,
      departmentId: unit.xf,
      status: 'closed',
    },
    {
      id: 'r3',
      jurisdictionId: J,
      subdistrictId: unit.yangyi,
      enterpriseId: E3,
      departmentId: unit.scjg,
      status: 'open',
    },
    {
      id: 'r4',
      jurisdictionId: J,
      subdistrictId: unit.wuma,
      enterpriseId: E4,
      departmentId: null,
      status: 'open',
    },
    // another district: the same enterprise id and department id must not leak across
    {
      id: 'o1',
      jurisdictionId: J2,
      subdistrictId: randomUUID(),
      enterpriseId: E1,
      departmentId: unit.scjg,
      status: 'open',
    },
  ]);
  await ctx.db.execute(sql`insert into scope_probe_links (probe_id, kind, party) values
    ('r1', 'agency', ${A1}), ('r3', 'agency', ${A2}), ('o1', 'agency', ${A1}),
    ('r1', 'association', ${S1}), ('r2', 'expert', ${expertUser})`);
});
afterAll(() => ctx.close());

function actor(bindings: [Role, string][], opts: { jurisdictionId?: string; userId?: string } = {}): Actor {
  return {
    userId: opts.userId ?? randomUUID(),
    username: 'probe',
    displayName: '测试',
    jurisdictionId: opts.jurisdictionId ?? J,
    bindings: bindings.map(([role, unitId]) => ({ role, unitId, unitKind: 'department', unitName: '' })),
  };
}

async function visible(a: Actor, columns: ScopeColumns, extra?: SQL): Promise<string[]> {
  const rows = await ctx.db
    .select({ id: probe.id })
    .from(probe)
    .where(and(scopeWhere(a, columns), extra))
    .orderBy(asc(probe.id));
  return rows.map((r) => r.id);
}

describe('scopeWhere: role × scope', () => {
  const everything = ['r1', 'r2', 'r3', 'r4'];
  // [who, the actor, rows seen when every dimension is declared, rows seen in a register]
  const cases: [string, () => Actor, string[], string[]][] = [
    ['system admin', () => actor([['system_admin', J]]), everything, everything],
    ['bureau admin', () => actor([['bureau_admin', unit.yjj]]), everything, everything],
    ['bureau reviewer', () => actor([['bureau_reviewer', unit.yjj]]), everything, everything],
    [
      'department officer (市场监管局)',
      () => actor([['department_officer', unit.scjg]]),
      ['r1', 'r3'],
      everything,
    ],
    ['enforcement officer (消防)', () => actor([['enforcement_officer', unit.xf]]), ['r2'], everything],
    [
      'subdistrict officer of 双屿',
      () => actor([['subdistrict_officer', unit.shuangyu]]),
      ['r1', 'r2'],
      ['r1', 'r2'],
    ],
    ['subdistrict officer of 仰义', () => actor([['subdistrict_officer', unit.yangyi]]), ['r3'], ['r3']],
    [
      'officer of 双屿 and 仰义',
      () =>
        actor([
          ['subdistrict_officer', unit.shuangyu],
          ['subdistrict_officer', unit.yangyi],
        ]),
      ['r1', 'r2', 'r3'],
      ['r1', 'r2', 'r3'],
    ],
    ['enterprise user', () => actor([['enterprise_user', E1]]), ['r1'], ['r1']],
    ['agency user (engaged by r1)', () => actor([['agency_user', A1]]), ['r1'], []],
    ['association user', () => actor([['association_user', S1]]), ['r1'], []],
    ['expert', () => actor([['expert', J]], { userId: expertUser }), ['r2'], []],
    [
      'enterprise user who is also an agency user',
      () =>
        actor([
          ['enterprise_user', E4],
          ['agency_user', A2],
        ]),
      ['r3', 'r4'],
      ['r4'],
    ],
    ['user with no bindings', () => actor([]), [], []],
    [
      'system admin of another district',
      () => actor([['system_admin', J2]], { jurisdictionId: J2 }),
      ['o1'],
      ['o1'],
    ],
    [
      'user of another district holding a binding to 双屿',
      () => actor([['subdistrict_officer', unit.shuangyu]], { jurisdictionId: J2 }),
      [],
      [],
    ],
    [
      'enterprise user of another district',
      () => actor([['enterprise_user', E1]], { jurisdictionId: J2 }),
      ['o1'],
      ['o1'],
    ],
  ];

  it.each(cases)('%s', async (_who, make, withEverything, inRegister) => {
    const a = make();
    expect(await visible(a, full)).toEqual(withEverything);
    expect(await visible(a, register)).toEqual(inRegister);
  });

  it('a subdistrict officer asking for another subdistrict’s row by id gets nothing', async () => {
    const a = actor([['subdistrict_officer', unit.shuangyu]]);
    expect(await visible(a, register, inArray(probe.id, ['r3']))).toEqual([]);
    expect(await visible(a, register, sql`${probe.subdistrictId} = ${unit.yangyi}`)).toEqual([]);
  });

  it('builds the same scope from a real user’s stored bindings', async () => {
    const built = await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] });
    const [row] = await ctx.db
      .select()
      .from(users)
      .where(sql`${users.id} = ${built.id}`);
    const a = await buildActor(ctx.db, row);
    expect(a.bindings).toEqual([
      { role: 'subdistrict_officer', unitId: unit.shuangyu, unitKind: 'subdistrict', unitName: '双屿街道' },
    ]);
    expect(await visible(a, full)).toEqual(['r1', 'r2']);
  });
});

/** A toy policy over probe rows: anyone in scope reads; only the row's subdistrict officer closes an open row. */
const probePolicy: Policy<ProbeRow, 'read' | 'close'> = {
  read: () => true,
  close: (a, row) =>
    row.status === 'open' &&
    row.subdistrictId !== null &&
    hasRole(a, 'subdistrict_officer') &&
    unitsWithRole(a, 'subdistrict_officer').includes(row.subdistrictId),
};

const loadScoped = (a: Actor) => async (ids: readonly string[]) =>
  ctx.db
    .select()
    .from(probe)
    .where(and(inArray(probe.id, [...ids]), scopeWhere(a, register)));

describe('allowedIds, abilities, authorize', () => {
  it('allowedIds keeps only the rows in scope that the policy allows', async () => {
    const shuangyu = actor([['subdistrict_officer', unit.shuangyu]]);
    const requested = ['r1', 'r2', 'r3', 'o1', 'missing', 'r1'];
    expect([...(await allowedIds(shuangyu, probePolicy, 'close', requested, loadScoped(shuangyu)))]).toEqual([
      'r1',
    ]);
    expect(
      [...(await allowedIds(shuangyu, probePolicy, 'read', requested, loadScoped(shuangyu)))].sort(),
    ).toEqual(['r1', 'r2']);

    const admin = actor([['system_admin', J]]);
    expect([...(await allowedIds(admin, probePolicy, 'read', requested, loadScoped(admin)))].sort()).toEqual([
      'r1',
      'r2',
      'r3',
    ]);
    expect((await allowedIds(admin, probePolicy, 'close', requested, loadScoped(admin))).size).toBe(0);
    expect((await allowedIds(admin, probePolicy, 'read', [], loadScoped(admin))).size).toBe(0);
  });

  it('abilities list every action of the policy for the entity', async () => {
    const [r1, r2] = await ctx.db
      .select()
      .from(probe)
      .where(inArray(probe.id, ['r1', 'r2']))
      .orderBy(asc(probe.id));
    const shuangyu = actor([['subdistrict_officer', unit.shuangyu]]);
    const yangyi = actor([['subdistrict_officer', unit.yangyi]]);
    expect(abilities(probePolicy, shuangyu, r1)).toEqual({ read: true, close: true });
    expect(abilities(probePolicy, shuangyu, r2)).toEqual({ read: true, close: false });
    expect(abilities(probePolicy, yangyi, r1)).toEqual({ read: true, close: false });
    expect(can(probePolicy, shuangyu, 'close', r1)).toBe(true);
  });

  it('authorize throws FORBIDDEN when the policy says no', async () => {
    const [r1] = await ctx.db
      .select()
      .from(probe)
      .where(inArray(probe.id, ['r1']));
    const yangyi = actor([['subdistrict_officer', unit.yangyi]]);
    expect(() => authorize(probePolicy, yangyi, 'close', r1)).toThrow(AppError);
    try {
      authorize(probePolicy, yangyi, 'close', r1);
    } catch (err) {
      expect((err as AppError).code).toBe('FORBIDDEN');
      expect((err as AppError).status).toBe(403);
    }
    expect(() =>
      authorize(probePolicy, actor([['subdistrict_officer', unit.shuangyu]]), 'close', r1),
    ).not.toThrow();
  });
});
