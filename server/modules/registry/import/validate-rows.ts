import { keyForLabel, operatingStatusLabels, scaleLabels } from '../../../../domain/registry-labels.js';
import { normaliseUscc, usccProblem, usccProblemMessages } from '../../../../domain/uscc.js';
import type { EnterpriseFields } from '../fields.js';
import { registerColumns, type ImportKey } from './columns.js';
import type { SheetRow } from './read-sheet.js';

export interface RowError {
  row: number;
  column: string;
  code: string;
  message: string;
}

export interface ParsedRow {
  rowNumber: number;
  fields: EnterpriseFields;
  hostUscc: string | null;
}

export interface References {
  subdistrictByName: Map<string, string>;
  industryCodes: Set<string>;
  parkByName: Map<string, string>;
}

const header = (key: ImportKey) => registerColumns.find((c) => c.key === key)!.header;

/** Industry cells hold a code, or "code name" as the template's drop-down writes it. */
export function industryCodeOf(text: string): string {
  return text.trim().split(/\s+/)[0];
}

/**
 * Validate every row on its own and against the reference data. Rows that refer to other rows (厂中厂 hosts)
 * are checked later, when the whole file and the register are known.
 */
export function validateRows(rows: SheetRow[], refs: References): { valid: ParsedRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const valid: ParsedRow[] = [];
  const firstRowOfUscc = new Map<string, number>();
  for (const r of rows) {
    const rowErrors: RowError[] = [];
    const fail = (key: ImportKey, code: string, message: string) =>
      rowErrors.push({ row: r.rowNumber, column: header(key), code, message });
    const v = r.values;
    for (const key of r.formulaColumns) fail(key, 'IMPORT_FORMULA', '单元格包含公式，请填写文本值');
    for (const c of registerColumns) {
      if (c.required && !v[c.key] && !r.formulaColumns.includes(c.key))
        fail(c.key, 'IMPORT_REQUIRED', `“${c.header}”必填`);
    }
    const uscc = v.uscc ? normaliseUscc(v.uscc) : '';
    if (uscc) {
      const problem = usccProblem(uscc);
      if (problem) fail('uscc', problem, usccProblemMessages[problem]);
      else if (firstRowOfUscc.has(uscc)) {
        fail('uscc', 'IMPORT_DUPLICATE_USCC', `与第 ${firstRowOfUscc.get(uscc)} 行的统一社会信用代码重复`);
      } else firstRowOfUscc.set(uscc, r.rowNumber);
    }
    const subdistrictId = v.subdistrict ? refs.subdistrictByName.get(v.subdistrict.trim()) : undefined;
    if (v.subdistrict && !subdistrictId)
      fail('subdistrict', 'SUBDISTRICT_UNKNOWN', `街镇“${v.subdistrict}”不存在`);
    const industryCode = v.industry ? industryCodeOf(v.industry) : '';
    if (v.industry && !refs.industryCodes.has(industryCode))
      fail('industry', 'INDUSTRY_UNKNOWN', `行业代码“${v.industry}”不在分类中`);
    const scale = v.scale ? keyForLabel(scaleLabels, v.scale) : undefined;
    if (v.scale && !scale) fail('scale', 'IMPORT_BAD_VALUE', '企业规模应为 大型/中型/小型/微型');
    const status = v.operatingStatus ? keyForLabel(operatingStatusLabels, v.operatingStatus) : 'operating';
    if (!status) fail('operatingStatus', 'IMPORT_BAD_VALUE', '经营状态应为 在营/停产停业/关闭/注销');
    let employeeCount: number | null = null;
    if (v.employeeCount) {
      employeeCount = Number(v.employeeCount);
      if (!Number.isInteger(employeeCount) || employeeCount < 0 || employeeCount > 1_000_000) {
        fail('employeeCount', 'IMPORT_BAD_VALUE', '从业人数应为非负整数');
      }
    }
    const parkId = v.park ? refs.parkByName.get(v.park.trim()) : undefined;
    if (v.park && !parkId) fail('park', 'PARK_NOT_FOUND', `小微园区“${v.park}”不存在，请先登记园区`);
    const hostUscc = v.hostUscc ? normaliseUscc(v.hostUscc) : null;
    if (hostUscc) {
      const problem = usccProblem(hostUscc);
      if (problem) fail('hostUscc', problem, `厂中厂所在企业：${usccProblemMessages[problem]}`);
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    valid.push({
      rowNumber: r.rowNumber,
      hostUscc,
      fields: {
        uscc,
        name: v.name!.trim(),
        legalRepresentative: v.legalRepresentative!.trim(),
        registeredAddress: v.registeredAddress?.trim() || null,
        operatingAddress: v.operatingAddress?.trim() || null,
        subdistrictId: subdistrictId!,
        industryCode,
        scale: scale!,
        employeeCount,
        contactName: v.contactName?.trim() || null,
        contactPhone: v.contactPhone?.trim() || null,
        safetyManagerName: v.safetyManagerName?.trim() || null,
        safetyManagerPhone: v.safetyManagerPhone?.trim() || null,
        operatingStatus: status!,
        parkId: parkId ?? null,
        hostEnterpriseId: null,
      },
    });
  }
  return { valid, errors };
}

/**
 * Resolve 厂中厂 hosts against the file and the register: a host must exist, must not be the row itself, and the
 * chain must not loop. Rows that fail are removed (which can make others fail); repeats until stable.
 */
export function checkHosts(
  rows: ParsedRow[],
  registerHostOf: Map<string, string | null>,
): { valid: ParsedRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  let current = rows;
  const column = header('hostUscc');
  for (;;) {
    const inFile = new Map(current.map((r) => [r.fields.uscc, r]));
    const hostOf = (uscc: string): string | null | undefined =>
      inFile.has(uscc) ? inFile.get(uscc)!.hostUscc : registerHostOf.get(uscc);
    const bad = new Map<ParsedRow, RowError>();
    for (const r of current) {
      if (!r.hostUscc) continue;
      const err = (code: string, message: string) => bad.set(r, { row: r.rowNumber, column, code, message });
      if (r.hostUscc === r.fields.uscc) {
        err('HOST_SELF', '企业不能是自己的厂中厂所在企业');
        continue;
      }
      if (!inFile.has(r.hostUscc) && !registerHostOf.has(r.hostUscc)) {
        err('HOST_NOT_FOUND', `厂中厂所在企业 ${r.hostUscc} 未登记，也不在本表中`);
        continue;
      }
      let step: string | null | undefined = r.hostUscc;
      for (let depth = 0; step && depth < 100; depth++) {
        if (step === r.fields.uscc) {
          err('HOST_CHAIN_LOOP', '厂中厂关系形成循环');
          break;
        }
        step = hostOf(step);
      }
    }
    if (bad.size === 0) return { valid: current, errors };
    errors.push(...bad.values());
    current = current.filter((r) => !bad.has(r));
  }
}
