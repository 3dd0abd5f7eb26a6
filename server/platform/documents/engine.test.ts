import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { chinaDayEnd, chinaYear, chineseDate, chineseLastDay } from './format.js';
import { paragraphs, textAt, verificationBlock } from './layout.js';
import { formatDocumentNumber } from './numbering.js';
import { extractPdfText } from './pdf-text.js';
import { renderDocument } from './render.js';
import { effectiveStatus } from './status.js';
import { defineTemplate, findTemplate, registerTemplate, type RenderFacts } from './template.js';
import { assertTemplateData } from './validate.js';
import {
  isWellFormedVerificationCode,
  newVerificationCode,
  sameVerificationCode,
  verificationUrl,
} from './verification.js';

/** A minimal template, as a later module would write one. */
const noticeTemplate = defineTemplate({
  kind: 'engine_test_notice',
  label: '测试通知书',
  version: 1,
  schema: Type.Object(
    { addressee: Type.String({ minLength: 1 }), body: Type.String({ minLength: 1 }), from: Type.String(), to: Type.String() },
    { additionalProperties: false },
  ),
  numberPatternKey: 'documents.numberPattern.commitment',
  layout: 'portrait',
  margins: { top: 72, bottom: 72, left: 72, right: 72 },
  check: (d) => (d.to < d.from ? [{ field: 'to', message: '截止日期不能早于起始日期' }] : []),
  sample: () => ({ addressee: '某某公司', body: '请于十五日内完成整改。', from: '2026-01-01', to: '2026-01-15' }),
  render(doc, data, facts) {
    textAt(doc, '测试通知书', 297, 72, { size: 20, bold: true, align: 'center' });
    textAt(doc, facts.number, 523, 110, { size: 11, align: 'right' });
    paragraphs(doc, [`${data.addressee}：`, data.body], { x: 72, y: 140, width: 451, size: 12 });
    verificationBlock(doc, facts, 450, 700, 70);
  },
});

const facts: RenderFacts = {
  number: '鹿测〔2026〕1号',
  issuedAt: new Date('2026-03-02T02:30:00Z'),
  issuerName: '温州市鹿城区应急管理局',
  verificationCode: 'k5qv3zq2m7xw4nq6r2d5t7y3aa',
  verifyUrl: 'https://aq.example.gov.cn/verify/k5qv3zq2m7xw4nq6r2d5t7y3aa',
  preview: false,
};

describe('document numbers', () => {
  it('fills the pattern from the jurisdiction, year and sequence', () => {
    expect(formatDocumentNumber('{short}应急合规建〔{year}〕{n}号', { short: '鹿', year: 2026, n: 12 })).toBe('鹿应急合规建〔2026〕12号');
    expect(formatDocumentNumber('{short}牌〔{year}〕{n:3}号', { short: '鹿', year: 2026, n: 7 })).toBe('鹿牌〔2026〕007号');
    expect(formatDocumentNumber('{short}承〔{year}〕{n:3}号', { short: '鹿', year: 2026, n: '×' })).toBe('鹿承〔2026〕×号');
  });

  it('counts years in China Standard Time', () => {
    expect(chinaYear(new Date('2025-12-31T15:59:59Z'))).toBe(2025);
    expect(chinaYear(new Date('2025-12-31T16:00:00Z'))).toBe(2026);
  });
});

describe('dates on documents', () => {
  it('prints calendar dates and instants the Chinese way', () => {
    expect(chineseDate('2026-03-02')).toBe('2026年3月2日');
    expect(chineseDate(new Date('2026-03-01T16:30:00Z'))).toBe('2026年3月2日');
  });

  it('treats validUntil as the first instant after the last valid day', () => {
    const end = chinaDayEnd('2029-03-01');
    expect(end.toISOString()).toBe('2029-03-01T16:00:00.000Z');
    expect(chineseLastDay(end)).toBe('2029年3月1日');
    expect(effectiveStatus({ status: 'valid', validUntil: end }, new Date('2029-03-01T15:59:59Z'))).toBe('valid');
    expect(effectiveStatus({ status: 'valid', validUntil: end }, end)).toBe('expired');
    expect(effectiveStatus({ status: 'revoked', validUntil: end }, end)).toBe('revoked');
  });
});

describe('verification codes', () => {
  it('are 128-bit base32, distinct and compared by content', () => {
    const codes = new Set(Array.from({ length: 200 }, () => newVerificationCode()));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(isWellFormedVerificationCode(code)).toBe(true);
    const [a, b] = [...codes];
    expect(sameVerificationCode(a, a)).toBe(true);
    expect(sameVerificationCode(a, b)).toBe(false);
    expect(sameVerificationCode(a, `${a}x`)).toBe(false);
    expect(verificationUrl('https://x.test/', a)).toBe(`https://x.test/verify/${a}`);
  });
});

describe('templates', () => {
  it('are registered per version; the newest serves new documents, the old ones re-render', () => {
    const v2 = { ...noticeTemplate, version: 2 };
    registerTemplate(noticeTemplate);
    registerTemplate(v2);
    registerTemplate(noticeTemplate); // idempotent
    expect(findTemplate('engine_test_notice')).toBe(v2);
    expect(findTemplate('engine_test_notice', 1)).toBe(noticeTemplate);
    expect(findTemplate('engine_test_notice', 3)).toBeUndefined();
    expect(() => registerTemplate({ ...noticeTemplate })).toThrow(/registered twice/);
  });

  it('validate data by schema and cross-field rules', () => {
    expect(() => assertTemplateData(noticeTemplate, noticeTemplate.sample())).not.toThrow();
    try {
      assertTemplateData(noticeTemplate, { ...noticeTemplate.sample(), addressee: '', to: '2025-12-31' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).fieldErrors.map((f) => f.field)).toEqual(['data/addressee']);
    }
    try {
      assertTemplateData(noticeTemplate, { ...noticeTemplate.sample(), to: '2025-12-31' });
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).fieldErrors).toEqual([{ field: 'data/to', code: 'check', message: '截止日期不能早于起始日期' }]);
    }
  });

  it('render deterministically: same snapshot and facts, same bytes', async () => {
    const a = await renderDocument(noticeTemplate, noticeTemplate.sample(), facts);
    const b = await renderDocument(noticeTemplate, JSON.parse(JSON.stringify(noticeTemplate.sample())), { ...facts });
    expect(Buffer.compare(a.bytes, b.bytes)).toBe(0);
    expect(a.sha256).toBe(b.sha256);
    const later = await renderDocument(noticeTemplate, noticeTemplate.sample(), { ...facts, issuedAt: new Date('2026-03-02T02:30:01Z') });
    expect(later.sha256).not.toBe(a.sha256);
    const text = extractPdfText(a.bytes);
    expect(text).toContain('测试通知书');
    expect(text).toContain('鹿测〔2026〕1号');
    expect(text).toContain('请于十五日内完成整改。');
  });
});
