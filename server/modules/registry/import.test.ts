import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { enterprises, events } from '../../db/schema/index.js';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { buildEnterprise, buildPark, buildSheet, uniqueUscc } from '../../../test/registry-factories.js';
import { registerColumns } from './import/columns.js';

let ctx: TestContext;
let bureau: ApiClient;
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const headers = registerColumns.map((c) => c.header);

beforeAll(async () => {
  ctx = await createTestContext();
  bureau = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] }));
});
afterAll(() => ctx.close());

function row(over: Partial<Record<string, string | number | null>> = {}) {
  const base: Record<string, string | number | null> = {
    统一社会信用代码: uniqueUscc(),
    企业名称: `温州导入测试鞋业有限公司${Math.random().toString(36).slice(2, 7)}`,
    法定代表人: '陈六',
    注册地址: '温州市鹿城区双屿街道鞋都大道 1 号',
    生产经营地址: null,
    所属街镇: '双屿街道',
    行业代码: '1952 皮鞋制造',
    企业规模: '小型',
    从业人数: 60,
    联系人: '陈六',
    联系电话: '0577-88888888',
    安全管理人员: null,
    安全管理人员电话: null,
    经营状态: '在营',
    所在小微园区: null,
    厂中厂所在企业统一社会信用代码: null,
    ...over,
  };
  return headers.map((h) => base[h] ?? null);
}

async function upload(client: ApiClient, bytes: Buffer, fileName = 'register.xlsx') {
  return client.request('POST', `/api/enterprise-imports?fileName=${encodeURIComponent(fileName)}`, bytes, {
    'content-type': xlsx,
  });
}

async function runImport(bytes: Buffer) {
  const res = await upload(bureau, bytes);
  expect(res.statusCode, res.body).toBe(202);
  const { importId, jobId } = res.json();
  await ctx.jobs.drain();
  const job = (await bureau.get(`/api/jobs/${jobId}`)).json();
  expect(job.status).toBe('done');
  return (await bureau.get(`/api/enterprise-imports/${importId}`)).json();
}

