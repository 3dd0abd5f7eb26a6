/**
 * Policy numbers of a jurisdiction. Each has a default here; the bureau changes them in the database
 * (with history). Code reads them through the settings service, never as literals.
 */
export interface SettingDefinition<T> {
  key: string;
  default: T;
  /** zh-CN label shown on the settings page */
  label: string;
  unit?: string;
  validate: (value: unknown) => value is T;
}

const positiveInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;
const nonNegativeInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function def<T>(d: SettingDefinition<T>): SettingDefinition<T> {
  return d;
}

const platformSettingDefinitions = {
  'auth.lockoutThreshold': def({
    key: 'auth.lockoutThreshold',
    default: 5,
    label: '连续登录失败锁定次数',
    unit: '次',
    validate: positiveInt,
  }),
  'auth.lockoutMinutes': def({
    key: 'auth.lockoutMinutes',
    default: 15,
    label: '账号锁定时长',
    unit: '分钟',
    validate: positiveInt,
  }),
  'auth.idleTimeoutMinutes': def({
    key: 'auth.idleTimeoutMinutes',
    default: 30,
    label: '会话空闲超时',
    unit: '分钟',
    validate: positiveInt,
  }),
  'auth.passwordMinLength': def({
    key: 'auth.passwordMinLength',
    default: 10,
    label: '密码最短长度',
    unit: '位',
    validate: positiveInt,
  }),
  'auth.loginRateLimitPerMinute': def({
    key: 'auth.loginRateLimitPerMinute',
    default: 20,
    label: '同一 IP 每分钟登录请求上限',
    unit: '次',
    validate: positiveInt,
  }),
  'auth.loginRateLimitPerUsernamePerMinute': def({
    key: 'auth.loginRateLimitPerUsernamePerMinute',
    default: 10,
    label: '同一用户名每分钟登录请求上限',
    unit: '次',
    validate: positiveInt,
  }),
  'public.rateLimitPerMinute': def({
    key: 'public.rateLimitPerMinute',
    default: 60,
    label: '公开核验接口同一 IP 每分钟请求上限',
    unit: '次',
    validate: positiveInt,
  }),
  'jobs.maxAttempts': def({
    key: 'jobs.maxAttempts',
    default: 5,
    label: '后台任务最多重试次数',
    unit: '次',
    validate: nonNegativeInt,
  }),
} as const;


const registrySettingDefinitions = {
  'registry.importMaxBytes': def({
    key: 'registry.importMaxBytes',
    default: 30 * 1024 * 1024,
    label: '企业名录导入文件大小上限',
    unit: '字节',
    validate: positiveInt,
  }),
  'registry.importMaxRows': def({
    key: 'registry.importMaxRows',
    default: 50_000,
    label: '企业名录导入行数上限',
    unit: '行',
    validate: positiveInt,
  }),
  'registry.activationCodeDays': def({
    key: 'registry.activationCodeDays',
    default: 14,
    label: '企业账号激活码有效期',
    unit: '天',
    validate: positiveInt,
  }),
} as const;

const numberPattern = (v: unknown): v is string =>
  typeof v === 'string' && /\{n(:[1-9])?\}/.test(v) && v.length <= 60 && /^[^{}]*(\{(short|year|n|n:[1-9])\}[^{}]*)*$/.test(v);

/**
 * Document numbers (文号): `{short}` is the jurisdiction's short name (鹿), `{year}` the year of issue, `{n}` the
 * sequence of the kind in that year (`{n:3}` pads it to three digits). One pattern per document kind.
 */
const documentSettingDefinitions = {
  'documents.numberPattern.commitment': def({
    key: 'documents.numberPattern.commitment',
    default: '{short}应急合规承〔{year}〕{n}号',
    label: '承诺书文号格式',
    validate: numberPattern,
  }),
  'documents.numberPattern.plaque': def({
    key: 'documents.numberPattern.plaque',
    default: '{short}应急合规牌〔{year}〕{n}号',
    label: '合规企业牌匾编号格式',
    validate: numberPattern,
  }),
  'documents.numberPattern.advice_letter': def({
    key: 'documents.numberPattern.advice_letter',
    default: '{short}应急合规建〔{year}〕{n}号',
    label: '合规建议书编号格式',
    validate: numberPattern,
  }),
  'documents.numberPattern.rectification_notice': def({
    key: 'documents.numberPattern.rectification_notice',
    default: '{short}应急责改〔{year}〕{n}号',
    label: '责令限期整改指令书编号格式',
    validate: numberPattern,
  }),
  'documents.issuerName': def({
    key: 'documents.issuerName',
    default: '',
    label: '文书落款机关名称（留空则为“辖区名称+应急管理局”）',
    validate: (v: unknown): v is string => typeof v === 'string' && v.length <= 40,
  }),
  'files.maxBytes': def({
    key: 'files.maxBytes',
    default: 10 * 1024 * 1024,
    label: '上传证据文件大小上限',
    unit: '字节',
    validate: positiveInt,
  }),
} as const;

