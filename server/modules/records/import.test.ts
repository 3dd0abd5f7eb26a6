/**
 * Adverse-records import: the cell and name helpers, the template, good files written with one audit event per
 * record, and the ability shipped to the client. Refused files and rows are in import-refused.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import {
  accidentHeader,
  counts as recordsCounts,
  dishonestyHeader,
  importFile,
  penaltyHeader,
  workbook,
  xlsxType,
} from '../../../test/records-import-factories.js';
import { buildEnterprise, type BuiltEnterprise } from '../../../test/registry-factories.js';
import { events } from '../../db/schema/platform.js';
import { parseDate, wellFormed } from './import/check-rows.js';
import { cleanFileName } from './import/import-records.js';

let ctx: TestContext;
let bureau: ApiClient;
let shuangyu: BuiltEnterprise;
let yangyi: BuiltEnterprise;

beforeAll(async () => {
  ctx = await createTestContext();
  bureau = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] }));
  shuangyu = await buildEnterprise(ctx, { subdistrict: 'shuangyu' });
  yangyi = await buildEnterprise(ctx, { subdistrict: 'yangyi' });
});
afterAll(() => ctx.close());
/** Rows of the three tables and audit events of the three kinds: a refused import leaves them as they were. */
const counts = () => recordsCounts(ctx);

describe('cell and name helpers', () => {
  it('reads the date forms people type, and refuses impossible dates', () => {
    expect(
      ['2026-03-12', '2026/3/12', '2026.3.12', '2026年3月12日', ' 2026 年 3 月 12 日 '].map(parseDate),
    ).toEqual(Array(5).fill('2026-03-12'));
    expect(['2026-02-30', '12/03/2026', '2026-3', '昨天', '20260312'].map(parseDate)).toEqual(
      Array(5).fill(null),
    );
  });

  it('keeps names and cells storable: no folders, control characters or lone surrogates', () => {
    expect(cleanFileName('C:\\Users\\王\\记录.xlsx')).toBe('记录.xlsx');
    expect(cleanFileName('a\u0000b\n.xlsx')).toBe('ab.xlsx');
    expect(cleanFileName('')).toBe('未命名.xlsx');
    expect(cleanFileName(`${'鞋'.repeat(149)}😀😀`)).toBe(`${'鞋'.repeat(149)}\ufffd`);
    expect(wellFormed('a\ud800b\udfffc😀')).toBe('a\ufffdb\ufffdc😀');
  });
});

describe('the import template', () => {
  it('has the three sheets with their Chinese headers, and an explanation', async () => {
    const res = await bureau.get('/api/records/import-template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(xlsxType);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('不良记录导入模板.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['事故', '处罚', '失信', '说明']);
    const headers = (name: string) =>
      (book.getWorksheet(name)!.getRow(1).values as unknown[]).filter(Boolean);
    expect(headers('事故')).toEqual(expect.arrayContaining(accidentHeader));
    expect(headers('处罚')).toEqual(expect.arrayContaining(penaltyHeader));
    expect(headers('失信')).toEqual(expect.arrayContaining(dishonestyHeader));
  });

  it('is for the bureau administrator only', async () => {
    for (const role of [
      { role: 'bureau_reviewer', unit: 'yjj' },
      { role: 'department_officer', unit: 'xf' },
      { role: 'enterprise_user', unit: shuangyu.id },
    ] as const) {
      const client = await loginAs(ctx, await buildUser(ctx, { roles: [role] }));
      const res = await client.get('/api/records/import-template');
      expect(res.statusCode, role.role).toBe(403);
    }
  });
});

