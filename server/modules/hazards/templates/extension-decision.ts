import { Type } from 'typebox';
import { chineseDate } from '../../../platform/documents/format.js';
import {
  colors,
  mm,
  paragraphs,
  rule,
  sealArea,
  textAt,
  verificationBlock,
  widthOf,
} from '../../../platform/documents/layout.js';
import { defineTemplate } from '../../../platform/documents/template.js';

const CalendarDate = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });

export const ExtensionDecisionData = Type.Object(
  {
    enterpriseName: Type.String({ minLength: 1, maxLength: 100 }),
    uscc: Type.String({ minLength: 18, maxLength: 18 }),
    hazardTitle: Type.String({ minLength: 1, maxLength: 300 }),
    severity: Type.Union([Type.Literal('general'), Type.Literal('major')]),
    reportedOn: CalendarDate,
    originalDeadline: CalendarDate,
    deadlineAtRequest: CalendarDate,
    requestedDeadline: CalendarDate,
    reason: Type.String({ minLength: 1, maxLength: 2000 }),
    interimControls: Type.String({ minLength: 1, maxLength: 2000 }),
    decision: Type.Union([Type.Literal('approved'), Type.Literal('refused')]),
    approvedDeadline: Type.Optional(CalendarDate),
    decisionReason: Type.String({ maxLength: 2000 }),
    subdistrictName: Type.String({ minLength: 1, maxLength: 40 }),
    decidedOn: CalendarDate,
  },
  { additionalProperties: false },
);

const page = { width: 595.28, height: 841.89 };
const margins = { top: 25 * mm, bottom: 40 * mm, left: 25 * mm, right: 25 * mm };
const textWidth = page.width - margins.left - margins.right;
const footerTop = page.height - 34 * mm;

/** 延期整改审批意见书: the subdistrict's decision on an enterprise's request for a later rectification deadline. */
export const extensionDecisionTemplate = defineTemplate({
  kind: 'extension_decision',
  label: '延期整改审批意见书',
  version: 1,
  schema: ExtensionDecisionData,
  numberPatternKey: 'documents.numberPattern.extension_decision',
  layout: 'portrait',
  margins,
  check: (d) => {
    const out: { field: string; message: string }[] = [];
    if (d.decision === 'approved' && !d.approvedDeadline)
      out.push({ field: 'approvedDeadline', message: '同意延期须写明新的整改期限' });
    if (d.decision === 'refused' && !d.decisionReason.trim())
      out.push({ field: 'decisionReason', message: '不同意延期须说明理由' });
    return out;
  },
  sample: () => ({
    enterpriseName: '温州市鹿城区双屿红蜻蜓鞋业有限公司',
    uscc: '91330302MA2AB0C3XK',
    hazardTitle: 'C3.2 喷胶作业场所局部排风设施未正常运行',
    severity: 'general' as const,
    reportedOn: '2026-11-02',
    originalDeadline: '2026-12-02',
    deadlineAtRequest: '2026-12-02',
    requestedDeadline: '2026-12-31',
    reason: '排风设备需向厂家定制，供货周期约四周。',
    interimControls: '喷胶工位减半作业，增设移动式排风机，每班检测车间 VOCs 浓度并记录。',
    decision: 'approved' as const,
    approvedDeadline: '2026-12-31',
    decisionReason: '临时防范措施可行，同意延期。',
    subdistrictName: '双屿街道',
    decidedOn: '2026-11-20',
  }),
  render(doc, data, facts) {
    const left = margins.left;
    const right = page.width - margins.right;
    const centre = page.width / 2;
    textAt(doc, '延期整改审批意见书', centre, 16 * mm, {
      size: 22,
      bold: true,
      color: colors.red,
      spacing: 3,
      align: 'center',
    });
    rule(doc, left, right, 16 * mm + 38, 1.6, colors.red);
    rule(doc, left, right, 16 * mm + 41.5, 0.5, colors.red);
    textAt(doc, facts.number, right, 16 * mm + 48, { size: 11, color: colors.ink, align: 'right' });

    textAt(doc, `${data.enterpriseName}：`, left, margins.top + 42, { size: 13.5, bold: true });
    const severity = data.severity === 'major' ? '重大事故隐患' : '一般事故隐患';
    const intro =
      `你单位于${chineseDate(data.reportedOn)}自查发现的${severity}“${data.hazardTitle}”，原定整改期限为${chineseDate(data.originalDeadline)}` +
      (data.deadlineAtRequest !== data.originalDeadline
        ? `（申请时整改期限为${chineseDate(data.deadlineAtRequest)}）`
        : '') +
      `。你单位申请延期至${chineseDate(data.requestedDeadline)}，理由为：${data.reason}`;
    const decision =
      data.decision === 'approved'
        ? `经审查，${data.subdistrictName}同意延期整改，整改期限延至${chineseDate(data.approvedDeadline ?? data.requestedDeadline)}。${data.decisionReason.trim() ? `意见：${data.decisionReason.trim()}` : ''}延期期间，你单位须严格落实以下临时防范措施，确保安全：${data.interimControls}`
        : `经审查，${data.subdistrictName}不同意延期整改，理由为：${data.decisionReason}。请你单位在原整改期限${chineseDate(data.deadlineAtRequest)}前完成整改，整改期间落实临时防范措施：${data.interimControls}`;
    const closing = '逾期未完成整改的，将依法依规处理。';
    let y = paragraphs(doc, [intro, decision, closing], {
      x: left,
      y: margins.top + 66,
      width: textWidth,
      size: 12,
      lineGap: 5.5,
      paragraphGap: 4,
    });

    if (y + 110 > footerTop) {
      doc.addPage();
      y = margins.top;
    }
    y += 30;
    const signX = left + textWidth * 0.5;
    const unit = `${data.subdistrictName}（盖章）`;
    textAt(doc, unit, signX, y, { size: 12.5 });
    sealArea(doc, signX + widthOf(doc, unit, { size: 12.5 }) / 2, y + 8, 36);
    y += 30;
    textAt(doc, chineseDate(data.decidedOn), signX, y, { size: 12.5 });

    rule(doc, left, right, footerTop, 0.5, colors.faint);
    const qrSize = 25 * mm;
    verificationBlock(doc, facts, right - qrSize, footerTop + 8, qrSize);
    const lines = [
      `登记机关：${facts.issuerName}`,
      `文书编号：${facts.number}`,
      `核验码：${facts.verificationCode}`,
      '扫描右侧二维码可查验本意见书的真实性。',
    ];
    lines.forEach((line, i) =>
      textAt(doc, line, left, footerTop + 10 + i * 14, { size: 9, color: colors.grey }),
    );
  },
});
