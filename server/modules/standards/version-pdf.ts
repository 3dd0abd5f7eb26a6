import PDFDocument from 'pdfkit';
import { applicabilityTags } from '../../../domain/standards.js';
import { fontBytes } from '../../platform/documents/fonts.js';
import { colors, fonts, mm } from '../../platform/documents/layout.js';
import type { getVersion } from './queries.js';
import { formatLegalBasis } from './items-xlsx.js';

type VersionDetail = Awaited<ReturnType<typeof getVersion>>;

const statusLabel: Record<string, string> = {
  draft: '草稿',
  published: '已发布',
  filed: '已备案',
  superseded: '已废止',
};

/** The version as a printable A4 booklet: title block, then every module with its items; key items marked. */
export async function renderVersionPdf(v: VersionDetail): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 22 * mm, bottom: 20 * mm, left: 20 * mm, right: 20 * mm },
    bufferPages: true,
    lang: 'zh-CN',
    info: { Title: `${v.standard.title} ${v.number}`, Creator: 'SafeComply' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(fonts.regular, fontBytes('regular'));
  doc.registerFont(fonts.bold, fontBytes('bold'));
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;

  doc
    .font(fonts.bold)
    .fontSize(18)
    .fillColor(colors.ink)
    .text(v.standard.title, left, doc.y, { width, align: 'center' });
  doc.moveDown(0.4);
  doc.font(fonts.regular).fontSize(10.5).fillColor(colors.grey);
  const meta = [
    `版本 ${v.number}`,
    statusLabel[v.status] ?? v.status,
    v.documentNumber ? `文号 ${v.documentNumber}` : null,
    v.publishDate ? `发布日期 ${v.publishDate}` : null,
    `适用行业代码 ${v.standard.industryScope.join('、')}`,
  ];
  doc.text(meta.filter(Boolean).join('\u3000'), { width, align: 'center' });
  doc.moveDown(0.3);
  doc
    .moveTo(left, doc.y)
    .lineTo(left + width, doc.y)
    .lineWidth(1)
    .strokeColor(colors.red)
    .stroke();
  doc.moveDown(0.8);

  const tagLabel = new Map<string, string>(applicabilityTags.map((t) => [t.code, t.zh]));
  for (const [mi, m] of v.modules.entries()) {
    const items = v.items.filter((i) => i.module === m.code);
    if (items.length === 0) continue;
    doc
      .font(fonts.bold)
      .fontSize(13)
      .fillColor(colors.ink)
      .text(`${'一二三四五六七八九十'[mi] ?? mi + 1}、${m.name}`, left, doc.y, { width });
    doc.moveDown(0.3);
    for (const i of items) {
      if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
      doc
        .font(fonts.bold)
        .fontSize(10.5)
        .fillColor(i.isKey ? colors.red : colors.ink)
        .text(`${i.code}${i.isKey ? '【重点】' : ''}\u3000`, left, doc.y, { continued: true, width });
      doc.font(fonts.regular).fillColor(colors.ink).text(i.requirement, { width });
      doc.fontSize(9).fillColor(colors.grey);
      const lines = [
        i.legalBasis.length ? `依据：${formatLegalBasis(i.legalBasis)}` : null,
        i.checkMethod ? `检查方法：${i.checkMethod}` : null,
        i.evidence ? `证明材料：${i.evidence}` : null,
        i.tags.length ? `适用情形：${i.tags.map((t) => tagLabel.get(t) ?? t).join('、')}` : null,
        i.majorHazard
          ? `对应重大事故隐患判定：${i.majorHazard.source === 'MEM-2023-10' ? '《工贸企业重大事故隐患判定标准》' : 'GB 35181《重大火灾隐患判定方法》'}${i.majorHazard.article}${i.majorHazard.item ?? ''}`
          : null,
      ].filter((l): l is string => Boolean(l));
      for (const l of lines) doc.text(l, left + 4 * mm, doc.y, { width: width - 4 * mm });
      doc.moveDown(0.5);
    }
    doc.moveDown(0.4);
  }
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    doc
      .font(fonts.regular)
      .fontSize(9)
      .fillColor(colors.faint)
      .text(`第 ${p + 1} 页 / 共 ${range.count} 页`, left, doc.page.height - 14 * mm, {
        width,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
