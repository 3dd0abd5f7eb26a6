/** The columns of the register spreadsheet: template, import and export share them. */
export interface RegisterColumn {
  key: ImportKey;
  header: string;
  required: boolean;
  width: number;
}

export type ImportKey =
  | 'uscc'
  | 'name'
  | 'legalRepresentative'
  | 'registeredAddress'
  | 'operatingAddress'
  | 'subdistrict'
  | 'industry'
  | 'scale'
  | 'employeeCount'
  | 'contactName'
  | 'contactPhone'
  | 'safetyManagerName'
  | 'safetyManagerPhone'
  | 'operatingStatus'
  | 'park'
  | 'hostUscc';

export const registerColumns: RegisterColumn[] = [
  { key: 'uscc', header: '统一社会信用代码', required: true, width: 22 },
  { key: 'name', header: '企业名称', required: true, width: 32 },
  { key: 'legalRepresentative', header: '法定代表人', required: true, width: 12 },
  { key: 'registeredAddress', header: '注册地址', required: false, width: 32 },
  { key: 'operatingAddress', header: '生产经营地址', required: false, width: 32 },
  { key: 'subdistrict', header: '所属街镇', required: true, width: 12 },
  { key: 'industry', header: '行业代码', required: true, width: 24 },
  { key: 'scale', header: '企业规模', required: true, width: 10 },
  { key: 'employeeCount', header: '从业人数', required: false, width: 10 },
  { key: 'contactName', header: '联系人', required: false, width: 12 },
  { key: 'contactPhone', header: '联系电话', required: false, width: 16 },
  { key: 'safetyManagerName', header: '安全管理人员', required: false, width: 12 },
  { key: 'safetyManagerPhone', header: '安全管理人员电话', required: false, width: 16 },
  { key: 'operatingStatus', header: '经营状态', required: false, width: 10 },
  { key: 'park', header: '所在小微园区', required: false, width: 24 },
  { key: 'hostUscc', header: '厂中厂所在企业统一社会信用代码', required: false, width: 30 },
];

export const columnByHeader = new Map(registerColumns.map((c) => [c.header, c]));

/** A cell that a spreadsheet program would run as a formula when the text is pasted or re-saved as CSV. */
export function neutraliseCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
