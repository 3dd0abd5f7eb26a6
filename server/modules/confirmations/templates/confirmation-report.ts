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
} from '../../../platform/documents/layout.js';
import { defineTemplate } from '../../../platform/documents/template.js';

const CalendarDate = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });
/** 全角空格 between the parts of a line */
const gap = '\u3000';
const resultLabel = { compliant: '符合', non_compliant: '不符合', not_applicable: '不适用' } as const;

export const ConfirmationReportData = Type.Object(
  {
    enterpriseName: Type.String({ minLength: 1, maxLength: 100 }),
    uscc: Type.String({ minLength: 18, maxLength: 18 }),
    agencyName: Type.String({ minLength: 1, maxLength: 100 }),
    agencyGrade: Type.String({ maxLength: 10 }),
    standardTitle: Type.String({ minLength: 1, maxLength: 200 }),
    versionNumber: Type.String({ maxLength: 20 }),
    siteVisitDate: CalendarDate,
    conclusion: Type.Union([Type.Literal('confirmed'), Type.Literal('not_confirmed')]),
    conclusionNote: Type.String({ maxLength: 2000 }),
    items: Type.Array(
      Type.Object({
        code: Type.String({ maxLength: 20 }),
        requirement: Type.String({ maxLength: 1000 }),
        result: Type.Union([
          Type.Literal('compliant'),
          Type.Literal('non_compliant'),
          Type.Literal('not_applicable'),
        ]),
        note: Type.String({ maxLength: 1000 }),
      }),
      { maxItems: 200 },
    ),
    engineers: Type.Array(
      Type.Object({
        name: Type.String({ maxLength: 50 }),
        certificateNumber: Type.String({ maxLength: 40 }),
        signedOn: CalendarDate,
      }),
      { minItems: 2, maxItems: 2 },
    ),
    validUntil: Type.Optional(CalendarDate),
  },
  { additionalProperties: false },
);

const page = { width: 595.28, height: 841.89 };
const margins = { top: 25 * mm, bottom: 30 * mm, left: 22 * mm, right: 22 * mm };
const textWidth = page.width - margins.left - margins.right;

/** 第三方确认报告: the key items checked, their results, the conclusion and the two engineers who signed it. */
export const confirmationReportTemplate = defineTemplate({
  kind: 'confirmation_report',
  label: '安全生产合规第三方确认报告',
  version: 1,
  schema: ConfirmationReportData,
  numberPatternKey: 'documents.numberPattern.confirmation_report',
  layout: 'portrait',
  margins,
  check: (d) =>
    d.engineers[0]?.certificateNumber === d.engineers[1]?.certificateNumber
      ? [{ field: 'engineers', message: '须由两名不同的工程师签字' }]
      : [],
  sample: () => ({
    enterpriseName: '温州市鹿城区双屿红蜻蜓鞋业有限公司',
    uscc: '91330302MA2AB0C3XK',
    agencyName: '温州安信安全技术服务有限公司',
    agencyGrade: 'B',
    standardTitle: '鞋革制造企业安全生产合规标准',
    versionNumber: '1.0',
    siteVisitDate: '2026-11-20',
    conclusion: 'confirmed' as const,
    conclusionNote: '重点审查项均符合要求。',
    items: [
      { code: 'A1.1', requirement: '建立全员安全生产责任制', result: 'compliant' as const, note: '' },
      {
        code: 'E2.3',
        requirement: '喷胶作业场所设置局部排风设施并正常运行',
        result: 'compliant' as const,
        note: '现场检测正常',
      },
    ],
    engineers: [
      { name: '陈立', certificateNumber: 'ZAQ2019330001', signedOn: '2026-11-21' },
      { name: '林晓', certificateNumber: 'ZAQ2020330002', signedOn: '2026-11-21' },
    ],
    validUntil: '2027-11-20',
  }),
  render(doc, data, facts) {
    const left = margins.left;
    const right = page.width - margins.right;
    const centre = page.width / 2;
    textAt(doc, '安全生产合规第三方确认报告', centre, 16 * mm, {
      size: 20,
      bold: true,
      color: colors.red,
      spacing: 2,
      align: 'center',
    });
    rule(doc, left, right, 16 * mm + 34, 1.6, colors.red);
    textAt(doc, facts.number, right, 16 * mm + 42, { size: 10.5, color: colors.ink, align: 'right' });

    const verdict = data.conclusion === 'confirmed' ? '确认合规' : '不予确认';
    const facts1 = [
      `受确认企业：${data.enterpriseName}（统一社会信用代码 ${data.uscc}）`,
      `确认机构：${data.agencyName}（资质等级 ${data.agencyGrade}）`,
      `依据标准：${data.standardTitle}（${data.versionNumber} 版）重点审查项`,
      `现场核查日期：${chineseDate(data.siteVisitDate)}`,
      `确认结论：${verdict}${data.validUntil ? `，有效期至${chineseDate(data.validUntil)}` : ''}`,
    ];
    let y = paragraphs(doc, facts1, {
      x: left,
      y: margins.top + 40,
      width: textWidth,
      size: 11.5,
      lineGap: 4,
      paragraphGap: 2,
    });
    if (data.conclusionNote.trim())
      y = paragraphs(doc, [`说明：${data.conclusionNote.trim()}`], {
        x: left,
        y: y + 4,
        width: textWidth,
        size: 11,
        lineGap: 4,
        paragraphGap: 2,
      });

    y += 10;
    textAt(doc, '重点审查项核查结果', left, y, { size: 12.5, bold: true });
    y += 20;
    for (const item of data.items) {
      const line = `${item.code}${gap}${item.requirement}${gap}【${resultLabel[item.result]}】${item.note ? `${gap}${item.note}` : ''}`;
      if (y > page.height - margins.bottom - 60) {
        doc.addPage();
        y = margins.top;
      }
      y = paragraphs(doc, [line], { x: left, y, width: textWidth, size: 10, lineGap: 3, paragraphGap: 1 });
    }

    if (y > page.height - margins.bottom - 150) {
      doc.addPage();
      y = margins.top;
    }
    y += 16;
    textAt(doc, '注册安全工程师签字', left, y, { size: 12.5, bold: true });
    y += 20;
    for (const e of data.engineers) {
      textAt(
        doc,
        `${e.name}${gap}证书编号 ${e.certificateNumber}${gap}签字日期 ${chineseDate(e.signedOn)}`,
        left,
        y,
        { size: 11 },
      );
      y += 18;
    }
    y += 10;
    textAt(doc, `${data.agencyName}（盖章）`, left + textWidth * 0.45, y, { size: 12 });
    sealArea(doc, right - 50, y + 10, 34);
    const qrSize = 24 * mm;
    verificationBlock(doc, facts, left, y + 26, qrSize);
    textAt(
      doc,
      `核验码：${facts.verificationCode}${gap}扫描二维码可查验本报告真实性`,
      left + qrSize + 8,
      y + 40,
      { size: 9, color: colors.grey },
    );
  },
});
