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

export const AdviceLetterData = Type.Object(
  {
    enterpriseName: Type.String({ minLength: 1, maxLength: 100 }),
    uscc: Type.String({ minLength: 18, maxLength: 18 }),
    /** the department that gives the advice, e.g. 温州市鹿城区应急管理局 or 鹿城区消防救援大队 */
    departmentName: Type.String({ minLength: 1, maxLength: 60 }),
    /** the kind of violation the advice is about, e.g. 特种作业人员未按规定持证上岗 */
    violationTypeName: Type.String({ minLength: 1, maxLength: 200 }),
    /** e.g. 《中华人民共和国安全生产法》第三十条 */
    legalBasis: Type.String({ minLength: 1, maxLength: 500 }),
    /** why the letter is sent, e.g. 近30日内本区鞋革制造行业发生同类违法行为12起 */
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
    /** what the enterprise is to check and put right */
    items: Type.Array(
      Type.Object({ text: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false }),
      { minItems: 1, maxItems: 50 },
    ),
    /** the last day for the written reply */
    replyBy: CalendarDate,
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

/**
 * 安全生产合规建议书: sent to the enterprises of an industry or subdistrict where a kind of violation has become
 * frequent, asking them to check themselves against the listed items, put things right and reply in writing.
 */
export const adviceLetterTemplate = defineTemplate({
  kind: 'advice_letter',
  label: '安全生产合规建议书',
  version: 1,
  schema: AdviceLetterData,
  numberPatternKey: 'documents.numberPattern.advice_letter',
  layout: 'portrait',
  margins,
  check: (d) => {
    const out: { field: string; message: string }[] = [];
    if (!isCalendarDate(d.replyBy)) out.push({ field: 'replyBy', message: '日期无效' });
    d.items.forEach((item, i) => {
      if (item.text.trim() === '') out.push({ field: `items/${i}/text`, message: '不能为空' });
    });
    return out;
  },
  sample: () => ({
    enterpriseName: '温州市鹿城区双屿红蜻蜓鞋业有限公司',
    uscc: '91330302MA2AB0C3XK',
    departmentName: '温州市鹿城区应急管理局',
    violationTypeName: '特种作业人员未按规定持证上岗',
    legalBasis: '《中华人民共和国安全生产法》第三十条',
    reason: '近30日内本区鞋革制造行业发生同类违法行为12起',
    items: [
      { text: '全面排查本单位电工、焊接与热切割等特种作业人员，逐一核对特种作业操作证及有效期' },
      { text: '对无证或证件过期人员立即停止其特种作业，安排参加培训考核，取证后方可上岗' },
      { text: '建立特种作业人员台账，明确证件复审提醒责任人' },
      { text: '将特种作业持证情况纳入班前检查内容，并保存检查记录' },
    ],
    replyBy: '2027-04-30',
  }),
  render(doc, data, facts) {
    const left = margins.left;
    const right = page.width - margins.right;
    const centre = page.width / 2;

    // red title with the double rule of an official document, the number under it
    textAt(doc, '安全生产合规建议书', centre, 16 * mm, {
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
    const deadline = chineseDate(data.replyBy);
    y = paragraphs(
      doc,
      [
        `${asClause(data.reason)}，主要表现为“${data.violationTypeName}”。` +
          `该行为违反了${basisClause(data.legalBasis)}的规定，易导致生产安全事故发生。`,
        `为督促你单位（统一社会信用代码：${data.uscc}）依法落实安全生产主体责任，防范同类违法行为发生，` +
          `${data.departmentName}建议你单位对照下列事项开展自查，发现问题立即整改，` +
          `并于${deadline}前通过安全生产合规管理平台书面回复自查整改情况：`,
      ],
      { ...body, y: y + 6 },
    );
    y = paragraphs(
      doc,
      data.items.map((item, i) => `${i + 1}. ${asClause(item.text)}。`),
      { ...body, y },
    );
    y = paragraphs(
      doc,
      [
        `你单位在规定期限内未书面回复的，将列为重点检查对象；已列入白名单的，依规启动退出程序。`,
        '特此建议。',
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
      `建议单位：${data.departmentName}`,
      ...(facts.issuerName !== data.departmentName ? [`编号机关：${facts.issuerName}`] : []),
      `文书编号：${facts.number}`,
      `核验码：${facts.verificationCode}`,
      '扫描右侧二维码可查验本建议书的真实性。',
    ];
    lines.forEach((line, i) =>
      textAt(doc, line, left, footerTop + 10 + i * 14, { size: 9, color: colors.grey }),
    );
  },
});