/** Agencies: the qualification grade scale, best first (the measures ask for grade B or higher). */
const agencySettingDefinitions = {
  'agencies.gradeScale': def<string[]>({
    key: 'agencies.gradeScale',
    default: ['A', 'B', 'C'],
    label: '服务机构资质等级（由高到低）',
    validate: (v: unknown): v is string[] =>
      Array.isArray(v) &&
      v.length >= 1 &&
      v.length <= 10 &&
      v.every((g) => typeof g === 'string' && g.trim() === g && g.length >= 1 && g.length <= 10) &&
      new Set(v).size === v.length,
  }),
} as const;

const bool = (v: unknown): v is boolean => typeof v === 'boolean';

/** Getting ready: commitment text, self-inspection rules, hazard deadlines, reminders and extensions. */
const readinessSettingDefinitions = {
  'commitment.text': def({
    key: 'commitment.text',
    default: '',
    label: '承诺书文本（留空则使用平台内置文本；修改后企业须重新签署）',
    validate: (v: unknown): v is string => typeof v === 'string' && v.length <= 6000,
  }),
  'inspections.keyItemEvidenceRequired': def({
    key: 'inspections.keyItemEvidenceRequired',
    default: true,
    label: '重点审查项判定为符合时须上传证据',
    validate: bool,
  }),
  'hazards.deadlineDays.general': def({
    key: 'hazards.deadlineDays.general',
    default: 30,
    label: '一般隐患默认整改期限',
    unit: '天',
    validate: positiveInt,
  }),
  'hazards.deadlineDays.major': def({
    key: 'hazards.deadlineDays.major',
    default: 60,
    label: '重大隐患默认整改期限',
    unit: '天',
    validate: positiveInt,
  }),
  'hazards.reminderDaysBefore': def({
    key: 'hazards.reminderDaysBefore',
    default: 3,
    label: '整改期限到期前提醒',
    unit: '天',
    validate: nonNegativeInt,
  }),
  'extensions.maxDays': def({
    key: 'extensions.maxDays',
    default: 90,
    label: '单次延期整改最长期限（自原期限起）',
    unit: '天',
    validate: positiveInt,
  }),
  'documents.numberPattern.extension_decision': def({
    key: 'documents.numberPattern.extension_decision',
    default: '{short}应急合规延〔{year}〕{n}号',
    label: '延期整改审批意见书文号格式',
    validate: numberPattern,
  }),
} as const;

