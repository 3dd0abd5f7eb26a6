import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../../platform/errors/app-error.js';
import { columnByHeader, registerColumns, type ImportKey } from './columns.js';

export interface SheetRow {
  /** row number as the spreadsheet shows it (header is row 1) */
  rowNumber: number;
  values: Partial<Record<ImportKey, string>>;
  /** columns whose cell held a formula: refused, never evaluated */
  formulaColumns: ImportKey[];
}

export interface Sheet {
  headers: string[];
  rows: SheetRow[];
}

const zipMagic = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function looksLikeXlsx(bytes: Buffer): boolean {
  return bytes.length > 4 && bytes.subarray(0, 4).equals(zipMagic);
}

function cellText(cell: ExcelJS.Cell): { text: string; formula: boolean } {
  const value = cell.value as unknown;
  if (value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    return { text: '', formula: true };
  }
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), formula: false };
  return { text: (cell.text ?? '').trim(), formula: false };
}

/**
 * Read the first worksheet with the streaming reader. Headers are matched by their Chinese names (any order);
 * a missing required column fails the whole file. Stops with IMPORT_TOO_MANY_ROWS past `maxRows`.
 */
export async function readRegisterSheet(bytes: Buffer, opts: { maxRows: number; headerOnly?: boolean }): Promise<Sheet> {
  if (!looksLikeXlsx(bytes)) throw new AppError('IMPORT_NOT_SPREADSHEET');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  let headers: string[] | undefined;
  let keyByIndex = new Map<number, ImportKey>();
  const rows: SheetRow[] = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet) {
        if (!headers) {
          headers = [];
          row.eachCell({ includeEmpty: true }, (cell, col) => {
            headers![col - 1] = cellText(cell).text;
          });
          keyByIndex = new Map();
          headers.forEach((h, i) => {
            const column = columnByHeader.get(h?.replace(/\s+/g, '') ?? '');
            if (column) keyByIndex.set(i + 1, column.key);
          });
          const present = new Set(keyByIndex.values());
          const missing = registerColumns.filter((c) => c.required && !present.has(c.key));
          if (missing.length > 0) {
            throw new AppError('IMPORT_MISSING_COLUMNS', {
              detail: `表格缺少必需的列：${missing.map((c) => c.header).join('、')}`,
              fieldErrors: missing.map((c) => ({ field: `header/${c.header}`, code: 'IMPORT_MISSING_COLUMNS', message: `缺少“${c.header}”列` })),
            });
          }
          if (opts.headerOnly) return { headers, rows };
          continue;
        }
        const values: SheetRow['values'] = {};
        const formulaColumns: ImportKey[] = [];
        let any = false;
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          const key = keyByIndex.get(col);
          if (!key) return;
          const { text, formula } = cellText(cell);
          if (formula) formulaColumns.push(key);
          if (text !== '') values[key] = text;
          if (text !== '' || formula) any = true;
        });
        if (!any) continue;
        if (rows.length >= opts.maxRows) {
          throw new AppError('IMPORT_TOO_MANY_ROWS', { detail: `表格超过 ${opts.maxRows} 行的上限` });
        }
        rows.push({ rowNumber: row.number, values, formulaColumns });
      }
      break; // only the first worksheet is the register
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('IMPORT_NOT_SPREADSHEET', { detail: '无法读取该表格，请使用下载的模板（.xlsx）' });
  }
  if (!headers) throw new AppError('IMPORT_MISSING_COLUMNS', { detail: '表格为空' });
  return { headers, rows };
}
