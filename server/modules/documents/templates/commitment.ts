import { Type } from 'typebox';
import { chineseDate } from '../../../platform/documents/format.js';
import {
  colors,
  mm,
  paragraphs,
  rule,
  sealArea,
  splitParagraphs,
  textAt,
  verificationBlock,
  widthOf,
} from '../../../platform/documents/layout.js';
import { defineTemplate } from '../../../platform/documents/template.js';
import { defaultCommitmentText } from './commitment-text.js';

const CalendarDate = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });

export const CommitmentData = Type.Object(
  {
    enterpriseName: Type.String({ minLength: 1, maxLength: 100 }),
    /** 统一社会信用代码 */
    uscc: Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$' }),
    legalRepresentative: Type.String({ minLength: 1, maxLength: 50 }),
    address: Type.Optional(Type.String({ maxLength: 200 })),
    /** the text the enterprise signed; paragraphs separated by line breaks */
    commitmentText: Type.String({ minLength: 1, maxLength: 6000 }),
    /** version label of the signed text, printed small under it */
    textVersion: Type.Optional(Type.String({ maxLength: 40 })),
    signedOn: CalendarDate,
  },
  { additionalProperties: false },
);

const page = { width: 595.28, height: 841.89 };
const margins = { top: 25 * mm, bottom: 40 * mm, left: 25 * mm, right: 25 * mm };
const textWidth = page.width - margins.left - margins.right;
const footerTop = page.height - 34 * mm;

/** 安全生产合规承诺书: the enterprise's signed commitment, numbered and registered by the bureau. */
export const commitmentTemplate = defineTemplate({
  kind: 'commitment',
  label: '安全生产合规承诺书',
  version: 1,
  schema: CommitmentData,
  numberPatternKey: 'documents.numberPattern.commitment',
  layout: 'portrait',
  margins,
  sample: () => ({
    enterpriseName: '温州市鹿城区示例鞋业有限公司',
    uscc: '91330302MA2H0EXA1K',
    legalRepresentative: '王建国',
    address: '温州市鹿城区双屿街道示例路88号',
    commitmentText: defaultCommitmentText(),
    signedOn: '2026-03-02',
  }),
  render(doc, data, facts) {
    const left = margins.left;
    const right = page.width - margins.right;
    const centre = page.width / 2;

    // red title with the double rule of an official document, the number under it
    textAt(doc, '安全生产合规承诺书', centre, 16 * mm, {
      size: 24,
      bold: true,
      color: colors.red,
      spacing: 4,
      align: 'center',
    });
    rule(doc, left, right, 16 * mm + 40, 1.6, colors.red);
    rule(doc, left, right, 16 * mm + 43.5, 0.5, colors.red);
    textAt(doc, facts.number, right, 16 * mm + 50, { size: 11, color: colors.ink, align: 'right' });

    textAt(doc, `${facts.issuerName}：`, left, margins.top + 42, { size: 13.5, bold: true });
    let y = paragraphs(doc, splitParagraphs(data.commitmentText), {
      x: left,
      y: margins.top + 66,
      width: textWidth,
      size: 12,
      lineGap: 5.5,
      paragraphGap: 2.5,
    });
    if (data.textVersion) {
      textAt(doc, `（承诺书文本版本：${data.textVersion}）`, right, y + 2, {
        size: 9,
        color: colors.grey,
        align: 'right',
      });
      y += 14;
    }

    // the enterprise and its representative
    const rows: [string, string][] = [
      ['承诺企业', data.enterpriseName],
      ['统一社会信用代码', data.uscc],
      ['法定代表人', data.legalRepresentative],
    ];
    if (data.address) rows.push(['经营地址', data.address]);
    const blockHeight = rows.length * 22 + 14 + 12 + 40 + 30 + 20;
    if (y + 16 + blockHeight > page.height - margins.bottom) {
      doc.addPage();
      y = margins.top;
    }
    y += 14;
    const labelWidth = widthOf(doc, '统一社会信用代码：', { size: 12 });
    for (const [label, value] of rows) {
      textAt(doc, `${label}：`, left + 2 * 12.5, y, { size: 12, color: colors.grey });
      textAt(doc, value, left + 2 * 12.5 + labelWidth, y, { size: 12 });
      rule(doc, left + 2 * 12.5 + labelWidth, right - 10, y + 18, 0.4, colors.faint);
      y += 22;
    }

    // signatures, seal and date, bottom right
    y += 12;
    const signX = left + textWidth * 0.46;
    textAt(doc, '承诺企业（盖章）：', signX, y, { size: 12.5 });
    sealArea(doc, right - 48, y + 20, 36);
    y += 40;
    textAt(doc, '法定代表人（签字）：', signX, y, { size: 12.5 });
    rule(
      doc,
      signX + widthOf(doc, '法定代表人（签字）：', { size: 12.5 }),
      right - 4,
      y + 17,
      0.6,
      colors.ink,
    );
    y += 30;
    textAt(doc, `签署日期：${chineseDate(data.signedOn)}`, signX, y, { size: 12.5 });

    // registration footer with the verification QR code
    rule(doc, left, right, footerTop, 0.5, colors.faint);
    const qrSize = 25 * mm;
    verificationBlock(doc, facts, right - qrSize, footerTop + 8, qrSize);
    const lines = [
      `登记机关：${facts.issuerName}`,
      `登记编号：${facts.number}`,
      `登记日期：${chineseDate(facts.issuedAt)}`,
      `核验码：${facts.verificationCode}`,
      '扫描右侧二维码可查验本承诺书的真实性与有效状态。',
    ];
    lines.forEach((line, i) =>
      textAt(doc, line, left, footerTop + 10 + i * 14, { size: 9, color: colors.grey }),
    );
  },
});
