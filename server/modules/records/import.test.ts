import { randomBytes } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaDate } from '../../../domain/readiness.js';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { buildEnterprise, uniqueUscc, type BuiltEnterprise } from '../../../test/registry-factories.js';
import { multipart } from '../../../test/upload.js';
import { accidents, dishonestyListings, penalties } from '../../db/schema/records.js';
import { events } from '../../db/schema/platform.js';
import { parseDate, wellFormed } from './import/check-rows.js';
import { cleanFileName, recordsImportLimits } from './import/import-records.js';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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

type Cell = string | number | Date | { formula: string } | null;
/** A workbook with the given sheets, each a header row and data rows. */
async function workbook(sheets: Record<string, Cell[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const accidentHeader = [
  '统一社会信用代码',
  '企业名称',
  '事故日期',
  '事故等级',
  '死亡人数',
  '重伤人数',
  '直接经济损失（元）',
  '事故简况',
];
const penaltyHeader = [
  '统一社会信用代码',
  '处罚机关',
  '决定书文号',
  '处罚日期',
  '违法行为',
  '处罚内容',
  '是否安全生产处罚',
];
const dishonestyHeader = ['统一社会信用代码', '列入机关', '列入日期', '移出日期', '列入原因'];

const importFile = (client: ApiClient, bytes: Buffer, name = '不良记录.xlsx') => {
  const { body, headers } = multipart({}, { name, bytes, type: xlsxType });
  return client.request('POST', '/api/records/import', body, headers);
};

/** Rows of the three tables and audit events of the three kinds: a refused import leaves them as they were. */
async function counts() {
  const n = async (table: typeof accidents | typeof penalties | typeof dishonestyListings) =>
    (await ctx.db.select({ n: sql<number>`count(*)::int` }).from(table))[0].n;
  const [e] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(events)
    .where(inArray(events.kind, ['accident.recorded', 'penalty.recorded', 'dishonesty.listed']));
  return {
    accidents: await n(accidents),
    penalties: await n(penalties),
    dishonesty: await n(dishonestyListings),
    events: e.n,
  };
}

interface RowError {
  sheet: string;
  row: number;
  column: string;
  code: string;
  message: string;
}

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

  it('lists every bad row — sheet, row, column, Chinese message — and writes nothing', async () => {
    const tomorrow = addDays(chinaDate(new Date()), 1);
    const unknown = uniqueUscc();
    const badCheckDigit = `${shuangyu.uscc.slice(0, 17)}${shuangyu.uscc[17] === '0' ? '1' : '0'}`;
    const before = await counts();
    const bytes = await workbook({
      事故: [
        accidentHeader,
        [shuangyu.uscc, '', '2026-03-12', '一般', 0, 0, 0, '这一行没有问题'],
        [shuangyu.uscc, '', tomorrow, '严重', -1, 'two', 0, ''],
        [unknown, '', '2026-02-30', '一般', 0, 0, 0, ''],
        [badCheckDigit, '', '', '', 0, 0, { formula: '1+1' }, ''],
      ],
      处罚: [
        penaltyHeader,
        [shuangyu.uscc, '区应急管理局', '鹿应急罚〔2026〕77号', tomorrow, '违法', '罚款', '可能'],
        [
          shuangyu.uscc,
          '区应急管理局',
          '鹿应急罚〔2026〕77号',
          '2026-01-05',
          '违法'.repeat(300),
          '罚款',
          '是',
        ],
      ],
      失信: [
        // no 列入原因 column at all
        ['统一社会信用代码', '列入机关', '列入日期', '移出日期'],
        [yangyi.uscc, '温州市应急管理局', '2026-06-01', '2026-05-01'],
      ],
    });
    const res = await importFile(bureau, bytes);
    expect(res.statusCode).toBe(400);
    const problem = res.json<{
      code: string;
      detail: string;
      rowErrors: RowError[];
      errors: { field: string }[];
    }>();
    expect(problem.code).toBe('RECORDS_IMPORT_INVALID');
    const at = (e: RowError) => `${e.sheet}!${e.row}!${e.column}!${e.code}`;
    expect(problem.rowErrors.map(at)).toEqual([
      '事故!3!事故日期!RECORD_DATE_IN_FUTURE',
      '事故!3!事故等级!grade',
      '事故!3!死亡人数!integer',
      '事故!3!重伤人数!integer',
      '事故!4!统一社会信用代码!unknown_enterprise',
      '事故!4!事故日期!format',
      '事故!5!统一社会信用代码!USCC_CHECK_DIGIT',
      '事故!5!事故日期!required',
      '事故!5!事故等级!required',
      '事故!5!直接经济损失（元）!formula',
      '处罚!2!处罚日期!RECORD_DATE_IN_FUTURE',
      '处罚!2!是否安全生产处罚!yes_no',
      '处罚!3!违法行为!maxLength',
      '失信!1!列入原因!missing_column',
    ]);
    const message = (key: string) => problem.rowErrors.find((e) => at(e).startsWith(key))!.message;
    expect(message('事故!3!事故日期')).toBe('日期不能晚于今天');
    expect(message('事故!3!事故等级')).toBe('事故等级应为 一般、较大、重大 或 特别重大');
    expect(message('事故!4!统一社会信用代码')).toBe('企业名录中没有该统一社会信用代码的企业');
    expect(message('失信!1!列入原因')).toBe('缺少“列入原因”列');
    expect(problem.detail).toContain('14 处错误');
    expect(problem.errors[0].field).toBe('事故/3/事故日期');
    expect(await counts()).toEqual(before);
  });

  it('refuses a penalty decision recorded twice, in the file or already', async () => {
    const number = `鹿应急罚〔2026〕${randomBytes(3).toString('hex')}号`;
    const row = (uscc: string) => [uscc, '区应急管理局', number, '2026-03-03', '未开展培训', '罚款', '是'];
    expect(
      (await importFile(bureau, await workbook({ 处罚: [penaltyHeader, row(shuangyu.uscc)] }))).statusCode,
    ).toBe(201);
    const before = await counts();
    const res = await importFile(
      bureau,
      await workbook({ 处罚: [penaltyHeader, row(yangyi.uscc), row(yangyi.uscc), row(shuangyu.uscc)] }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<{ rowErrors: RowError[] }>().rowErrors).toEqual([
      { sheet: '处罚', row: 3, column: '决定书文号', code: 'duplicate', message: '与第 2 行重复' },
      {
        sheet: '处罚',
        row: 4,
        column: '决定书文号',
        code: 'duplicate',
        message: '该企业的这份处罚决定已登记',
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses what is not a readable workbook of adverse records', async () => {
    const before = await counts();
    const notXlsx = await importFile(bureau, Buffer.from('统一社会信用代码,事故日期\n'), 'records.csv');
    expect([notXlsx.statusCode, notXlsx.json().code]).toEqual([415, 'RECORDS_IMPORT_NOT_SPREADSHEET']);
    const good = await workbook({
      事故: [accidentHeader, [shuangyu.uscc, '', '2026-03-12', '一般', 0, 0, 0, '']],
    });
    const cut = await importFile(bureau, good.subarray(0, good.length - 40));
    expect([cut.statusCode, cut.json().code]).toEqual([415, 'RECORDS_IMPORT_NOT_SPREADSHEET']);
    const otherSheets = await importFile(
      bureau,
      await workbook({ 企业名录: [['统一社会信用代码'], [shuangyu.uscc]] }),
    );
    expect([otherSheets.statusCode, otherSheets.json().code]).toEqual([400, 'RECORDS_IMPORT_EMPTY']);
    const headersOnly = await importFile(bureau, await workbook({ 事故: [accidentHeader] }));
    expect(headersOnly.json().code).toBe('RECORDS_IMPORT_EMPTY');
    const tooMany = await importFile(
      bureau,
      await workbook({
        事故: [
          accidentHeader,
          ...Array.from({ length: recordsImportLimits.maxRows + 1 }, () => [
            shuangyu.uscc,
            '',
            '2026-03-12',
            '一般',
          ]),
        ],
      }),
    );
    expect([tooMany.statusCode, tooMany.json().code]).toEqual([400, 'RECORDS_IMPORT_TOO_MANY_ROWS']);
    const tooLarge = await importFile(bureau, randomBytes(recordsImportLimits.maxBytes + 1));
    expect([tooLarge.statusCode, tooLarge.json().code]).toEqual([413, 'FILE_TOO_LARGE']);
    const noFile = await bureau.request(
      'POST',
      '/api/records/import',
      ...(Object.values(multipart({ note: 'x' })) as [Buffer, Record<string, string>]),
    );
    expect([noFile.statusCode, noFile.json().code]).toEqual([400, 'FILE_MISSING']);
    const json = await bureau.post('/api/records/import', { file: 'x' });
    expect(json.statusCode).toBe(415);
    expect(await counts()).toEqual(before);
  });

  it('answers a workbook damaged anywhere along its length with 4xx (or 201 when harmless), never 5xx', async () => {
    const good = await workbook({
      事故: [accidentHeader, [shuangyu.uscc, '', '2026-03-12', '一般', 0, 0, 0, '损坏测试']],
    });
    const answers = new Set<number>();
    for (let at = 0; at < good.length; at += Math.ceil(good.length / 60)) {
      const damaged = Buffer.from(good);
      randomBytes(16).copy(damaged, at);
      const res = await importFile(bureau, damaged, 'damaged.xlsx');
      expect(res.statusCode < 500, `damage at ${at}: ${res.statusCode} ${res.body}`).toBe(true);
      answers.add(res.statusCode);
    }
    expect(answers.has(415)).toBe(true);
  });

  it('is refused to every role but the bureau administrator, before the file is read', async () => {
    const before = await counts();
    const bytes = await workbook({
      事故: [accidentHeader, [shuangyu.uscc, '', '2026-03-12', '一般', 0, 0, 0, '']],
    });
    for (const role of [
      { role: 'system_admin' },
      { role: 'bureau_reviewer', unit: 'yjj' },
      { role: 'department_officer', unit: 'xf' },
      { role: 'enforcement_officer', unit: 'yjj' },
      { role: 'subdistrict_officer', unit: 'shuangyu' },
      { role: 'enterprise_user', unit: shuangyu.id },
    ] as const) {
      const client = await loginAs(ctx, await buildUser(ctx, { roles: [role] }));
      const res = await importFile(client, bytes);
      expect([res.statusCode, res.json().code], role.role).toEqual([403, 'FORBIDDEN']);
      // not even a broken file is looked at
      expect((await importFile(client, Buffer.from('garbage'))).statusCode).toBe(403);
    }
    expect(await counts()).toEqual(before);
    const anonymous = await ctx.app.inject({ method: 'POST', url: '/api/records/import' });
    expect(anonymous.statusCode).toBe(401);
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
