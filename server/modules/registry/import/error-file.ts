import ExcelJS from 'exceljs';
import { registerColumns } from './columns.js';
import type { SheetRow } from './read-sheet.js';
import type { RowError } from './validate-rows.js';

/**
 * The bad rows as they were uploaded, each failing cell marked red with a note, and a last column explaining
 * every error of the row. Fix and upload this file again: good rows already imported are not needed.
 */
export async function buildErrorFile(rows: SheetRow[], errors: RowError[]): Promise<Buffer> {
  const byRow = new Map<number, RowError[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('错误行');
  sheet.columns = [
    ...registerColumns.map((c) => ({ header: c.header, key: c.key, width: c.width })),
    { header: '原表行号', key: '__row', width: 10 },
    { header: '错误说明', key: '__errors', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  const headerIndex = new Map(registerColumns.map((c, i) => [c.header, i + 1]));
  for (const r of rows) {
    const rowErrors = byRow.get(r.rowNumber);
    if (!rowErrors) continue;
    const values: Record<string, string | number> = {
      __row: r.rowNumber,
      __errors: rowErrors.map((e) => `${e.column}：${e.message}`).join('；'),
    };
    for (const c of registerColumns) values[c.key] = r.values[c.key] ?? '';
    const row = sheet.addRow(values);
    for (const e of rowErrors) {
      const col = headerIndex.get(e.column);
      if (!col) continue;
      const cell = row.getCell(col);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
      cell.note = e.message;
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
