import { Type } from 'typebox';
import { isCalendarDate } from '../../../../domain/readiness.js';
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

export const RectificationNoticeData = Type.Object(
  {
    enterpriseName: Type.String({ minLength: 1, maxLength: 100 }),
    uscc: Type.String({ minLength: 18, maxLength: 18 }),
    /** the department that inspected and orders the rectification */
    departmentName: Type.String({ minLength: 1, maxLength: 60 }),
    inspectedOn: CalendarDate,
    violations: Type.Array(
      Type.Object(
        {
          /** the kind of violation, e.g. 特种作业人员未按规定持证上岗 */
          typeName: Type.String({ minLength: 1, maxLength: 200 }),
          /** what was found */
          description: Type.String({ minLength: 1, maxLength: 1000 }),
          /** e.g. 《中华人民共和国安全生产法》第三十条 */
          legalBasis: Type.String({ minLength: 1, maxLength: 500 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 30 },
    ),
    /** the last day for the rectification */
    deadline: CalendarDate,
  },
  { additionalProperties: false },
);

const page = { width: 595.28, height: 841.89 };
const margins = { top: 25 * mm, bottom: 40 * mm, left: 25 * mm, right: 25 * mm };
const textWidth = page.width - margins.left - margins.right;
const footerTop = page.height - 34 * mm;

/** A text as one clause of a sentence: line breaks joined, the closing stop dropped. */
function asClause(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('')
    .replace(/[。.；;，,！!]+$/, '');
}

/** A legal basis as the object of 违反了…的规定, whether or not the caller already wrote 的规定. */
function basisClause(text: string): string {
  return asClause(text).replace(/的规定$/, '');
}

/** 责令限期整改指令书: after an inspection, the department lists the violations found and sets a deadline. */
export const rectificationNoticeTemplate = defineTemplate({
  kind: 'rectification_notice',
  label: '责令限期整改指令书',
  version: 1,
  schema: RectificationNoticeData,
  numberPatternKey: 'documents.numberPattern.rectification_notice',
  layout: 'portrait',
  margins,
  check: (d) => {
    const out: { field: string; message: string }[] = [];
    const inspectedValid = isCalendarDate(d.inspectedOn);
    const deadlineValid = isCalendarDate(d.deadline);
    if (!inspectedValid) out.push({ field: 'inspectedOn', message: '日期无效' });
    if (!deadlineValid) out.push({ field: 'deadline', message: '日期无效' });
    if (inspectedValid && deadlineValid && d.deadline < d.inspectedOn)
      out.push({ field: 'deadline', message: '整改期限不能早于检查日期' });
    d.violations.forEach((v, i) => {
      if (v.description.trim() === '')
        out.push({ field: `violations/${i}/description`, message: '不能为空' });
    });
    return out;
  },
  sample: () => ({
    enterpriseName: '温州市鹿城区双屿红蜻蜓鞋业有限公司',
    uscc: '91330302MA2AB0C3XK',
    departmentName: '温州市鹿城区应急管理局',
    inspectedOn: '2027-03-10',
    violations: [
      {
        typeName: '特种作业人员未按规定持证上岗',
        description: '成型车间一名焊工未取得特种作业操作证，正在从事焊接作业',
        legalBasis: '《中华人民共和国安全生产法》第三十条第一款',
      },
      {
        typeName: '未按规定对安全设备进行经常性维护、保养',
        description: '喷胶车间局部排风设施停用，未见维护保养记录',
        legalBasis: '《中华人民共和国安全生产法》第三十六条第二款',
      },
    ],
    deadline: '2027-03-31',
  }),
  render(doc, data, facts) {
    const left = margins.left;
    const right = page.width - margins.right;
    const centre = page.width / 2;

    // red title with the double rule of an official document, the number under it
    textAt(doc, '责令限期整改指令书', centre, 16 * mm, {
      size: 22,
      bold: true,
      color: colors.red,
      spacing: 3,
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
    y = paragraphs(
      doc,
      [
        `${chineseDate(data.inspectedOn)}，${data.departmentName}依法对你单位` +
          `（统一社会信用代码：${data.uscc}）进行了安全生产检查。经检查，你单位存在下列问题：`,
      ],
      { ...body, y: y + 6 },
    );
    y = paragraphs(
      doc,
      data.violations.map(
        (v, i) =>
          `${i + 1}. ${asClause(v.description)}，属于“${v.typeName}”，` +
          `违反了${basisClause(v.legalBasis)}的规定。`,
      ),
      { ...body, y },
    );
    y = paragraphs(
      doc,
      [
        `现责令你单位于${chineseDate(data.deadline)}前整改完毕，达到有关法律、法规、规章和国家标准或者行业标准的要求，` +
          '并将整改情况通过安全生产合规管理平台书面报告。',
        '整改期间，你单位应当采取必要的安全防范措施，防止生产安全事故发生。',
        '你单位如不服本指令，可依法申请行政复议或者提起行政诉讼：自收到本指令书之日起六十日内申请行政复议，' +
          '或者在六个月内提起行政诉讼。复议、诉讼期间，本指令不停止执行，法律另有规定的除外。',
      ],
      { ...body, y },
    );

    // issuer over the seal and the date
    if (y + 110 > footerTop) {
      doc.addPage();
      y = margins.top;
    }
    y += 30;
    const signX = left + textWidth * 0.5;
    textAt(doc, data.departmentName, signX, y, { size: 12.5 });
    sealArea(doc, signX + widthOf(doc, data.departmentName, { size: 12.5 }) / 2, y + 8, 36);
    y += 30;
    textAt(doc, chineseDate(facts.issuedAt), signX, y, { size: 12.5 });

    // verification footer with the QR code
    rule(doc, left, right, footerTop, 0.5, colors.faint);
    const qrSize = 25 * mm;
    verificationBlock(doc, facts, right - qrSize, footerTop + 8, qrSize);
    const lines = [
      `作出机关：${data.departmentName}`,
      ...(facts.issuerName !== data.departmentName ? [`编号机关：${facts.issuerName}`] : []),
      `文书编号：${facts.number}`,
      `核验码：${facts.verificationCode}`,
      '扫描右侧二维码可查验本指令书的真实性。',
    ];
    lines.forEach((line, i) =>
      textAt(doc, line, left, footerTop + 10 + i * 14, { size: 9, color: colors.grey }),
    );
  },
});
