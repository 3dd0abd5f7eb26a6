import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { AppError } from '../../../platform/errors/app-error.js';
import { importSheets, normaliseHeader, type ImportSheet } from './columns.js';

export interface WorkbookRow {
  /** the row number as the spreadsheet shows it (the header is row 1) */
  rowNumber: number;
  /** cell texts by column key; empty cells are absent */
  values: Record<string, string>;
  /** keys of columns whose cell held a formula: refused, never evaluated */
  formulas: string[];
}

export interface ReadSheet {
  sheet: ImportSheet;
  /** headers of required columns the sheet lacks */
  missing: string[];
  rows: WorkbookRow[];
}

/** What an .xlsx of adverse records may unpack to: a few thousand rows are far below this. */
const maxUnpackedBytes = 64 * 1024 * 1024;

/**
 * Whether the bytes are a zip container whose every entry inflates to exactly the size the central directory
 * declares, the sizes adding up to at most `maxUnpackedBytes`. The workbook reader inflates entries without such a
 * limit, so a small upload that unpacks to gigabytes (or lies about its sizes) is refused before it reaches it.
 */
function isSafeZip(bytes: Buffer): boolean {
  try {
    const tail = Math.max(0, bytes.length - 22 - 0xffff);
    let end = -1;
    for (let at = bytes.length - 22; at >= tail; at--) {
      if (bytes.readUInt32LE(at) === 0x06054b50) {
        end = at;
        break;
      }
    }
    if (end < 0) return false;
    const count = bytes.readUInt16LE(end + 10);
    let entry = bytes.readUInt32LE(end + 16);
    if (count === 0 || count === 0xffff) return false;
    let total = 0;
    for (let n = 0; n < count; n++) {
      if (bytes.readUInt32LE(entry) !== 0x02014b50) return false;
      const flags = bytes.readUInt16LE(entry + 8);
      const method = bytes.readUInt16LE(entry + 10);
      const packed = bytes.readUInt32LE(entry + 20);
      const size = bytes.readUInt32LE(entry + 24);
      const local = bytes.readUInt32LE(entry + 42);
      entry +=
        46 + bytes.readUInt16LE(entry + 28) + bytes.readUInt16LE(entry + 30) + bytes.readUInt16LE(entry + 32);
      if (flags & 1 || (method !== 0 && method !== 8)) return false; // encrypted, or not stored nor deflated
      total += size;
      if (total > maxUnpackedBytes) return false;
      if (bytes.readUInt32LE(local) !== 0x04034b50) return false;
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      if (start + packed > bytes.length) return false;
      const data = bytes.subarray(start, start + packed);
      const unpacked = method === 0 ? data : inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
      if (unpacked.length !== size) return false;
    }
    return true;
  } catch {
    return false; // reads out of bounds, inflate errors, output past the declared size
  }
}

function cellText(cell: ExcelJS.Cell): { text: string; formula: boolean } {
  const value = cell.value as unknown;
  if (value && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value))
    return { text: '', formula: true };
  // date cells come back as midnight UTC of the day the sheet shows
  if (value instanceof Date)
    return { text: Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10), formula: false };
  return { text: (cell.text ?? '').trim(), formula: false };
}

function readSheet(worksheet: ExcelJS.Worksheet, sheet: ImportSheet): ReadSheet {
  const keyByColumn = new Map<number, string>();
  worksheet.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const header = normaliseHeader(cellText(cell).text);
    const column = sheet.columns.find((c) => normaliseHeader(c.header) === header);
    if (column && ![...keyByColumn.values()].includes(column.key)) keyByColumn.set(col, column.key);
  });
  const present = new Set(keyByColumn.values());
  const missing = sheet.columns.filter((c) => c.required && !present.has(c.key)).map((c) => c.header);
  const rows: WorkbookRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const values: Record<string, string> = {};
    const formulas: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const key = keyByColumn.get(col);
      if (!key) return;
      const { text, formula } = cellText(cell);
      if (formula) formulas.push(key);
      else if (text !== '') values[key] = text;
    });
    if (Object.keys(values).length > 0 || formulas.length > 0) rows.push({ rowNumber, values, formulas });
  });
  return { sheet, missing, rows };
}

/**
 * Read the sheets 事故, 处罚 and 失信 of an uploaded workbook (any may be absent; other sheets are ignored). Refuses
 * what is not a readable .xlsx with RECORDS_IMPORT_NOT_SPREADSHEET, a workbook without any of the three sheets or
 * rows with RECORDS_IMPORT_EMPTY, and more than `maxRows` rows in all with RECORDS_IMPORT_TOO_MANY_ROWS.
 */
export async function readRecordsWorkbook(bytes: Buffer, maxRows: number): Promise<ReadSheet[]> {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50 || !isSafeZip(bytes))
    throw new AppError('RECORDS_IMPORT_NOT_SPREADSHEET');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new AppError('RECORDS_IMPORT_NOT_SPREADSHEET');
  }
  const byName = new Map(workbook.worksheets.map((w) => [w.name.trim(), w]));
  const sheets: ReadSheet[] = [];
  for (const sheet of importSheets) {
    const worksheet = byName.get(sheet.name);
    if (worksheet) sheets.push(readSheet(worksheet, sheet));
  }
  const rowCount = sheets.reduce((n, s) => n + s.rows.length, 0);
  if (rowCount === 0) throw new AppError('RECORDS_IMPORT_EMPTY');
  if (rowCount > maxRows)
    throw new AppError('RECORDS_IMPORT_TOO_MANY_ROWS', {
      detail: `一次最多导入 ${maxRows} 条记录，本表格有 ${rowCount} 条`,
    });
  return sheets;
}
