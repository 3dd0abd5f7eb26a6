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
  'commitment.signed': { 'zh-CN': '签署承诺书', en: 'Commitment signed' },
  'inspection.started': { 'zh-CN': '开始自查', en: 'Inspection started' },
  'inspection.answered': { 'zh-CN': '自查作答', en: 'Inspection item answered' },
  'inspection.completed': { 'zh-CN': '完成自查', en: 'Inspection completed' },
  'hazard.reported': { 'zh-CN': '发现隐患', en: 'Hazard reported' },
  'hazard.updated': { 'zh-CN': '修改隐患', en: 'Hazard updated' },
  'hazard.rectification_started': { 'zh-CN': '开始整改', en: 'Rectification started' },
  'hazard.closure_submitted': { 'zh-CN': '提交整改完成', en: 'Rectification submitted' },
  'hazard.verified': { 'zh-CN': '整改验收通过', en: 'Rectification verified' },
  'hazard.verification_rejected': { 'zh-CN': '整改验收退回', en: 'Rectification rejected' },
  'hazard.reopened': { 'zh-CN': '隐患重新打开', en: 'Hazard reopened' },
  'hazard.overdue': { 'zh-CN': '隐患逾期', en: 'Hazard overdue' },
  'extension.requested': { 'zh-CN': '申请延期整改', en: 'Extension requested' },
  'extension.approved': { 'zh-CN': '同意延期整改', en: 'Extension approved' },
  'extension.refused': { 'zh-CN': '不同意延期整改', en: 'Extension refused' },
  'extension.withdrawn': { 'zh-CN': '撤回延期申请', en: 'Extension withdrawn' },
  'engineer.added': { 'zh-CN': '登记注册安全工程师', en: 'Engineer added' },
  'engineer.edited': { 'zh-CN': '修改工程师信息', en: 'Engineer edited' },
  'engineer.reviewed': { 'zh-CN': '审核工程师', en: 'Engineer reviewed' },
  'confirmation.requested': { 'zh-CN': '委托第三方确认', en: 'Confirmation requested' },
  'confirmation.accepted': { 'zh-CN': '接受确认委托', en: 'Confirmation accepted' },
  'confirmation.declined': { 'zh-CN': '拒绝确认委托', en: 'Confirmation declined' },
  'confirmation.withdrawn': { 'zh-CN': '撤回确认委托', en: 'Confirmation withdrawn' },
  'confirmation.item_checked': { 'zh-CN': '核查重点审查项', en: 'Key item checked' },
  'confirmation.concluded': { 'zh-CN': '得出确认结论', en: 'Confirmation concluded' },
  'confirmation.reopened': { 'zh-CN': '退回修改确认结论', en: 'Conclusion reopened' },
  'confirmation.signed': { 'zh-CN': '工程师签字', en: 'Engineer signed' },
  'confirmation.effective': { 'zh-CN': '第三方确认生效', en: 'Confirmation effective' },
  'confirmation.revoked': { 'zh-CN': '认定虚假确认', en: 'Confirmation revoked as false' },
  'calendar.year_entered': { 'zh-CN': '录入节假日安排', en: 'Holiday schedule entered' },
  'accident.recorded': { 'zh-CN': '登记生产安全事故', en: 'Accident recorded' },
  'penalty.recorded': { 'zh-CN': '登记行政处罚', en: 'Penalty recorded' },
  'dishonesty.listed': { 'zh-CN': '列入严重失信名单', en: 'Listed as seriously dishonest' },
  'whitelist.application_created': { 'zh-CN': '创建白名单申请', en: 'Application drafted' },
  'whitelist.application_submitted': { 'zh-CN': '提交白名单申请', en: 'Application submitted' },
  'whitelist.application_collected': { 'zh-CN': '街镇收集报送', en: 'Collected by the subdistrict' },
  'whitelist.review_started': { 'zh-CN': '开始形式审查', en: 'Formal review started' },
  'whitelist.opinions_requested': { 'zh-CN': '征求部门意见', en: 'Opinions requested' },
  'whitelist.opinion_given': { 'zh-CN': '部门反馈意见', en: 'Opinion given' },
  'whitelist.opinion_lapsed': { 'zh-CN': '部门逾期未反馈意见', en: 'Opinion deadline passed' },
  'whitelist.application_noticed': { 'zh-CN': '列入公示', en: 'Put on public notice' },
  'whitelist.application_published': { 'zh-CN': '发布入库', en: 'Published on the white list' },
  'whitelist.application_reconsidered': {
    'zh-CN': '异议成立，重新审查',
    en: 'Back to review after an objection',
  },
  'whitelist.application_returned': { 'zh-CN': '退回申请', en: 'Application returned' },
  'whitelist.application_rejected': { 'zh-CN': '不予入库', en: 'Application rejected' },
  'whitelist.application_withdrawn': { 'zh-CN': '撤回申请', en: 'Application withdrawn' },
  'whitelist.batch_created': { 'zh-CN': '街镇汇总报送', en: 'Batch sent' },
  'whitelist.notice_opened': { 'zh-CN': '发布公示', en: 'Public notice opened' },
  'whitelist.notice_published': { 'zh-CN': '公示期满发布白名单', en: 'Notice published' },
  'whitelist.objection_filed': { 'zh-CN': '收到公示异议', en: 'Objection filed' },
  'whitelist.objection_handled': { 'zh-CN': '处理公示异议', en: 'Objection handled' },
  'whitelist.entry_suspended': { 'zh-CN': '暂停白名单资格', en: 'Entry suspended' },
  'whitelist.entry_reinstated': { 'zh-CN': '恢复白名单资格', en: 'Entry reinstated' },
  'whitelist.entry_renewed': { 'zh-CN': '复核通过，延续有效期', en: 'Entry renewed' },
  'whitelist.annual_review_opened': { 'zh-CN': '开启年度复核', en: 'Annual review opened' },
  'whitelist.annual_review_submitted': { 'zh-CN': '企业提交年度复核', en: 'Annual review submitted' },
  'whitelist.annual_review_decided': { 'zh-CN': '年度复核结论', en: 'Annual review decided' },
  'whitelist.annual_review_missed': { 'zh-CN': '未按期复核', en: 'Annual review missed' },
  'whitelist.exit_proposed': { 'zh-CN': '提出退出事项', en: 'Exit proposed' },
  'whitelist.exit_decided': { 'zh-CN': '决定退出白名单', en: 'Exit decided' },
  'whitelist.exit_dismissed': { 'zh-CN': '不予退出', en: 'Exit dismissed' },
  'document.batch_issued': { 'zh-CN': '批量出具文书', en: 'Documents issued in bulk' },
  'enforcement.inspection_recorded': { 'zh-CN': '登记执法检查', en: 'Inspection recorded' },
  'enforcement.penalty_decided': { 'zh-CN': '作出处罚决定', en: 'Penalty decided' },
  'enforcement.violation_rectified': { 'zh-CN': '违法行为整改复查合格', en: 'Violation rectified' },
  'advice.campaign_proposed': { 'zh-CN': '提议批量发送合规建议书', en: 'Advice campaign proposed' },
  'advice.campaign_approved': { 'zh-CN': '批准发送合规建议书', en: 'Advice campaign approved' },
  'advice.campaign_rejected': { 'zh-CN': '不予发送合规建议书', en: 'Advice campaign rejected' },
  'advice.letters_sent': { 'zh-CN': '发送一批合规建议书', en: 'Advice letters sent' },
  'advice.campaign_sent': { 'zh-CN': '合规建议书发送完毕', en: 'Advice campaign sent' },
  'advice.campaign_closed': { 'zh-CN': '合规建议书批次结束', en: 'Advice campaign closed' },
  'advice.letter_sent': { 'zh-CN': '发送合规建议书', en: 'Advice letter sent' },
  'advice.letter_replied': { 'zh-CN': '企业书面回复合规建议书', en: 'Advice letter answered' },
  'advice.letter_overdue': { 'zh-CN': '合规建议书逾期未回复', en: 'Advice letter overdue' },
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
  commitment: { 'zh-CN': '承诺书', en: 'Commitment' },
  assessment: { 'zh-CN': '自查', en: 'Inspection' },
  hazard: { 'zh-CN': '隐患', en: 'Hazard' },
  extension_request: { 'zh-CN': '延期申请', en: 'Extension request' },
  engineer: { 'zh-CN': '注册安全工程师', en: 'Engineer' },
  confirmation: { 'zh-CN': '第三方确认', en: 'Confirmation' },
  calendar_year: { 'zh-CN': '节假日安排', en: 'Holiday schedule' },
  accident: { 'zh-CN': '生产安全事故', en: 'Accident' },
  penalty: { 'zh-CN': '行政处罚', en: 'Penalty' },
  dishonesty_listing: { 'zh-CN': '严重失信', en: 'Dishonesty listing' },
  whitelist_application: { 'zh-CN': '白名单申请', en: 'White-list application' },
  collection_batch: { 'zh-CN': '街镇报送批次', en: 'Collection batch' },
  public_notice: { 'zh-CN': '公示', en: 'Public notice' },
  objection: { 'zh-CN': '公示异议', en: 'Objection' },
  whitelist_entry: { 'zh-CN': '白名单', en: 'White-list entry' },
  annual_review: { 'zh-CN': '年度复核', en: 'Annual review' },
  whitelist_exit: { 'zh-CN': '退出事项', en: 'Exit' },
  enforcement_inspection: { 'zh-CN': '执法检查', en: 'Inspection' },
  violation: { 'zh-CN': '违法行为', en: 'Violation' },
  advice_campaign: { 'zh-CN': '合规建议书批次', en: 'Advice campaign' },
  advice_letter: { 'zh-CN': '合规建议书', en: 'Advice letter' },
};

export function eventKindLabel(kind: string, locale: LabelLocale = 'zh-CN'): string {
  return eventKindLabels[kind]?.[locale] ?? kind;
}

export function entityTypeLabel(type: string, locale: LabelLocale = 'zh-CN'): string {
  return entityTypeLabels[type]?.[locale] ?? type;
}
