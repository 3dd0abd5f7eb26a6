import { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
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

/** Uncompressed bytes a register file may unpack to (a 50,000-row sheet is well under 100 MB). */
const maxUnpackedBytes = 512 * 1024 * 1024;

/**
 * Whether every entry of the zip container is intact: the central directory is in bounds, each local header
 * agrees with it, and each entry inflates to exactly its declared size. The streaming reader (unzipper inside
 * exceljs) never settles on some corrupt entries — the error goes to the zip stream while exceljs waits on the
 * entry — so a damaged upload would hang the request (or the import job) instead of being refused.
 */
export function zipIsIntact(bytes: Buffer): boolean {
  try {
    // end of central directory: the last signature in the final 64 KiB + 22 bytes
    let eocd = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
      if (bytes.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) return false;
    const entries = bytes.readUInt16LE(eocd + 10);
    let at = bytes.readUInt32LE(eocd + 16);
    if (entries === 0 || entries === 0xffff || at === 0xffffffff) return false; // empty or zip64: not an .xlsx we wrote or Excel writes
    let unpacked = 0;
    for (let n = 0; n < entries; n++) {
      if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return false;
      const flags = bytes.readUInt16LE(at + 8);
      const method = bytes.readUInt16LE(at + 10);
      const compressedSize = bytes.readUInt32LE(at + 20);
      const size = bytes.readUInt32LE(at + 24);
      const nameLength = bytes.readUInt16LE(at + 28);
      const local = bytes.readUInt32LE(at + 42);
      at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
      if (
        flags & 0x1 ||
        (method !== 0 && method !== 8) ||
        compressedSize === 0xffffffff ||
        size === 0xffffffff
      )
        return false;
      unpacked += size;
      if (unpacked > maxUnpackedBytes) return false;
      if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) return false;
      // the streaming reader follows the local headers: they must say what the directory says
      if (bytes.readUInt16LE(local + 8) !== method || bytes.readUInt16LE(local + 26) !== nameLength)
        return false;
      if (
        !(flags & 0x8) &&
        (bytes.readUInt32LE(local + 18) !== compressedSize || bytes.readUInt32LE(local + 22) !== size)
      )
        return false;
      const start = local + 30 + nameLength + bytes.readUInt16LE(local + 28);
      if (start + compressedSize > bytes.length) return false;
      const data = bytes.subarray(start, start + compressedSize);
      const out = method === 0 ? data : inflateRawSync(data, { maxOutputLength: Math.max(size, 1) });
      if (out.length !== size) return false;
    }
    return true;
  } catch {
    return false; // out-of-bounds reads, inflate errors
  }
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
export async function readRegisterSheet(
  bytes: Buffer,
  opts: { maxRows: number; headerOnly?: boolean },
): Promise<Sheet> {
  if (!looksLikeXlsx(bytes)) throw new AppError('IMPORT_NOT_SPREADSHEET');
  if (!zipIsIntact(bytes))
    throw new AppError('IMPORT_NOT_SPREADSHEET', { detail: '表格文件已损坏，无法读取，请重新保存后再上传' });
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
              fieldErrors: missing.map((c) => ({
                field: `header/${c.header}`,
                code: 'IMPORT_MISSING_COLUMNS',
                message: `缺少“${c.header}”列`,
              })),
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
