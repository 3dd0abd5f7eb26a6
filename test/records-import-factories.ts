/**
 * Workbooks and checks shared by the adverse-records import tests (server/modules/records/import*.test.ts): a
 * workbook builder, the three sheets' headers, the upload call, and the counts a refused import leaves unchanged.
 */
import { inArray, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { accidents, dishonestyListings, penalties } from '../server/db/schema/records.js';
import { events } from '../server/db/schema/platform.js';
import type { ApiClient } from './client.js';
import type { TestContext } from './context.js';
import { multipart } from './upload.js';

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type Cell = string | number | Date | { formula: string } | null;
/** A workbook with the given sheets, each a header row and data rows. */
export async function workbook(sheets: Record<string, Cell[][]>): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

export const accidentHeader = [
  '统一社会信用代码',
  '企业名称',
  '事故日期',
  '事故等级',
  '死亡人数',
  '重伤人数',
  '直接经济损失（元）',
  '事故简况',
];
export const penaltyHeader = [
  '统一社会信用代码',
  '处罚机关',
  '决定书文号',
  '处罚日期',
  '违法行为',
  '处罚内容',
  '是否安全生产处罚',
];
export const dishonestyHeader = ['统一社会信用代码', '列入机关', '列入日期', '移出日期', '列入原因'];

export const importFile = (client: ApiClient, bytes: Buffer, name = '不良记录.xlsx') => {
  const { body, headers } = multipart({}, { name, bytes, type: xlsxType });
  return client.request('POST', '/api/records/import', body, headers);
};

/** Rows of the three tables and audit events of the three kinds: a refused import leaves them as they were. */
export async function counts(ctx: TestContext) {
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

export interface RowError {
  sheet: string;
  row: number;
  column: string;
  code: string;
  message: string;
}
