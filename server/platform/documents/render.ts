import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { TObject, Static } from 'typebox';
import { fontBytes } from './fonts.js';
import { fonts, previewWatermark } from './layout.js';
import type { DocumentTemplate, RenderFacts } from './template.js';

export interface RenderedPdf {
  bytes: Buffer;
  sha256: string;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Render a template to PDF bytes. Deterministic: the document information dictionary (and with it the trailer
 * /ID, which pdfkit derives from it) is dated by the issue time instead of the clock, fonts are subset in the
 * order glyphs are used, streams are deflated by the same zlib — the same snapshot gives the same bytes.
 */
export async function renderDocument<S extends TObject>(
  template: DocumentTemplate<S>,
  data: Static<S>,
  facts: RenderFacts,
): Promise<RenderedPdf> {
  const doc = new PDFDocument({
    size: 'A4',
    layout: template.layout,
    margins: template.margins,
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: facts.preview ? `${template.label}（样本）` : `${template.label} ${facts.number}`,
      Author: facts.issuerName,
      Subject: template.label,
      Creator: 'SafeComply 安全生产合规管理平台',
      Producer: 'SafeComply',
      CreationDate: facts.issuedAt,
      ModDate: facts.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(fonts.regular, fontBytes('regular'));
  doc.registerFont(fonts.bold, fontBytes('bold'));
  doc.font(fonts.regular);
  template.render(doc, data, facts);
  if (facts.preview) {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      previewWatermark(doc);
    }
  }
  doc.end();
  const bytes = await finished;
  return { bytes, sha256: sha256Hex(bytes) };
}