describe('enterprise import', () => {
  it('imports good rows, reports bad ones in an annotated file, and is a no-op the second time', async () => {
    const park = await buildPark(ctx, { name: '双屿鞋业小微园' });
    const host = uniqueUscc();
    const rows = [
      row({ 统一社会信用代码: host, 企业名称: '温州宿主鞋业有限公司' }),
      row({ 厂中厂所在企业统一社会信用代码: host, 所在小微园区: park.name }),
      row({ 统一社会信用代码: '913303021234567890' }), // bad check digits
      row({ 所属街镇: '不存在街道' }),
      row({ 企业名称: '=HYPERLINK("http://x")' }), // formula
      row({ 统一社会信用代码: host }), // duplicate of row 2
    ];
    const bytes = await buildSheet(headers, rows);
    const first = await runImport(bytes);
    expect(first).toMatchObject({
      status: 'done',
      totalRows: 6,
      createdCount: 2,
      updatedCount: 0,
      errorRowCount: 4,
      hasErrorFile: true,
    });
    expect(first.errors.map((e: { code: string }) => e.code).sort()).toEqual(
      ['IMPORT_DUPLICATE_USCC', 'IMPORT_FORMULA', 'SUBDISTRICT_UNKNOWN', 'USCC_ORG_CODE_CHECK'].sort(),
    );
    const [tenant] = await ctx.db
      .select()
      .from(enterprises)
      .where(eq(enterprises.uscc, rows[1][0] as string));
    const [hostRow] = await ctx.db.select().from(enterprises).where(eq(enterprises.uscc, host));
    expect(tenant.hostEnterpriseId).toBe(hostRow.id);
    expect(tenant.parkId).toBe(park.id);

    const errorFile = await bureau.get(`/api/enterprise-imports/${first.id}/errors.xlsx`);
    expect(errorFile.headers['content-type']).toContain(xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(errorFile.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.rowCount).toBe(5); // header + 4 bad rows
    expect(sheet.getRow(2).getCell(headers.length + 2).text).toContain('统一社会信用代码');

    const eventsBefore = (await ctx.db.select({ n: count() }).from(events))[0].n;
    const second = await runImport(bytes);
    expect(second).toMatchObject({ createdCount: 0, updatedCount: 0, unchangedCount: 2, errorRowCount: 4 });
    const eventsAfter = (await ctx.db.select({ n: count() }).from(events))[0].n;
    // only the import's own start/finish events, nothing for unchanged enterprises
    expect(Number(eventsAfter) - Number(eventsBefore)).toBe(2);
  });

  it('updates changed rows by USCC and records the difference', async () => {
    const e = await buildEnterprise(ctx);
    const result = await runImport(
      await buildSheet(headers, [
        row({
          统一社会信用代码: e.uscc,
          企业名称: e.name,
          从业人数: 77,
          法定代表人: '张三',
          注册地址: null,
          联系人: null,
          联系电话: null,
        }),
      ]),
    );
    expect(result).toMatchObject({ createdCount: 0, updatedCount: 1 });
    const [after] = await ctx.db.select().from(enterprises).where(eq(enterprises.id, e.id));
    expect(after.employeeCount).toBe(77);
  });

  it('refuses rows whose host chain loops, inside the file and against the register', async () => {
    const a = uniqueUscc();
    const b = uniqueUscc();
    const registered = await buildEnterprise(ctx);
    const result = await runImport(
      await buildSheet(headers, [
        row({ 统一社会信用代码: a, 厂中厂所在企业统一社会信用代码: b }),
        row({ 统一社会信用代码: b, 厂中厂所在企业统一社会信用代码: a }),
        row({ 统一社会信用代码: uniqueUscc(), 厂中厂所在企业统一社会信用代码: uniqueUscc() }),
        row({ 统一社会信用代码: uniqueUscc(), 厂中厂所在企业统一社会信用代码: registered.uscc }),
      ]),
    );
    expect(result.createdCount).toBe(1);
    expect(result.errors.map((e: { code: string }) => e.code).sort()).toEqual([
      'HOST_CHAIN_LOOP',
      'HOST_CHAIN_LOOP',
      'HOST_NOT_FOUND',
    ]);
  });

  it('keeps a subdistrict officer’s import inside its subdistrict', async () => {
    const officer = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'shuangyu' }] }),
    );
    const res = await upload(officer, await buildSheet(headers, [row(), row({ 所属街镇: '仰义街道' })]));
    expect(res.statusCode).toBe(202);
    await ctx.jobs.drain();
    const result = (await officer.get(`/api/enterprise-imports/${res.json().importId}`)).json();
    expect(result).toMatchObject({ createdCount: 1, errorRowCount: 1 });
    expect(result.errors[0].code).toBe('ENTERPRISE_OUTSIDE_SUBDISTRICT');
    // and the bureau's imports are not the officer's to read
    const list = (await officer.get('/api/enterprise-imports')).json();
    expect(list.every((i: { id: string }) => i.id === res.json().importId)).toBe(true);
  });

  it('answers a file that is not a spreadsheet, a missing column and a file over the limit at once', async () => {
    const notXlsx = await upload(bureau, Buffer.from('MZ\x90\x00 this is an executable'));
    expect(notXlsx.statusCode).toBe(415);
    expect(notXlsx.json().code).toBe('IMPORT_NOT_SPREADSHEET');
    const zipButNotXlsx = await upload(
      bureau,
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100)]),
    );
    expect(zipButNotXlsx.json().code).toBe('IMPORT_NOT_SPREADSHEET');
    const missing = await upload(bureau, await buildSheet(['企业名称', '所属街镇'], [['甲', '双屿街道']]));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('IMPORT_MISSING_COLUMNS');
    expect(missing.json().detail).toContain('统一社会信用代码');
    const admin = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'system_admin' }] }));
    await admin.put('/api/settings/registry.importMaxBytes', { value: 2000, reason: 'test' });
    const big = await upload(
      bureau,
      await buildSheet(
        headers,
        Array.from({ length: 50 }, () => row()),
      ),
    );
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('IMPORT_TOO_LARGE');
    await admin.put('/api/settings/registry.importMaxBytes', { value: 30 * 1024 * 1024, reason: 'test' });
    const list = (await bureau.get('/api/enterprise-imports')).json();
    expect(list.some((i: { fileName: string; status: string }) => i.status === 'queued')).toBe(false);
  });

  it('fails the whole import, leaving the register as it was, when the file has too many rows', async () => {
    const admin = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'system_admin' }] }));
    await admin.put('/api/settings/registry.importMaxRows', { value: 2, reason: 'test' });
    const before = (await ctx.db.select({ n: count() }).from(enterprises))[0].n;
    const res = await upload(bureau, await buildSheet(headers, [row(), row(), row()]));
    await ctx.jobs.drain();
    const result = (await bureau.get(`/api/enterprise-imports/${res.json().importId}`)).json();
    expect(result.status).toBe('failed');
    expect(result.failure).toContain('2');
    expect((await ctx.db.select({ n: count() }).from(enterprises))[0].n).toBe(before);
    await admin.put('/api/settings/registry.importMaxRows', { value: 50000, reason: 'test' });
  });

  it('serves a template whose headers import back', async () => {
    const res = await bureau.get('/api/enterprises/import-template');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('企业名录')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(headers);
    expect(sheet.getCell('F2').dataValidation?.type).toBe('list');
  });
});

describe('enterprise export', () => {
  it('streams the scoped, filtered list and neutralises formula-like cells', async () => {
    await buildEnterprise(ctx, { subdistrict: 'tengqiao', name: '=cmd|calc 危险名称厂' });
    const officer = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'subdistrict_officer', unit: 'tengqiao' }] }),
    );
    const res = await officer.get('/api/enterprises/export');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const names: string[] = [];
    sheet.eachRow((r, n) => n > 1 && names.push(r.getCell(2).text));
    expect(names).toEqual(["'=cmd|calc 危险名称厂"]);
    const subdistricts = new Set<string>();
    sheet.eachRow((r, n) => n > 1 && subdistricts.add(r.getCell(6).text));
    expect([...subdistricts]).toEqual(['藤桥镇']);
  });
});