/** Third-party confirmation: the minimum grade, independence, validity. */
const confirmationSettingDefinitions = {
  'confirmation.minGrade': def({
    key: 'confirmation.minGrade',
    default: 'B',
    label: '第三方确认机构最低资质等级',
    validate: (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 10,
  }),
  'confirmation.independence': def({
    key: 'confirmation.independence',
    default: true,
    label: '独立性要求：为企业做过首次检查或整改指导的机构不得为其确认',
    validate: bool,
  }),
  'confirmation.independenceMonths': def({
    key: 'confirmation.independenceMonths',
    default: 12,
    label: '独立性回避期',
    unit: '月',
    validate: positiveInt,
  }),
  'confirmation.validityMonths': def({
    key: 'confirmation.validityMonths',
    default: 12,
    label: '第三方确认有效期',
    unit: '月',
    validate: positiveInt,
  }),
  'documents.numberPattern.confirmation_report': def({
    key: 'documents.numberPattern.confirmation_report',
    default: '{short}应急合规确〔{year}〕{n}号',
    label: '第三方确认报告编号格式',
    validate: numberPattern,
  }),
} as const;

/** White-list entry conditions (domain/eligibility.ts). */
const eligibilitySettingDefinitions = {
  'eligibility.accidentLookbackYears': def({
    key: 'eligibility.accidentLookbackYears',
    default: 3,
    label: '入库条件：生产安全事故回溯年限',
    unit: '年',
    validate: positiveInt,
  }),
  'eligibility.penaltyLookbackYears': def({
    key: 'eligibility.penaltyLookbackYears',
    default: 1,
    label: '入库条件：安全生产行政处罚回溯年限',
    unit: '年',
    validate: positiveInt,
  }),
  'eligibility.parkRequiresTenantsKnown': def({
    key: 'eligibility.parkRequiresTenantsKnown',
    default: true,
    label: '小微园区入库须掌握全部入驻企业合规状况',
    validate: bool,
  }),
} as const;


const oneOf =
  <T extends string>(...values: T[]) =>
  (v: unknown): v is T =>
    typeof v === 'string' && (values as string[]).includes(v);

/** The white-list workflow (domain/whitelist.ts): periods in PRC working days, validity, exits and their measures. */
const whitelistSettingDefinitions = {
  'whitelist.opinionWorkingDays': def({
    key: 'whitelist.opinionWorkingDays',
    default: 5,
    label: '征询部门意见期限',
    unit: '个工作日',
    validate: positiveInt,
  }),
  'whitelist.opinionSilence': def<'agree' | 'escalate'>({
    key: 'whitelist.opinionSilence',
    default: 'agree',
    label: '部门逾期未反馈意见的处理（agree 视为同意 / escalate 提交局领导处理）',
    validate: oneOf('agree', 'escalate'),
  }),
  'whitelist.noticeWorkingDays': def({
    key: 'whitelist.noticeWorkingDays',
    default: 5,
    label: '白名单公示期',
    unit: '个工作日',
    validate: positiveInt,
  }),
  'whitelist.validityMonths': def({
    key: 'whitelist.validityMonths',
    default: 12,
    label: '白名单有效期（期满前年度复核）',
    unit: '月',
    validate: positiveInt,
  }),
  'whitelist.reviewLeadDays': def({
    key: 'whitelist.reviewLeadDays',
    default: 30,
    label: '有效期届满前多少天开启年度复核',
    unit: '天',
    validate: positiveInt,
  }),
  'whitelist.objectionsPerIpPerHour': def({
    key: 'whitelist.objectionsPerIpPerHour',
    default: 5,
    label: '同一 IP 每小时可提交的公示异议数',
    unit: '件',
    validate: positiveInt,
  }),
  'whitelist.numberPattern': def({
    key: 'whitelist.numberPattern',
    default: '{short}安合白〔{year}〕{n:4}号',
    label: '白名单编号格式',
    validate: numberPattern,
  }),
  'documents.numberPattern.public_notice': def({
    key: 'documents.numberPattern.public_notice',
    default: '{short}应急合规公〔{year}〕{n}号',
    label: '白名单公示编号格式',
    validate: numberPattern,
  }),
  'documents.numberPattern.exit_decision': def({
    key: 'documents.numberPattern.exit_decision',
    default: '{short}应急合规退〔{year}〕{n}号',
    label: '退出白名单决定书编号格式',
    validate: numberPattern,
  }),
  'exit.reentryBanYears': def({
    key: 'exit.reentryBanYears',
    default: 2,
    label: '退出后不得重新申请入库的期限',
    unit: '年',
    validate: positiveInt,
  }),
  'exit.measureMonths': def({
    key: 'exit.measureMonths',
    default: 24,
    label: '退出后加密检查、提高保险费率档次、暂停告知承诺审批、取消评优资格的期限',
    unit: '月',
    validate: positiveInt,
  }),
} as const;

/** 合规建议 (DOMAIN.md §4.5): when a violation becomes frequent, and how long letters give enterprises to reply. */
const enforcementSettingDefinitions = {
  'advice.frequencyThreshold': def({
    key: 'advice.frequencyThreshold',
    default: 5,
    label: '同类违法行为高发阈值（达到即提议批量发送合规建议书）',
    unit: '起',
    validate: positiveInt,
  }),
  'advice.frequencyWindowDays': def({
    key: 'advice.frequencyWindowDays',
    default: 30,
    label: '高发统计窗口',
    unit: '天',
    validate: positiveInt,
  }),
  'advice.replyWorkingDays': def({
    key: 'advice.replyWorkingDays',
    default: 10,
    label: '合规建议书书面回复期限',
    unit: '个工作日',
    validate: positiveInt,
  }),
} as const;

/** Every module's settings; a module adds its own `const <module>SettingDefinitions` above and spreads it here. */
export const settingDefinitions = {
  ...platformSettingDefinitions,
  ...registrySettingDefinitions,
  ...documentSettingDefinitions,
  ...agencySettingDefinitions,
  ...readinessSettingDefinitions,
  ...confirmationSettingDefinitions,
  ...eligibilitySettingDefinitions,
  ...whitelistSettingDefinitions,
  ...enforcementSettingDefinitions,
} as const;

export type SettingKey = keyof typeof settingDefinitions;
export type SettingValue<K extends SettingKey> = (typeof settingDefinitions)[K]['default'];

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingDefinitions, key);
}
