/**
 * Adverse-records import, what is refused: bad rows (all listed, nothing written), duplicate penalty decisions,
 * files that are not readable workbooks or are damaged, and every role but the bureau administrator. Good imports
 * are in import.test.ts.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, chinaDate } from '../../../domain/readiness.js';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import {
  accidentHeader,
  counts as recordsCounts,
  importFile,
  penaltyHeader,
  workbook,
  type RowError,
} from '../../../test/records-import-factories.js';
import { buildEnterprise, uniqueUscc, type BuiltEnterprise } from '../../../test/registry-factories.js';
import { multipart } from '../../../test/upload.js';
import { recordsImportLimits } from './import/import-records.js';

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

describe('importing adverse records', () => {
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
});
