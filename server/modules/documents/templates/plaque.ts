import { Type } from 'typebox';
import { chineseDate } from '../../../platform/documents/format.js';
import { fittingSize, mm, rule, textAt, verificationBlock } from '../../../platform/documents/layout.js';
import { defineTemplate } from '../../../platform/documents/template.js';

const CalendarDate = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });

export const PlaqueData = Type.Object(
  {
    /** the programme's jurisdiction as it reads on the plaque, e.g. 鹿城区 */
    jurisdictionName: Type.String({ minLength: 1, maxLength: 20 }),
    enterpriseName: Type.String({ minLength: 1, maxLength: 100 }),
    /** the white-list entry number */
    whitelistNumber: Type.String({ minLength: 1, maxLength: 40 }),
    validFrom: CalendarDate,
    validTo: CalendarDate,
  },
  { additionalProperties: false },
);

const page = { width: 841.89, height: 595.28 };
const brass = {
  light: '#f1dc97',
  mid: '#d3ad4f',
  dark: '#b8892b',
  engrave: '#4a3209',
  frame: '#7a5716',
  red: '#9e1b1b',
};

/** 铜匾: the plaque of an enterprise on the white list (安全生产合规企业), with its validity and a QR code. */
export const plaqueTemplate = defineTemplate({
  kind: 'plaque',
  label: '安全生产合规企业牌匾',
  version: 1,
  schema: PlaqueData,
  numberPatternKey: 'documents.numberPattern.plaque',
  layout: 'landscape',
  margins: { top: 20 * mm, bottom: 20 * mm, left: 20 * mm, right: 20 * mm },
  check: (data) =>
    data.validTo < data.validFrom ? [{ field: 'validTo', message: '有效期截止日期不能早于起始日期' }] : [],
  sample: () => ({
    jurisdictionName: '鹿城区',
    enterpriseName: '温州市鹿城区示例鞋业有限公司',
    whitelistNumber: 'LC-HG-2026-0001',
    validFrom: '2026-03-02',
    validTo: '2029-03-01',
  }),
  render(doc, data, facts) {
    const { width, height } = page;
    const centre = width / 2;

    // brushed brass plate with a double engraved frame
    const plate = doc.linearGradient(0, 0, width, height);
    plate.stop(0, brass.light).stop(0.45, brass.mid).stop(0.55, '#e2c068').stop(1, brass.dark);
    doc.rect(0, 0, width, height).fill(plate);
    doc.save();
    doc
      .rect(9 * mm, 9 * mm, width - 18 * mm, height - 18 * mm)
      .lineWidth(3)
      .strokeColor(brass.frame)
      .stroke();
    doc
      .rect(12 * mm, 12 * mm, width - 24 * mm, height - 24 * mm)
      .lineWidth(0.8)
      .strokeColor(brass.frame)
      .stroke();
    doc.restore();

    // title: <jurisdiction>安全生产合规企业
    const title = `${data.jurisdictionName}安全生产合规企业`;
    const titleSize = fittingSize(doc, title, { size: 50, bold: true, spacing: 6 }, width - 60 * mm, 28);
    textAt(doc, title, centre, 32 * mm, {
      size: titleSize,
      bold: true,
      color: brass.red,
      spacing: 6,
      align: 'center',
    });
    rule(doc, centre - 95 * mm, centre + 95 * mm, 32 * mm + titleSize + 16, 1.2, brass.frame);
    rule(doc, centre - 80 * mm, centre + 80 * mm, 32 * mm + titleSize + 20, 0.5, brass.frame);

    // the enterprise
    const nameSize = fittingSize(
      doc,
      data.enterpriseName,
      { size: 32, bold: true, spacing: 2 },
      width - 70 * mm,
      16,
    );
    textAt(doc, data.enterpriseName, centre, 92 * mm, {
      size: nameSize,
      bold: true,
      color: brass.engrave,
      spacing: 2,
      align: 'center',
    });

    textAt(doc, `白名单编号：${data.whitelistNumber}`, centre, 118 * mm, {
      size: 15,
      color: brass.engrave,
      align: 'center',
    });
    textAt(doc, `有效期：${chineseDate(data.validFrom)}至${chineseDate(data.validTo)}`, centre, 128 * mm, {
      size: 15,
      color: brass.engrave,
      align: 'center',
    });

    // issuer and date, then number and QR code
    textAt(doc, facts.issuerName, centre, 152 * mm, {
      size: 18,
      bold: true,
      color: brass.engrave,
      spacing: 2,
      align: 'center',
    });
    textAt(doc, chineseDate(facts.issuedAt), centre, 162 * mm, {
      size: 13,
      color: brass.engrave,
      align: 'center',
    });

    textAt(doc, `编号：${facts.number}`, 20 * mm, height - 24 * mm, { size: 10, color: brass.engrave });
    const qrSize = 27 * mm;
    const qrX = width - 20 * mm - qrSize;
    const qrY = height - 22 * mm - qrSize - 8;
    verificationBlock(doc, facts, qrX, qrY, qrSize, brass.engrave);
  },
});
