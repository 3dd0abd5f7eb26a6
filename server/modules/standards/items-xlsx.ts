import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  applicabilityTags,
  type LegalBasis,
  type MajorHazardLink,
  type StandardItemContent,
} from '../../../domain/standards.js';
import { AppError, type FieldError } from '../../platform/errors/app-error.js';

/**
 * Items as a spreadsheet, one row per item. Legal bases are written "《title》article" separated by "；", tags by
 * their Chinese labels separated by "、", the major-hazard link as "MEM-2023-10 第三条（一）" or "GB-35181 第5.2条".
 */
const columns = [
  { key: 'code', header: '条目编号', width: 10, required: true },
  { key: 'module', header: '模块代码', width: 14, required: true },
  { key: 'requirement', header: '合规要求', width: 60, required: true },
  { key: 'legalBasis', header: '法律依据', width: 40, required: false },
  { key: 'checkMethod', header: '检查方法', width: 30, required: false },
  { key: 'evidence', header: '证明材料', width: 30, required: false },
  { key: 'isKey', header: '重点审查项', width: 10, required: true },
  { key: 'tags', header: '适用情形', width: 24, required: false },
  { key: 'violationTypes', header: '违法行为类型', width: 24, required: false },
  { key: 'majorHazard', header: '重大事故隐患判定依据', width: 28, required: false },
] as const;

const kindOfTitle = (title: string): LegalBasis['kind'] =>
  /^中华人民共和国.*法$/.test(title)
    ? 'law'
    : /^(GB|AQ|GB\/T)\s?[\d]/.test(title)
      ? 'standard'
      : 'regulation';

export function formatLegalBasis(list: LegalBasis[]): string {
  // titles are stored without 《》; tolerate ones that carry them
  return list.map((b) => `《${b.title.replace(/^《|》$/g, '')}》${b.article}`).join('；');
}

export function parseLegalBasis(text: string): LegalBasis[] | null {
  const parts = text
    .split(/[；;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: LegalBasis[] = [];
  for (const p of parts) {
    const m = /^《(.+?)》\s*(.+)$/.exec(p);
    if (!m) return null;
    out.push({ kind: kindOfTitle(m[1]), title: m[1], article: m[2].trim() });
  }
  return out;
}

function formatHazard(h: MajorHazardLink | null): string {
  return h ? `${h.source} ${h.article}${h.item ?? ''}` : '';
}

function parseHazard(text: string): MajorHazardLink | null | undefined {
  if (!text.trim()) return null;
  const m = /^(MEM-2023-10|GB-35181)\s+(第[^（(]+条)\s*([（(].+[）)])?$/.exec(text.trim());
  if (!m) return undefined;
  return { source: m[1] as MajorHazardLink['source'], article: m[2], ...(m[3] ? { item: m[3] } : {}) };
}

export async function itemsToXlsx(items: StandardItemContent[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('标准条目');
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  const tagLabel = new Map<string, string>(applicabilityTags.map((t) => [t.code, t.zh]));
  for (const i of items) {
    const row = sheet.addRow({
      code: i.code,
      module: i.module,
      requirement: i.requirement,
      legalBasis: formatLegalBasis(i.legalBasis),
      checkMethod: i.checkMethod,
      evidence: i.evidence,
      isKey: i.isKey ? '是' : '否',
      tags: i.tags.map((t) => tagLabel.get(t) ?? t).join('、'),
      violationTypes: i.violationTypes.join('、'),
      majorHazard: formatHazard(i.majorHazard),
    });
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Parse an items sheet; every problem of every row is collected, nothing is returned when one exists. */
export async function xlsxToItems(bytes: Buffer): Promise<StandardItemContent[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.read(Readable.from([bytes]));
  } catch {
    throw new AppError('IMPORT_NOT_SPREADSHEET');
  }
  const sheet = wb.worksheets[0];
  if (!sheet) throw new AppError('IMPORT_NOT_SPREADSHEET');
  const header = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => header.set(cell.text.trim(), col));
  const missing = columns.filter((c) => c.required && !header.has(c.header));
  if (missing.length > 0) {
    throw new AppError('STANDARD_IMPORT_MISSING_COLUMNS', {
      detail: `表格缺少必需的列：${missing.map((c) => c.header).join('、')}`,
    });
  }
  const tagByLabel = new Map<string, string>(
    applicabilityTags.flatMap(
      (t) =>
        [
          [t.zh, t.code],
          [t.code, t.code],
        ] as [string, string][],
    ),
  );
  const errors: FieldError[] = [];
  const items: StandardItemContent[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const get = (key: (typeof columns)[number]['key']) => {
      const col = header.get(columns.find((c) => c.key === key)!.header);
      return col ? row.getCell(col).text.trim() : '';
    };
    if (!get('code') && !get('requirement')) return;
    const fail = (column: string, message: string) =>
      errors.push({ field: `row ${n} / ${column}`, code: 'STANDARD_IMPORT_INVALID', message });
    const legalBasis = parseLegalBasis(get('legalBasis'));
    if (legalBasis === null) fail('法律依据', '法律依据应写为“《名称》条款”，多条用“；”分隔');
    const tags = get('tags')
      ? get('tags')
          .split(/[、,，;；]/)
          .map((t) => t.trim())
          .filter(Boolean)
      : [];
    const tagCodes = tags.map((t) => tagByLabel.get(t));
    if (tagCodes.some((t) => !t))
      fail('适用情形', `未知的适用情形：${tags.filter((_t, i) => !tagCodes[i]).join('、')}`);
    const hazard = parseHazard(get('majorHazard'));
    if (hazard === undefined)
      fail('重大事故隐患判定依据', '应写为“MEM-2023-10 第三条（一）”或“GB-35181 第5.2条”');
    const isKeyText = get('isKey');
    if (!['是', '否', 'true', 'false', ''].includes(isKeyText)) fail('重点审查项', '应填“是”或“否”');
    if (!get('code')) fail('条目编号', '必填');
    if (!get('requirement')) fail('合规要求', '必填');
    items.push({
      code: get('code'),
      module: get('module'),
      requirement: get('requirement'),
      legalBasis: legalBasis ?? [],
      checkMethod: get('checkMethod'),
      evidence: get('evidence'),
      isKey: isKeyText === '是' || isKeyText === 'true',
      tags: tagCodes.filter((t): t is string => Boolean(t)) as StandardItemContent['tags'],
      violationTypes: get('violationTypes')
        ? get('violationTypes')
            .split(/[、,，]/)
            .map((t) => t.trim())
            .filter(Boolean)
        : [],
      majorHazard: hazard ?? null,
    });
  });
  const seen = new Set<string>();
  for (const i of items) {
    if (seen.has(i.code))
      errors.push({
        field: `code ${i.code}`,
        code: 'STANDARD_IMPORT_INVALID',
        message: `条目编号 ${i.code} 重复`,
      });
    seen.add(i.code);
    if (i.isKey && i.legalBasis.length === 0)
      errors.push({
        field: `code ${i.code}`,
        code: 'STANDARD_KEY_ITEM_WITHOUT_BASIS',
        message: `重点审查项 ${i.code} 缺少法律依据`,
      });
  }
  if (errors.length > 0)
    throw new AppError('STANDARD_IMPORT_INVALID', {
      detail: `${errors.length} 处错误，未导入任何条目`,
      fieldErrors: errors.slice(0, 200),
    });
  return items;
}
