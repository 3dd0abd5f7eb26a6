import ExcelJS from 'exceljs';
import { composeUscc, USCC_CHARSET } from '../domain/uscc.js';
import { enterprises, parks } from '../server/db/schema/index.js';
import type { TestContext } from './context.js';

let serial = Math.floor(Math.random() * 1_000_000);

/** A valid, unique USCC (enterprise registered by market supervision in 330302). */
export function uniqueUscc(): string {
  serial += 1;
  let n = serial;
  let body = '';
  for (let i = 0; i < 8; i++) {
    body = USCC_CHARSET[n % 31] + body;
    n = Math.floor(n / 31);
  }
  return composeUscc({ authority: '9', category: '1', division: '330302', orgBody: body });
}

export interface BuiltEnterprise {
  id: string;
  uscc: string;
  name: string;
  subdistrictId: string;
}

/** An enterprise row straight in the register (no event: a fixture, not a user action). */
export async function buildEnterprise(
  ctx: TestContext,
  opts: { subdistrict?: string; name?: string; industryCode?: string; hostEnterpriseId?: string; parkId?: string; uscc?: string } = {},
): Promise<BuiltEnterprise> {
  const subdistrictId = await ctx.unit(opts.subdistrict ?? 'shuangyu');
  const uscc = opts.uscc ?? uniqueUscc();
  const name = opts.name ?? `温州测试鞋业有限公司${uscc.slice(10, 16)}`;
  const [row] = await ctx.db
    .insert(enterprises)
    .values({
      jurisdictionId: ctx.jurisdictionId,
      uscc,
      name,
      legalRepresentative: '张三',
      subdistrictId,
      industryCode: opts.industryCode ?? '1952',
      scale: 'small',
      employeeCount: 40,
      hostEnterpriseId: opts.hostEnterpriseId ?? null,
      parkId: opts.parkId ?? null,
    })
    .returning({ id: enterprises.id });
  return { id: row.id, uscc, name, subdistrictId };
}

export async function buildPark(ctx: TestContext, opts: { name?: string; subdistrict?: string } = {}) {
  const [row] = await ctx.db
    .insert(parks)
    .values({
      jurisdictionId: ctx.jurisdictionId,
      name: opts.name ?? `测试小微园区${(serial += 1)}`,
      subdistrictId: await ctx.unit(opts.subdistrict ?? 'shuangyu'),
    })
    .returning();
  return row;
}

/** An .xlsx whose first sheet has these headers and rows (cells starting with "=" become formulas). */
export async function buildSheet(headers: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('企业名录');
  sheet.addRow(headers);
  for (const r of rows) {
    const row = sheet.addRow(r.map((v) => (typeof v === 'string' && v.startsWith('=') ? { formula: v.slice(1) } : v)));
    row.commit();
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
