/**
 * 统一社会信用代码 (unified social credit code) per GB 32100-2015:
 *   pos 1      registration authority code
 *   pos 2      organisation category code (depends on the authority)
 *   pos 3–8    administrative division code of the registering authority (6 digits)
 *   pos 9–17   organisation code per GB 11714 (8 body characters + its own check character)
 *   pos 18     check character, mod 31 over positions 1–17
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Authority code → allowed category codes (GB 32100-2015, Table 1). */
const categoriesByAuthority: Record<string, string> = {
  '1': '1239', // 机构编制: 机关, 事业单位, 中央编办管理的群众团体, 其他
  '2': '19', // 外交
  '3': '12349', // 司法行政
  '4': '19', // 文化
  '5': '1239', // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '6': '129', // 旅游
  '7': '129', // 宗教
  '8': '19', // 工会
  '9': '123', // 市场监管(工商): 企业, 个体工商户, 农民专业合作社
  A: '19', // 中央军委改革和编制办公室
  N: '1239', // 农业
  Y: '1', // 其他
};

export type UsccProblem =
  | 'USCC_LENGTH'
  | 'USCC_CHARSET'
  | 'USCC_AUTHORITY'
  | 'USCC_CATEGORY'
  | 'USCC_DIVISION'
  | 'USCC_ORG_CODE_CHECK'
  | 'USCC_CHECK_DIGIT';

export const usccProblemMessages: Record<UsccProblem, string> = {
  USCC_LENGTH: '统一社会信用代码应为 18 位',
  USCC_CHARSET: '统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）',
  USCC_AUTHORITY: '统一社会信用代码第 1 位（登记管理部门代码）无效',
  USCC_CATEGORY: '统一社会信用代码第 2 位（机构类别代码）与登记管理部门不符',
  USCC_DIVISION: '统一社会信用代码第 3–8 位（登记管理机关行政区划码）应为 6 位数字',
  USCC_ORG_CODE_CHECK: '统一社会信用代码第 9–17 位（组织机构代码）校验位错误',
  USCC_CHECK_DIGIT: '统一社会信用代码第 18 位校验码错误',
};

const orgWeights = [3, 7, 9, 10, 5, 8, 4, 2];
const usccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** GB 11714 check character for an 8-character organisation code body. */
export function orgCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCharValue(body[i]) * orgWeights[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function orgCharValue(ch: string): number {
  const code = ch.charCodeAt(0);
  return code >= 48 && code <= 57 ? code - 48 : code - 55; // 'A' → 10
}

/** The mod-31 check character over the first 17 characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]) * usccWeights[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** Normalise what people type: trim, upper-case, drop inner spaces. */
export function normaliseUscc(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/** The first rule the code breaks, or null when it is valid. Expects a normalised code. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'USCC_LENGTH';
  for (const ch of code) if (!USCC_CHARSET.includes(ch)) return 'USCC_CHARSET';
  const categories = categoriesByAuthority[code[0]];
  if (!categories) return 'USCC_AUTHORITY';
  if (!categories.includes(code[1])) return 'USCC_CATEGORY';
  if (!/^\d{6}$/.test(code.slice(2, 8))) return 'USCC_DIVISION';
  const org = code.slice(8, 17);
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(org) || orgCodeCheckChar(org.slice(0, 8)) !== org[8]) return 'USCC_ORG_CODE_CHECK';
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return 'USCC_CHECK_DIGIT';
  return null;
}

export function isValidUscc(code: string): boolean {
  return usccProblem(code) === null;
}

/**
 * Build a valid code from its parts (demo data, tests). `orgBody` is 8 characters of the USCC charset; the
 * GB 11714 and mod-31 check characters are computed. Returns null when the org check char would be invalid
 * for the USCC charset (never: it is a digit or X).
 */
export function composeUscc(parts: { authority: string; category: string; division: string; orgBody: string }): string {
  const org = parts.orgBody + orgCodeCheckChar(parts.orgBody);
  const first17 = parts.authority + parts.category + parts.division + org;
  return first17 + usccCheckChar(first17);
}
