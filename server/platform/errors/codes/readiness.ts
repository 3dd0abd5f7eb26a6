import type { ErrorSpec } from '../catalogue.js';

/** Getting ready: commitment, self-inspection, hazards and extension requests. */
export const readinessErrors = {
  COMMITMENT_NOT_FOUND: { status: 404, zh: '承诺书不存在', en: 'No such commitment' },
  COMMITMENT_SIGNATORY_MISMATCH: {
    status: 400,
    zh: '以法定代表人身份签署时，签署人须为企业登记的法定代表人',
    en: 'Signing as legal representative requires the registered legal representative’s name',
  },
  COMMITMENT_AUTHORISATION_REQUIRED: {
    status: 400,
    zh: '受托人签署须上传法定代表人授权委托书',
    en: 'An authorised signatory must upload the letter of authorisation',
  },
  COMMITMENT_ALREADY_SIGNED: {
    status: 409,
    zh: '企业已签署当前版本的承诺书，无需重复签署',
    en: 'The enterprise has already signed the current commitment text',
  },
  INSPECTION_NOT_FOUND: { status: 404, zh: '自查记录不存在', en: 'No such inspection' },
  INSPECTION_NO_STANDARD: {
    status: 409,
    zh: '该企业所属行业尚无已备案的合规标准，暂不能开展自查',
    en: 'No filed compliance standard covers the enterprise’s industry yet',
  },
  INSPECTION_IN_PROGRESS: {
    status: 409,
    zh: '已有一份进行中的自查，请先完成它',
    en: 'An inspection is already in progress; complete it first',
  },
  INSPECTION_COMPLETED: {
    status: 409,
    zh: '自查已完成，不能再修改',
    en: 'A completed inspection cannot change',
  },
  INSPECTION_ITEM_NOT_FOUND: {
    status: 404,
    zh: '本次自查不包含该条目',
    en: 'The inspection has no such item',
  },
  INSPECTION_ITEM_UNANSWERED: {
    status: 400,
    zh: '还有条目未作答或待复核，不能完成自查',
    en: 'Some items are unanswered or still to review',
  },
  INSPECTION_KEY_ITEM_NO_EVIDENCE: {
    status: 400,
    zh: '重点审查项判定为符合时须上传证据',
    en: 'A key item marked compliant needs evidence',
  },
  INSPECTION_NA_WITHOUT_REASON: {
    status: 400,
    zh: '判定为不适用时须说明理由',
    en: 'Not applicable needs a reason',
  },
  INSPECTION_AGENCY_NOT_ENGAGED: {
    status: 403,
    zh: '该机构未受企业委托开展首次检查',
    en: 'The agency is not engaged by the enterprise for a first inspection',
  },
  EVIDENCE_NOT_ATTACHED: {
    status: 400,
    zh: '证据文件不存在或未上传到本记录',
    en: 'The evidence file is not attached to this record',
  },
  HAZARD_NOT_FOUND: { status: 404, zh: '隐患不存在', en: 'No such hazard' },
  HAZARD_TRANSITION: {
    status: 409,
    zh: '隐患当前状态不允许此操作',
    en: 'The hazard’s status does not allow this action',
  },
  HAZARD_AFTER_EVIDENCE_REQUIRED: {
    status: 400,
    zh: '提交整改完成须上传整改后照片或证据',
    en: 'Closing a hazard needs after-rectification evidence',
  },
  HAZARD_DEADLINE_PAST: { status: 400, zh: '整改期限不能早于今天', en: 'The deadline cannot be in the past' },
  HAZARD_DEADLINE_NEEDS_EXTENSION: {
    status: 400,
    zh: '推迟整改期限须向街道提交延期整改申请',
    en: 'A later deadline needs an extension request to the subdistrict',
  },
  HAZARD_FIELD_READONLY: {
    status: 400,
    zh: '隐患的报告时间等记录不可修改',
    en: 'The hazard’s reported time and record cannot be edited',
  },
  EXTENSION_NOT_FOUND: { status: 404, zh: '延期申请不存在', en: 'No such extension request' },
  EXTENSION_PENDING_EXISTS: {
    status: 409,
    zh: '该隐患已有待审批的延期申请',
    en: 'The hazard already has a pending extension request',
  },
  EXTENSION_TRANSITION: {
    status: 409,
    zh: '延期申请已处理，不能再操作',
    en: 'The extension request has been decided',
  },
  EXTENSION_INTERIM_CONTROLS_REQUIRED: {
    status: 400,
    zh: '延期整改申请须说明整改期间的临时防范措施',
    en: 'An extension request must state the interim accident-prevention controls',
  },
  EXTENSION_DEADLINE_INVALID: {
    status: 400,
    zh: '申请的整改期限须晚于现期限，且不超过规定的最长延期',
    en: 'The new deadline must be after the current one and within the maximum extension',
  },
  EXTENSION_HAZARD_CLOSED: {
    status: 409,
    zh: '隐患已整改完成，无需延期',
    en: 'The hazard is already rectified',
  },
} as const satisfies Record<string, ErrorSpec>;
