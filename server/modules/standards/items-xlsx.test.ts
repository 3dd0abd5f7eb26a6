import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type ApiClient } from '../../../test/client.js';
import { createTestContext, type TestContext } from '../../../test/context.js';
import { buildUser } from '../../../test/factories.js';
import { extractPdfText } from '../../platform/documents/pdf-text.js';

let ctx: TestContext;
let bureau: ApiClient;
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

beforeAll(async () => {
  ctx = await createTestContext();
  bureau = await loginAs(ctx, await buildUser(ctx, { roles: [{ role: 'bureau_admin', unit: 'yjj' }] }));
});
afterAll(() => ctx.close());

async function sheet(headers: string[], rows: string[][]) {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('标准条目');
  s.addRow(headers);
  rows.forEach((r) => s.addRow(r));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
const headers = [
  '条目编号',
  '模块代码',
  '合规要求',
  '法律依据',
  '检查方法',
  '证明材料',
  '重点审查项',
  '适用情形',
  '违法行为类型',
  '重大事故隐患判定依据',
];

describe('standard items in Excel and PDF', () => {
  it('imports a sheet into a draft, exports it back, and renders the version as a PDF', async () => {
    const v = (
      await bureau.post('/api/standards', {
        title: '印刷业测试标准',
        owningDepartmentId: await ctx.unit('yjj'),
        industryScope: ['231'],
      })
    ).json();
    const bytes = await sheet(headers, [
      [
        'P-01',
        'responsibility',
        '建立全员安全生产责任制并公示',
        '《中华人民共和国安全生产法》第二十二条',
        '查阅制度',
        '责任制文件',
        '否',
        '',
        '',
        '',
      ],
      [
        'P-02',
        'site',
        '有限空间作业前先通风、再检测、后作业',
        '《工贸企业有限空间作业安全规定》第十四条',
        '现场检查',
        '作业审批单',
        '是',
        '存在有限空间作业',
        'CS-NO-PERMIT',
        'MEM-2023-10 第十三条（二）',
      ],
    ]);
    const res = await bureau.request('POST', `/api/standard-versions/${v.id}/items-import`, bytes, {
      'content-type': xlsx,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ added: 2, changed: 0, removed: 0 });
    const version = (await bureau.get(`/api/standard-versions/${v.id}`)).json();
    expect(version.items[1]).toMatchObject({
      code: 'P-02',
      isKey: true,
      tags: ['confined_space'],
      majorHazard: { source: 'MEM-2023-10', article: '第十三条', item: '（二）' },
    });

    const exported = await bureau.get(`/api/standard-versions/${v.id}/items.xlsx`);
    const again = await bureau.request(
      'POST',
      `/api/standard-versions/${v.id}/items-import`,
      exported.rawPayload,
      { 'content-type': xlsx },
    );
    expect(again.json()).toEqual({ added: 0, changed: 0, removed: 0 });

    const pdf = await bureau.get(`/api/standard-versions/${v.id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = extractPdfText(pdf.rawPayload);
    expect(text).toContain('印刷业测试标准');
    expect(text).toContain('P-02');
  });

  it('refuses a sheet missing required columns or with bad rows, importing nothing', async () => {
    const v = (
      await bureau.post('/api/standards', {
        title: '家具测试标准',
        owningDepartmentId: await ctx.unit('yjj'),
        industryScope: ['21'],
      })
    ).json();
    const missing = await bureau.request(
      'POST',
      `/api/standard-versions/${v.id}/items-import`,
      await sheet(['条目编号', '合规要求'], [['A-01', '要求']]),
      { 'content-type': xlsx },
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.json().code).toBe('STANDARD_IMPORT_MISSING_COLUMNS');
    const bad = await bureau.request(
      'POST',
      `/api/standard-versions/${v.id}/items-import`,
      await sheet(headers, [
        ['A-01', 'site', '好的一条要求文字', '', '', '', '否', '', '', ''],
        ['A-02', 'site', '重点项但没有依据', '', '', '', '是', '', '', ''],
        ['A-03', 'site', '未知的适用情形', '', '', '', '否', '会飞', '', ''],
      ]),
      { 'content-type': xlsx },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('STANDARD_IMPORT_INVALID');
    expect(bad.json().errors.length).toBe(2);
    expect((await bureau.get(`/api/standard-versions/${v.id}`)).json().items).toEqual([]);
  });
});
