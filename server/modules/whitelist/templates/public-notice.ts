import { Type } from 'typebox';
import { chineseDate } from '../../../platform/documents/format.js';
import {
  colors,
  fonts,
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

export const PublicNoticeData = Type.Object(
  {
    /** the notice's own title, e.g. 关于2026年第一批安全生产合规企业白名单的公示 */
    title: Type.String({ minLength: 1, maxLength: 200 }),
    startsOn: CalendarDate,
    endsOn: CalendarDate,
    /** the length of the period in working days, as the notice states it */
    workingDays: Type.Integer({ minimum: 1 }),
    /** the end was counted on weekdays because the calendar does not know that year's holidays yet */
    endsEstimated: Type.Boolean(),
    enterprises: Type.Array(
      Type.Object(
        {
          enterpriseName: Type.String({ minLength: 1, maxLength: 100 }),
          uscc: Type.String({ minLength: 18, maxLength: 18 }),
          subdistrictName: Type.String({ maxLength: 40 }),
          industryName: Type.String({ maxLength: 100 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 500 },
    ),
    /** how to object: the portal address, the telephone … */
    objectionChannel: Type.String({ maxLength: 500 }),
  },
  { additionalProperties: false },
);

const page = { width: 595.28, height: 841.89 };
const margins = { top: 25 * mm, bottom: 40 * mm, left: 25 * mm, right: 25 * mm };
const textWidth = page.width - margins.left - margins.right;
const footerTop = page.height - 34 * mm;
/** the lowest y a table row or a paragraph may reach on a page */
const bodyBottom = page.height - margins.bottom;

const table = {
  size: 9,
  headerSize: 9.5,
  padX: 4,
  padY: 4,
  columns: [
    { title: '序号', width: 28, align: 'center' },
    { title: '企业名称', width: 166, align: 'left' },
    { title: '统一社会信用代码', width: 114, align: 'center' },
    { title: '所属街镇', width: 60, align: 'center' },
    { title: '行业', width: textWidth - 28 - 166 - 114 - 60, align: 'left' },
  ],
} as const;

type Row = readonly [string, string, string, string, string];

function cellHeight(
  doc: PDFKit.PDFDocument,
  text: string,
  width: number,
  size: number,
  bold: boolean,
): number {
  doc.font(bold ? fonts.bold : fonts.regular).fontSize(size);
  return doc.heightOfString(text || ' ', { width: width - 2 * table.padX, lineGap: 1 });
}

function rowHeight(doc: PDFKit.PDFDocument, row: Row, size: number, bold: boolean): number {
  const heights = row.map((text, i) => cellHeight(doc, text, table.columns[i].width, size, bold));
  return Math.max(...heights) + 2 * table.padY;
}

/** One row of the table with its cell borders; returns the y under it. */
function drawRow(doc: PDFKit.PDFDocument, row: Row, y: number, header: boolean): number {
  const size = header ? table.headerSize : table.size;
  const height = rowHeight(doc, row, size, header);
  let x = margins.left;
  doc.save();
  if (header) doc.rect(x, y, textWidth, height).fill('#f2f2f2');
  doc.restore();
  row.forEach((text, i) => {
    const column = table.columns[i];
    doc.save();
    doc.rect(x, y, column.width, height).lineWidth(0.5).strokeColor(colors.grey).stroke();
    doc.restore();
    doc
      .font(header ? fonts.bold : fonts.regular)
      .fontSize(size)
      .fillColor(colors.ink);
    const textHeight = cellHeight(doc, text, column.width, size, header);
    doc.text(text, x + table.padX, y + (height - textHeight) / 2, {
      width: column.width - 2 * table.padX,
      align: column.align,
      lineGap: 1,
    });
    x += column.width;
  });
  return y + height;
}

/** 白名单公示: the enterprises the bureau proposes to list, the period and how to object. */
export const publicNoticeTemplate = defineTemplate({
  kind: 'public_notice',
  label: '安全生产合规企业白名单公示',
  version: 1,
  schema: PublicNoticeData,
  numberPatternKey: 'documents.numberPattern.public_notice',
  layout: 'portrait',
  margins,
  check: (d) => (d.endsOn < d.startsOn ? [{ field: 'endsOn', message: '公示截止日期不能早于起始日期' }] : []),
  sample: () => ({
    title: '关于2026年第一批安全生产合规企业白名单的公示',
    startsOn: '2026-12-21',
    endsOn: '2027-01-05',
    workingDays: 10,
    endsEstimated: true,
    enterprises: [
      {
        enterpriseName: '温州市鹿城区双屿红蜻蜓鞋业有限公司',
        uscc: '91330302MA2AB0C3XK',
        subdistrictName: '双屿街道',
        industryName: '皮鞋制造',
      },
      {
        enterpriseName: '温州市鹿城区示例鞋业有限公司',
        uscc: '91330302MA2H0EXA1K',
        subdistrictName: '仰义街道',
        industryName: '皮鞋制造',
      },
    ],
    objectionChannel:
      '登录鹿城区安全生产合规管理平台“白名单公示”栏目在线提出，或致电 0577-88888888（工作日 8:30—17:00）',
  }),
  render(doc, data, facts) {
    const left = margins.left;
    const right = page.width - margins.right;
    const centre = page.width / 2;

    textAt(doc, '安全生产合规企业白名单公示', centre, 16 * mm, {
      size: 22,
      bold: true,
      color: colors.red,
      spacing: 3,
      align: 'center',
    });
    rule(doc, left, right, 16 * mm + 38, 1.6, colors.red);
    rule(doc, left, right, 16 * mm + 41.5, 0.5, colors.red);
    textAt(doc, facts.number, right, 16 * mm + 48, { size: 11, color: colors.ink, align: 'right' });

    // the notice's own title, centred and wrapped when long
    doc.font(fonts.bold).fontSize(15).fillColor(colors.ink);
    doc.text(data.title, left, margins.top + 42, { width: textWidth, align: 'center', lineGap: 4 });

    const period = `${chineseDate(data.startsOn)}至${chineseDate(data.endsOn)}（${data.workingDays}个工作日）`;
    const intro =
      '经企业申请、街镇收集、区应急管理局形式审查并征求相关部门意见，现将以下拟纳入安全生产合规“白名单”的企业' +
      `予以公示，接受社会监督。公示期为${period}。`;
    let y = paragraphs(doc, [intro], {
      x: left,
      y: doc.y + 14,
      width: textWidth,
      size: 12,
      lineGap: 5.5,
      paragraphGap: 4,
    });
    if (data.endsEstimated) {
      y = paragraphs(
        doc,
        ['注：公示截止日期所在年度的法定节假日安排尚未公布，截止日期按周一至周五工作日估算。'],
        {
          x: left,
          y,
          width: textWidth,
          size: 10,
          color: colors.grey,
          lineGap: 3,
          paragraphGap: 4,
        },
      );
    }

    // the enterprises, the header row repeated on every page the table runs onto
    const header: Row = ['序号', '企业名称', '统一社会信用代码', '所属街镇', '行业'];
    y += 8;
    if (y + rowHeight(doc, header, table.headerSize, true) * 2 > bodyBottom) {
      doc.addPage();
      y = margins.top;
    }
    y = drawRow(doc, header, y, true);
    data.enterprises.forEach((e, i) => {
      const row: Row = [String(i + 1), e.enterpriseName, e.uscc, e.subdistrictName, e.industryName];
      if (y + rowHeight(doc, row, table.size, false) > bodyBottom) {
        doc.addPage();
        y = drawRow(doc, header, margins.top, true);
      }
      y = drawRow(doc, row, y, false);
    });

    const channel = data.objectionChannel.trim().replace(/[。.；;，,]+$/, '');
    const objection = channel
      ? `公示期间，任何单位和个人对公示企业有异议的，可以实名提出，并提供必要的事实依据和联系方式。异议提出方式：${channel}。`
      : `公示期间，任何单位和个人对公示企业有异议的，可以向${facts.issuerName}实名提出，并提供必要的事实依据和联系方式。`;
    const protection = '受理机关将对异议人的信息予以保密；匿名或无具体事实依据的异议不予受理。';
    y = paragraphs(doc, [objection, protection], {
      x: left,
      y: y + 14,
      width: textWidth,
      size: 12,
      lineGap: 5.5,
      paragraphGap: 4,
    });

    // issuer, date and the seal, then the registration footer with the QR code (on the last page)
    if (y + 100 > footerTop) {
      doc.addPage();
      y = margins.top;
    }
    y += 30;
    const signX = left + textWidth * 0.5;
    textAt(doc, facts.issuerName, signX, y, { size: 12.5 });
    sealArea(doc, signX + widthOf(doc, facts.issuerName, { size: 12.5 }) / 2, y + 8, 36);
    y += 30;
    textAt(doc, chineseDate(facts.issuedAt), signX, y, { size: 12.5 });

    rule(doc, left, right, footerTop, 0.5, colors.faint);
    const qrSize = 25 * mm;
    verificationBlock(doc, facts, right - qrSize, footerTop + 8, qrSize);
    const lines = [
      `发布机关：${facts.issuerName}`,
      `公示编号：${facts.number}`,
      `核验码：${facts.verificationCode}`,
      '扫描右侧二维码可查验本公示的真实性。',
    ];
    lines.forEach((line, i) =>
      textAt(doc, line, left, footerTop + 10 + i * 14, { size: 9, color: colors.grey }),
    );
  },
});
