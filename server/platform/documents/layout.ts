import { drawQrCode } from './qr.js';

/**
 * Drawing helpers for official documents (GB/T 9704-2012 in spirit: A4, red header rule, 2-character paragraph
 * indent, issuer and date bottom right over the seal). Sizes are in PDF points; `mm` converts.
 */
export const mm = 72 / 25.4;

export const fonts = { regular: 'NotoSansSC-Regular', bold: 'NotoSansSC-Bold' } as const;

export const colors = {
  red: '#c8161d',
  ink: '#1a1a1a',
  grey: '#5f5f5f',
  faint: '#9a9a9a',
} as const;

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
  /** extra space between characters, in points */
  spacing?: number;
}

function apply(doc: PDFKit.PDFDocument, style: TextStyle): void {
  doc.font(style.bold ? fonts.bold : fonts.regular).fontSize(style.size).fillColor(style.color ?? colors.ink);
}

export function widthOf(doc: PDFKit.PDFDocument, text: string, style: TextStyle): number {
  apply(doc, style);
  return doc.widthOfString(text, { characterSpacing: style.spacing ?? 0 });
}

/**
 * One line of text at an absolute position: never wrapped, never breaking the page. `x` is the left edge, the
 * centre or the right edge depending on `align`; `y` is the top of the line.
 */
export function textAt(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  style: TextStyle & { align?: 'left' | 'center' | 'right' },
): void {
  const width = widthOf(doc, text, style);
  const left = style.align === 'center' ? x - width / 2 : style.align === 'right' ? x - width : x;
  apply(doc, style);
  doc.text(text, left, y, { lineBreak: false, characterSpacing: style.spacing ?? 0 });
}

/** Shrink the font size until `text` fits in `maxWidth` (long enterprise names on a plaque). */
export function fittingSize(doc: PDFKit.PDFDocument, text: string, style: TextStyle, maxWidth: number, minSize = 8): number {
  let size = style.size;
  while (size > minSize && widthOf(doc, text, { ...style, size }) > maxWidth) size -= 0.5;
  return size;
}

/**
 * Body paragraphs flowing inside the page margins (continuing on a new page when needed), each with a first-line
 * indent of two characters. Returns the y after the last line.
 */
export function paragraphs(
  doc: PDFKit.PDFDocument,
  texts: readonly string[],
  style: TextStyle & { x: number; y: number; width: number; lineGap?: number; paragraphGap?: number; indent?: boolean },
): number {
  apply(doc, style);
  doc.x = style.x;
  doc.y = style.y;
  for (const text of texts) {
    apply(doc, style);
    doc.text(text, style.x, doc.y, {
      width: style.width,
      indent: style.indent === false ? 0 : style.size * 2,
      lineGap: style.lineGap ?? style.size * 0.6,
      paragraphGap: style.paragraphGap ?? style.size * 0.3,
      characterSpacing: style.spacing ?? 0,
      align: 'left',
    });
  }
  return doc.y;
}

/** Split a plain text into paragraphs: blank lines or single line breaks both separate paragraphs. */
export function splitParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

export function rule(doc: PDFKit.PDFDocument, x1: number, x2: number, y: number, width: number, color: string): void {
  doc.save().moveTo(x1, y).lineTo(x2, y).lineWidth(width).strokeColor(color).stroke().restore();
}

/** Where the seal goes: a dashed circle with a faint label, so the printed letter shows where to stamp it. */
export function sealArea(doc: PDFKit.PDFDocument, cx: number, cy: number, radius: number, label = '（盖章）'): void {
  doc.save();
  doc.circle(cx, cy, radius).lineWidth(0.8).dash(3, { space: 3 }).strokeColor(colors.faint).stroke();
  doc.undash();
  doc.restore();
  textAt(doc, label, cx, cy - 6, { size: 9, color: colors.faint, align: 'center' });
}

/**
 * The verification block: the QR code of the verification URL with a caption under it. `x`, `y` is the top left of
 * the code; returns the bottom of the caption.
 */
export function verificationBlock(
  doc: PDFKit.PDFDocument,
  facts: { verifyUrl: string; verificationCode: string },
  x: number,
  y: number,
  size: number,
  color: string = colors.grey,
): number {
  drawQrCode(doc, facts.verifyUrl, x, y, size);
  textAt(doc, '扫码核验真伪', x + size / 2, y + size + 2, { size: 8, color, align: 'center' });
  return y + size + 12;
}

/** The diagonal mark on previews, so a sample can never pass for an issued document. */
export function previewWatermark(doc: PDFKit.PDFDocument): void {
  const { width, height } = doc.page;
  doc.save();
  doc.rotate(-35, { origin: [width / 2, height / 2] });
  doc.fillOpacity(0.12);
  textAt(doc, '样 本 · 仅供预览', width / 2, height / 2 - 30, { size: 60, bold: true, color: colors.red, align: 'center' });
  doc.restore();
}
