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

export const ExitDecisionData = Type.Object(
  {
    enterpriseName: Type.String({ minLength: 1, maxLength: 100 }),
    uscc: Type.String({ minLength: 18, maxLength: 18 }),
    /** the white-list entry number that the decision voids */
    whitelistNumber: Type.String({ minLength: 1, maxLength: 40 }),
    /** the exit situation as the rules name it (exitReasonLabels) */
    reasonLabel: Type.String({ minLength: 1, maxLength: 200 }),
    /** what was found: the facts the decision rests on */
    summary: Type.String({ minLength: 1, maxLength: 2000 }),
    decidedOn: CalendarDate,
    measures: Type.Array(
      Type.Object(
        {
          label: Type.String({ minLength: 1, maxLength: 100 }),
          startsOn: CalendarDate,
          /** null: until the rectification is complete */
          endsOn: Type.Union([CalendarDate, Type.Null()]),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
);

const page = { width: 595.28, height: 841.89 };
const margins = { top: 25 * mm, bottom: 40 * mm, left: 25 * mm, right: 25 * mm };
const textWidth = page.width - margins.left - margins.right;
const footerTop = page.height - 34 * mm;

/** The summary as one clause of the decision's sentence: line breaks joined, the closing stop dropped. */
function asClause(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('')
    .replace(/[。.；;，,！!]+$/, '');
}

function period(m: { startsOn: string; endsOn: string | null }): string {
  if (m.endsOn === null) return `自${chineseDate(m.startsOn)}起至整改完成`;
  if (m.endsOn === m.startsOn) return `于${chineseDate(m.startsOn)}执行`;
  return `自${chineseDate(m.startsOn)}起至${chineseDate(m.endsOn)}`;
}

/** 退出白名单决定书: the bureau removes an enterprise from the list, voids its number and states the measures. */
export const exitDecisionTemplate = defineTemplate({
  kind: 'exit_decision',
  label: '退出安全生产合规白名单决定书',
  version: 1,
  schema: ExitDecisionData,
  numberPatternKey: 'documents.numberPattern.exit_decision',
  layout: 'portrait',
  margins,
  check: (d) =>
    d.measures.flatMap((m, i) =>
      m.endsOn !== null && m.endsOn < m.startsOn
        ? [{ field: `measures/${i}/endsOn`, message: '措施截止日期不能早于起始日期' }]
        : [],
    ),
  sample: () => ({
    enterpriseName: '温州市鹿城区双屿红蜻蜓鞋业有限公司',
    uscc: '91330302MA2AB0C3XK',
    whitelistNumber: '鹿安合白〔2026〕0001号',
    reasonLabel: '执法检查发现重大事故隐患',
    summary:
      '于2027年3月10日区应急管理局执法检查中被发现喷胶车间违规存放易燃胶粘剂、局部排风设施停用，构成重大事故隐患。',
    decidedOn: '2027-03-20',
    measures: [
      { label: '不得重新申请入库', startsOn: '2027-03-20', endsOn: '2029-03-20' },
      { label: '收回已享受的惠企措施', startsOn: '2027-03-20', endsOn: '2027-03-20' },
      { label: '提高执法检查频次', startsOn: '2027-03-20', endsOn: '2028-03-20' },
      {
        label: '限制财政资金支持、暂停项目审批（重点审查项问题整改前）',
        startsOn: '2027-03-20',
        endsOn: null,
      },
    ],
  }),
  render(doc, data, facts) {
    const left = margins.left;
    const right = page.width - margins.right;
    const centre = page.width / 2;
    textAt(doc, '退出安全生产合规白名单决定书', centre, 16 * mm, {
      size: 21,
      bold: true,
      color: colors.red,
      spacing: 2,
      align: 'center',
    });
    rule(doc, left, right, 16 * mm + 38, 1.6, colors.red);
    rule(doc, left, right, 16 * mm + 41.5, 0.5, colors.red);
    textAt(doc, facts.number, right, 16 * mm + 48, { size: 11, color: colors.ink, align: 'right' });

    const body = { x: left, width: textWidth, size: 12, lineGap: 5.5, paragraphGap: 4 };
    let y = paragraphs(doc, [`${data.enterpriseName}：`], {
      ...body,
      y: margins.top + 42,
      size: 13.5,
      bold: true,
      indent: false,
    });
    const decision =
      `经查，你单位（统一社会信用代码：${data.uscc}）${asClause(data.summary)}，属于“${data.reasonLabel}”情形。` +
      '根据《鹿城区安全生产合规管理暂行办法》，决定将你单位移出安全生产合规“白名单”，' +
      `白名单编号${data.whitelistNumber}同时作废，铜匾须予以收回。`;
    y = paragraphs(doc, [decision], { ...body, y: y + 6 });
    if (data.measures.length > 0) {
      y = paragraphs(doc, ['自本决定作出之日起，对你单位采取以下管理措施：'], { ...body, y });
      y = paragraphs(
        doc,
        data.measures.map((m, i) => `${i + 1}. ${m.label}，${period(m)}。`),
        { ...body, y },
      );
    }
    y = paragraphs(
      doc,
      [
        '你单位如对本决定不服，可以自收到本决定书之日起六十日内依法申请行政复议，' +
          '或者在六个月内依法提起行政诉讼。',
      ],
      { ...body, y },
    );

    if (y + 110 > footerTop) {
      doc.addPage();
      y = margins.top;
    }
    y += 30;
    const signX = left + textWidth * 0.5;
    textAt(doc, facts.issuerName, signX, y, { size: 12.5 });
    sealArea(doc, signX + widthOf(doc, facts.issuerName, { size: 12.5 }) / 2, y + 8, 36);
    y += 30;
    textAt(doc, chineseDate(data.decidedOn), signX, y, { size: 12.5 });

    rule(doc, left, right, footerTop, 0.5, colors.faint);
    const qrSize = 25 * mm;
    verificationBlock(doc, facts, right - qrSize, footerTop + 8, qrSize);
    const lines = [
      `作出机关：${facts.issuerName}`,
      `文书编号：${facts.number}`,
      `核验码：${facts.verificationCode}`,
      '扫描右侧二维码可查验本决定书的真实性。',
    ];
    lines.forEach((line, i) =>
      textAt(doc, line, left, footerTop + 10 + i * 14, { size: 9, color: colors.grey }),
    );
  },
});