describe('importing adverse records', () => {
  it('writes every record of a good file, with the import as source, and one audit event each', async () => {
    const before = await counts();
    const bytes = await workbook({
      事故: [
        accidentHeader,
        [shuangyu.uscc, '（仅供核对）', '2026-03-12', '一般', 0, 1, 180000, '冲床作业时右手受伤'],
        // a date cell, a grade with 事故, loss with a thousands separator, empty counts
        [
          yangyi.uscc.toLowerCase(),
          '',
          new Date(Date.UTC(2025, 10, 3)),
          '较大事故',
          null,
          null,
          '1,200,000',
          '',
        ],
      ],
      处罚: [
        penaltyHeader,
        [
          shuangyu.uscc,
          '区消防救援大队',
          '鹿消行罚决字〔2026〕0031号',
          '2026/5/20',
          '占用疏散通道',
          '罚款五千元',
          '是',
        ],
        [shuangyu.uscc, '区市场监管局', '鹿市监罚〔2026〕8号', '2026年4月1日', '标签不规范', '警告', '否'],
      ],
      失信: [dishonestyHeader, [yangyi.uscc, '温州市应急管理局', '2026-06-01', '', '发生较大事故且负有责任']],
      其他: [['备注'], ['这个工作表被忽略']],
    });
    const res = await importFile(bureau, bytes, 'C:\\fakepath\\2026年第一季度.xlsx');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      fileName: '2026年第一季度.xlsx',
      accidents: 2,
      penalties: 2,
      dishonesty: 1,
    });

    const after = await counts();
    expect(after).toEqual({
      accidents: before.accidents + 2,
      penalties: before.penalties + 2,
      dishonesty: before.dishonesty + 1,
      events: before.events + 5,
    });

    const own = (await bureau.get(`/api/enterprises/${shuangyu.id}/adverse-records`)).json();
    expect(own.accidents).toEqual([
      expect.objectContaining({
        occurredOn: '2026-03-12',
        grade: 'general',
        deaths: 0,
        seriousInjuries: 1,
        directLoss: 180000,
        description: '冲床作业时右手受伤',
        source: '导入：2026年第一季度.xlsx',
        sourceKind: 'import',
      }),
    ]);
    expect(
      own.penalties.map((p: { decidedOn: string; workSafety: boolean }) => [p.decidedOn, p.workSafety]),
    ).toEqual([
      ['2026-05-20', true],
      ['2026-04-01', false],
    ]);
    const other = (await bureau.get(`/api/enterprises/${yangyi.id}/adverse-records`)).json();
    expect(other.accidents[0]).toMatchObject({
      occurredOn: '2025-11-03',
      grade: 'larger',
      directLoss: 1200000,
      deaths: 0,
    });
    expect(other.dishonesty[0]).toMatchObject({ fromDate: '2026-06-01', toDate: null, sourceKind: 'import' });

    // one event per record, by the importing user, naming the record
    const ids = [...own.accidents, ...own.penalties, ...other.accidents, ...other.dishonesty].map(
      (r: { id: string }) => r.id,
    );
    const logged = await ctx.db.select().from(events).where(inArray(events.entityId, ids));
    expect(logged.map((e) => e.kind).sort()).toEqual([
      'accident.recorded',
      'accident.recorded',
      'dishonesty.listed',
      'penalty.recorded',
      'penalty.recorded',
    ]);
    expect(
      logged.every(
        (e) => (e.after as { fields: { source: string } }).fields.source === '导入：2026年第一季度.xlsx',
      ),
    ).toBe(true);
  });

  it('takes a file with only some of the sheets', async () => {
    const bytes = await workbook({
      处罚: [
        penaltyHeader,
        [
          yangyi.uscc,
          '区应急管理局',
          `鹿应急罚〔2026〕${randomBytes(3).toString('hex')}号`,
          '2026-02-02',
          '未开展培训',
          '罚款',
          '是',
        ],
      ],
    });
    const res = await importFile(bureau, bytes);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ accidents: 0, penalties: 1, dishonesty: 0 });
  });

  it('ships the importAdverseRecords ability to the bureau administrator only', async () => {
    const me = async (client: ApiClient) =>
      (await client.get('/api/me')).json<{ abilities: Record<string, boolean> }>().abilities;
    expect((await me(bureau)).importAdverseRecords).toBe(true);
    const reviewer = await loginAs(
      ctx,
      await buildUser(ctx, { roles: [{ role: 'bureau_reviewer', unit: 'yjj' }] }),
    );
    expect((await me(reviewer)).importAdverseRecords).toBe(false);
  });
});
