import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors/app-error.js';
import { extractPdfText } from '../../platform/documents/pdf-text.js';
import {
  decodeQrCodes,
  pdftotext,
  popplerMissing,
  zbarMissing,
} from '../../platform/documents/pdf-tools.test-support.js';
import { renderDocument } from '../../platform/documents/render.js';
import type { RenderFacts } from '../../platform/documents/template.js';
import { assertTemplateData } from '../../platform/documents/validate.js';
import { commitmentTemplate } from './templates/commitment.js';
import { plaqueTemplate } from './templates/plaque.js';

const facts: RenderFacts = {
  number: '鹿应急合规承〔2026〕12号',
  issuedAt: new Date('2026-03-02T02:30:00Z'),
  issuerName: '温州市鹿城区应急管理局',
  verificationCode: 'k5qv3zq2m7xw4nq6r2d5t7y3aa',
  verifyUrl: 'https://aq.example.gov.cn/verify/k5qv3zq2m7xw4nq6r2d5t7y3aa',
  preview: false,
};

if (popplerMissing)
  console.warn('poppler-utils (pdftotext, pdftoppm) not installed: skipping the poppler checks');
if (zbarMissing) console.warn('zbar-tools (zbarimg) not installed: skipping the QR decoding checks');

describe('template data', () => {
  it('refuses data that does not fit the template, field by field', () => {
    const bad = {
      ...commitmentTemplate.sample(),
      uscc: 'not-a-uscc',
      signedOn: '2026-13-01',
      extra: 1,
    } as Record<string, unknown>;
    delete bad.enterpriseName;
    let error: AppError | undefined;
    try {
      assertTemplateData(commitmentTemplate, bad);
    } catch (e) {
      error = e as AppError;
    }
    expect(error?.code).toBe('DOCUMENT_DATA_INVALID');
    const fields = error!.fieldErrors.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['data/enterpriseName', 'data/uscc', 'data/signedOn']));
  });

  it('applies cross-field rules (a plaque valid to before it is valid from)', () => {
    expect(() =>
      assertTemplateData(plaqueTemplate, { ...plaqueTemplate.sample(), validTo: '2025-01-01' }),
    ).toThrow(AppError);
  });
});

describe('the commitment letter', () => {
  const data = commitmentTemplate.sample();

  it('renders the same bytes from the same snapshot', async () => {
    const first = await renderDocument(commitmentTemplate, data, facts);
    const second = await renderDocument(commitmentTemplate, JSON.parse(JSON.stringify(data)), { ...facts });
    expect(second.sha256).toBe(first.sha256);
    expect(Buffer.compare(first.bytes, second.bytes)).toBe(0);
    const other = await renderDocument(commitmentTemplate, data, {
      ...facts,
      issuedAt: new Date('2026-03-03T02:30:00Z'),
    });
    expect(other.sha256).not.toBe(first.sha256);
  });

  it('is one small A4 page with real Chinese text and a subset font', async () => {
    const { bytes } = await renderDocument(commitmentTemplate, data, facts);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBeLessThan(100 * 1024);
    const source = bytes.toString('latin1');
    expect(source.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(source).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    // subset fonts are named with a six-letter tag: ABCDEF+NotoSansSC-Regular
    expect(source).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC-Regular/);
    const text = extractPdfText(bytes);
    for (const expected of [
      '安全生产合规承诺书',
      '鹿应急合规承〔2026〕12号',
      '温州市鹿城区应急管理局：',
      '本企业自愿参加安全生产合规管理工作，现郑重承诺：',
      '温州市鹿城区示例鞋业有限公司',
      '91330302MA2H0EXA1K',
      '王建国',
      '法定代表人（签字）：',
      '签署日期：2026年3月2日',
      '核验码：k5qv3zq2m7xw4nq6r2d5t7y3aa',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it.skipIf(popplerMissing)('gives its text back to pdftotext', async () => {
    const { bytes } = await renderDocument(commitmentTemplate, data, facts);
    const text = pdftotext(bytes);
    expect(text).toContain('安全生产合规承诺书');
    expect(text).toContain('鹿应急合规承〔2026〕12号');
    expect(text).toContain('温州市鹿城区示例鞋业有限公司');
    expect(text).toContain('落实安全生产主体责任');
  });

  it.skipIf(popplerMissing || zbarMissing)(
    'carries a QR code that decodes to the verification URL',
    async () => {
      const { bytes } = await renderDocument(commitmentTemplate, data, facts);
      expect(decodeQrCodes(bytes)).toEqual([facts.verifyUrl]);
    },
  );

  it('flows a long text onto a second page and keeps the QR code on the last', async () => {
    const long = {
      ...data,
      commitmentText: Array.from({ length: 14 }, () => data.commitmentText.split('\n')[2]).join('\n'),
    };
    const { bytes } = await renderDocument(commitmentTemplate, long, facts);
    expect(bytes.toString('latin1').match(/\/Type \/Page\b/g)!.length).toBeGreaterThan(1);
    if (!popplerMissing && !zbarMissing) expect(decodeQrCodes(bytes)).toEqual([facts.verifyUrl]);
  });

  it('marks a preview as a sample', async () => {
    const { bytes } = await renderDocument(commitmentTemplate, data, { ...facts, preview: true });
    expect(extractPdfText(bytes)).toContain('样 本 · 仅供预览');
  });
});

describe('the plaque', () => {
  const data = plaqueTemplate.sample();
  const plaqueFacts = { ...facts, number: '鹿应急合规牌〔2026〕3号' };

  it('states the jurisdiction from its data, the enterprise, the white-list number and the validity', async () => {
    const { bytes } = await renderDocument(plaqueTemplate, data, plaqueFacts);
    expect(bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
    const text = extractPdfText(bytes);
    expect(text).toContain('鹿城区安全生产合规企业');
    expect(text).toContain('温州市鹿城区示例鞋业有限公司');
    expect(text).toContain('白名单编号：LC-HG-2026-0001');
    expect(text).toContain('有效期：2026年3月2日至2029年3月1日');
    expect(text).toContain('编号：鹿应急合规牌〔2026〕3号');
    const elsewhere = extractPdfText(
      (await renderDocument(plaqueTemplate, { ...data, jurisdictionName: '瓯海区' }, plaqueFacts)).bytes,
    );
    expect(elsewhere).toContain('瓯海区安全生产合规企业');
    expect(elsewhere).not.toContain('鹿城区安全生产合规企业');
  });

  it('fits a long enterprise name on the plate', async () => {
    const name = '温州市鹿城区双屿街道某某某某某某某某鞋业制品股份有限公司第一分公司';
    const { bytes } = await renderDocument(plaqueTemplate, { ...data, enterpriseName: name }, plaqueFacts);
    expect(extractPdfText(bytes)).toContain(name);
  });

  it.skipIf(popplerMissing)('gives its text back to pdftotext', async () => {
    const text = pdftotext((await renderDocument(plaqueTemplate, data, plaqueFacts)).bytes);
    expect(text).toContain('鹿城区安全生产合规企业');
    expect(text).toContain('LC-HG-2026-0001');
  });

  it.skipIf(popplerMissing || zbarMissing)(
    'carries a QR code that decodes to the verification URL',
    async () => {
      const { bytes } = await renderDocument(plaqueTemplate, data, plaqueFacts);
      expect(decodeQrCodes(bytes)).toEqual([facts.verifyUrl]);
    },
  );
});
