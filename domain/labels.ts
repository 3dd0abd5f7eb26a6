/**
 * Human labels of domain values, in zh-CN (the default) and English. Server (documents, exports, messages)
 * and web (tables, menus) both read them from here, so a role is called the same everywhere.
 */
import type { Role, UnitKind } from './roles.js';

export type LabelLocale = 'zh-CN' | 'en';

export interface Label {
  'zh-CN': string;
  en: string;
}

export const roleLabels = {
  system_admin: { 'zh-CN': '系统管理员', en: 'System administrator' },
  bureau_admin: { 'zh-CN': '应急管理局管理员', en: 'Bureau administrator' },
  bureau_reviewer: { 'zh-CN': '应急管理局审核员', en: 'Bureau reviewer' },
  department_officer: { 'zh-CN': '部门工作人员', en: 'Department officer' },
  subdistrict_officer: { 'zh-CN': '街镇工作人员', en: 'Subdistrict officer' },
  enforcement_officer: { 'zh-CN': '行政执法人员', en: 'Enforcement officer' },
  enterprise_user: { 'zh-CN': '企业用户', en: 'Enterprise user' },
  agency_user: { 'zh-CN': '服务机构用户', en: 'Service agency user' },
  association_user: { 'zh-CN': '行业协会用户', en: 'Industry association user' },
  expert: { 'zh-CN': '安全生产专家', en: 'Safety expert' },
} as const satisfies Record<Role, Label>;

export const unitKindLabels = {
  jurisdiction: { 'zh-CN': '辖区', en: 'Jurisdiction' },
  department: { 'zh-CN': '部门', en: 'Department' },
  subdistrict: { 'zh-CN': '街镇', en: 'Subdistrict / town' },
  enterprise: { 'zh-CN': '企业', en: 'Enterprise' },
  agency: { 'zh-CN': '服务机构', en: 'Service agency' },
  association: { 'zh-CN': '行业协会', en: 'Industry association' },
} as const satisfies Record<UnitKind, Label>;

/** The label of a role, or the raw value when the role is unknown (a newer server than this client). */
export function roleLabel(role: string, locale: LabelLocale = 'zh-CN'): string {
  return role in roleLabels ? roleLabels[role as Role][locale] : role;
}

export function unitKindLabel(kind: string, locale: LabelLocale = 'zh-CN'): string {
  return kind in unitKindLabels ? unitKindLabels[kind as UnitKind][locale] : kind;
}

/**
 * Audit event kinds as the operation log shows them. A module that defines a kind adds its label here;
 * a kind without one is shown as its code.
 */
export const eventKindLabels: Record<string, Label> = {
  'jurisdiction.seeded': { 'zh-CN': '初始化辖区', en: 'Jurisdiction seeded' },
  'setting.changed': { 'zh-CN': '修改政策参数', en: 'Setting changed' },
  'job.failed': { 'zh-CN': '后台任务失败', en: 'Background job failed' },
  'user.created': { 'zh-CN': '新建用户', en: 'User created' },
  'user.updated': { 'zh-CN': '修改用户', en: 'User updated' },
  'user.password_changed': { 'zh-CN': '修改密码', en: 'Password changed' },
  'user.password_reset': { 'zh-CN': '重置密码', en: 'Password reset' },
  'user.locked': { 'zh-CN': '账号锁定', en: 'Account locked' },
  'user.unlocked': { 'zh-CN': '解除锁定', en: 'Account unlocked' },
  'user.binding_added': { 'zh-CN': '添加角色', en: 'Role added' },
  'user.binding_removed': { 'zh-CN': '移除角色', en: 'Role removed' },
  'user.logged_in': { 'zh-CN': '登录', en: 'Logged in' },
  'user.logged_out': { 'zh-CN': '退出登录', en: 'Logged out' },
  'agency.created': { 'zh-CN': '登记服务机构', en: 'Agency registered' },
  'agency.updated': { 'zh-CN': '修改服务机构', en: 'Agency updated' },
  'agency.status_changed': { 'zh-CN': '服务机构状态变更', en: 'Agency status changed' },
  'engagement.requested': { 'zh-CN': '委托服务机构', en: 'Agency engagement requested' },
  'engagement.accepted': { 'zh-CN': '机构接受委托', en: 'Engagement accepted' },
  'engagement.declined': { 'zh-CN': '机构拒绝委托', en: 'Engagement declined' },
  'engagement.withdrawn': { 'zh-CN': '撤回委托', en: 'Engagement withdrawn' },
  'engagement.ended': { 'zh-CN': '结束委托', en: 'Engagement ended' },
};

/** Entity types named in audit events. */
export const entityTypeLabels: Record<string, Label> = {
  jurisdiction: { 'zh-CN': '辖区', en: 'Jurisdiction' },
  user: { 'zh-CN': '用户', en: 'User' },
  setting: { 'zh-CN': '政策参数', en: 'Setting' },
  job: { 'zh-CN': '后台任务', en: 'Background job' },
  enterprise: { 'zh-CN': '企业', en: 'Enterprise' },
  park: { 'zh-CN': '园区', en: 'Park' },
  agency: { 'zh-CN': '服务机构', en: 'Agency' },
  engagement: { 'zh-CN': '服务委托', en: 'Service engagement' },
};

export function eventKindLabel(kind: string, locale: LabelLocale = 'zh-CN'): string {
  return eventKindLabels[kind]?.[locale] ?? kind;
}

export function entityTypeLabel(type: string, locale: LabelLocale = 'zh-CN'): string {
  return entityTypeLabels[type]?.[locale] ?? type;
}
