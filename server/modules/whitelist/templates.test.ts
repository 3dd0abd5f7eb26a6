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
import { exitDecisionTemplate } from './templates/exit-decision.js';
import { publicNoticeTemplate } from './templates/public-notice.js';

const facts: RenderFacts = {
  number: '鹿应急合规公〔2026〕3号',
  issuedAt: new Date('2026-12-21T02:30:00Z'),
  issuerName: '温州市鹿城区应急管理局',
  verificationCode: 'k5qv3zq2m7xw4nq6r2d5t7y3aa',
  verifyUrl: 'https://aq.example.gov.cn/verify/k5qv3zq2m7xw4nq6r2d5t7y3aa',
  preview: false,
};

/** the text of a PDF with the line breaks of its wrapped paragraphs and cells removed */
const textOf = (bytes: Buffer): string => extractPdfText(bytes).replace(/\n/g, '');
const pageCount = (bytes: Buffer): number => bytes.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

function fieldsOf(run: () => void): string[] {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).fieldErrors.map((f) => f.field);
  }
  return [];
}

describe('the white-list public notice', () => {
  const data = publicNoticeTemplate.sample();

  it('accepts its sample and refuses a period that ends before it starts', () => {
    expect(() => assertTemplateData(publicNoticeTemplate, data)).not.toThrow();
    expect(
      fieldsOf(() => assertTemplateData(publicNoticeTemplate, { ...data, endsOn: '2026-12-20' })),
    ).toEqual(['data/endsOn']);
    expect(
      fieldsOf(() => assertTemplateData(publicNoticeTemplate, { ...data, startsOn: data.endsOn })),
    ).toEqual([]);
  });

  it('refuses an empty list, a short USCC, zero working days and a long objection channel', () => {
    const fields = fieldsOf(() =>
      assertTemplateData(publicNoticeTemplate, {
        ...data,
        workingDays: 0,
        objectionChannel: '电'.repeat(501),
        enterprises: [],
      }),
    );
    expect(fields).toEqual(
      expect.arrayContaining(['data/workingDays', 'data/objectionChannel', 'data/enterprises']),
    );
    const short = fieldsOf(() =>
      assertTemplateData(publicNoticeTemplate, {
        ...data,
        enterprises: [{ ...data.enterprises[0], uscc: '913303' }],
      }),
    );
    expect(short).toEqual(['data/enterprises/0/uscc']);
  });

  it('prints the title, the period in working days, every enterprise, how to object and the issuer', async () => {
    const { bytes } = await renderDocument(publicNoticeTemplate, data, facts);
    expect(bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(pageCount(bytes)).toBe(1);
    const text = textOf(bytes);
    for (const expected of [
      '安全生产合规企业白名单公示',
      '鹿应急合规公〔2026〕3号',
      '关于2026年第一批安全生产合规企业白名单的公示',
      '经企业申请、街镇收集、区应急管理局形式审查并征求相关部门意见',
      '拟纳入安全生产合规“白名单”的企业',
      '公示期为2026年12月21日至2027年1月5日（10个工作日）',
      '序号',
      '统一社会信用代码',
      '所属街镇',
      '温州市鹿城区双屿红蜻蜓鞋业有限公司',
      '91330302MA2H0EXA1K',
      '仰义街道',
      '皮鞋制造',
      '异议提出方式：登录鹿城区安全生产合规管理平台',
      '0577-88888888',
      '温州市鹿城区应急管理局',
      '2026年12月21日',
      '核验码：k5qv3zq2m7xw4nq6r2d5t7y3aa',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('notes an estimated end date only when it was estimated', async () => {
    const note = '截止日期按周一至周五工作日估算';
    expect(textOf((await renderDocument(publicNoticeTemplate, data, facts)).bytes)).toContain(note);
    const exact = await renderDocument(publicNoticeTemplate, { ...data, endsEstimated: false }, facts);
    expect(textOf(exact.bytes)).not.toContain(note);
  });

  it('runs a long list over several pages, every enterprise printed and the QR code once at the end', async () => {
    const enterprises = Array.from({ length: 120 }, (_, i) => ({
      enterpriseName: `温州市鹿城区第${i + 1}号示例鞋业有限公司`,
      uscc: `91330302MA2AB${String(i).padStart(4, '0')}X`,
      subdistrictName: '双屿街道',
      industryName: '皮鞋制造',
    }));
    const { bytes } = await renderDocument(publicNoticeTemplate, { ...data, enterprises }, facts);
    expect(pageCount(bytes)).toBeGreaterThan(2);
    const text = textOf(bytes);
    for (const e of [enterprises[0], enterprises[59], enterprises[119]]) {
      expect(text).toContain(e.enterpriseName);
      expect(text).toContain(e.uscc);
    }
    expect(text).toContain('120');
    if (!popplerMissing && !zbarMissing) expect(decodeQrCodes(bytes)).toEqual([facts.verifyUrl]);
  });

  it('renders the same bytes from the same snapshot', async () => {
    const first = await renderDocument(publicNoticeTemplate, data, facts);
    const second = await renderDocument(publicNoticeTemplate, JSON.parse(JSON.stringify(data)), { ...facts });
    expect(second.sha256).toBe(first.sha256);
  });

  it.skipIf(popplerMissing)('gives its text back to pdftotext', async () => {
    const text = pdftotext((await renderDocument(publicNoticeTemplate, data, facts)).bytes);
    expect(text).toContain('安全生产合规企业白名单公示');
    expect(text).toContain('温州市鹿城区示例鞋业有限公司');
  });

  it.skipIf(popplerMissing || zbarMissing)(
    'carries a QR code that decodes to the verification URL',
    async () => {
      expect(decodeQrCodes((await renderDocument(publicNoticeTemplate, data, facts)).bytes)).toEqual([
        facts.verifyUrl,
      ]);
    },
  );
});

describe('the exit decision', () => {
  const data = exitDecisionTemplate.sample();
  const exitFacts = { ...facts, number: '鹿应急合规退〔2027〕1号' };

  it('accepts its sample and refuses a measure that ends before it starts', () => {
    expect(() => assertTemplateData(exitDecisionTemplate, data)).not.toThrow();
    const measures = [
      ...data.measures,
      { label: '提高安责险费率档次', startsOn: '2027-03-20', endsOn: '2027-03-19' },
    ];
    expect(fieldsOf(() => assertTemplateData(exitDecisionTemplate, { ...data, measures }))).toEqual([
      'data/measures/4/endsOn',
    ]);
    expect(
      fieldsOf(() => assertTemplateData(exitDecisionTemplate, { ...data, reasonLabel: '因'.repeat(201) })),
    ).toEqual(['data/reasonLabel']);
  });

  it('addresses the enterprise, states the facts, the situation, the voided number and the measures', async () => {
    const { bytes } = await renderDocument(exitDecisionTemplate, data, exitFacts);
    expect(bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(pageCount(bytes)).toBe(1);
    const text = textOf(bytes);
    for (const expected of [
      '退出安全生产合规白名单决定书',
      '鹿应急合规退〔2027〕1号',
      '温州市鹿城区双屿红蜻蜓鞋业有限公司：',
      '经查，你单位（统一社会信用代码：91330302MA2AB0C3XK）于2027年3月10日区应急管理局执法检查中被发现',
      '构成重大事故隐患，属于“执法检查发现重大事故隐患”情形。',
      '根据《鹿城区安全生产合规管理暂行办法》，决定将你单位移出安全生产合规“白名单”',
      '白名单编号鹿安合白〔2026〕0001号同时作废，铜匾须予以收回。',
      '1. 不得重新申请入库，自2027年3月20日起至2029年3月20日。',
      '2. 收回已享受的惠企措施，于2027年3月20日执行。',
      '自2027年3月20日起至整改完成。',
      '依法申请行政复议',
      '提起行政诉讼',
      '温州市鹿城区应急管理局',
      '2027年3月20日',
      '核验码：k5qv3zq2m7xw4nq6r2d5t7y3aa',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('states no measures when there are none', async () => {
    const { bytes } = await renderDocument(exitDecisionTemplate, { ...data, measures: [] }, exitFacts);
    const text = textOf(bytes);
    expect(text).not.toContain('采取以下管理措施');
    expect(text).toContain('依法申请行政复议');
  });

  it('keeps a long summary and twenty measures, the QR code on the last page', async () => {
    const measures = Array.from({ length: 20 }, (_, i) => ({
      label: `管理措施第${i + 1}项`,
      startsOn: '2027-03-20',
      endsOn: i % 2 ? null : '2028-03-20',
    }));
    const summary = '经核查，'.concat('你单位存在违规行为，'.repeat(150), '情节严重。');
    const { bytes } = await renderDocument(exitDecisionTemplate, { ...data, summary, measures }, exitFacts);
    expect(pageCount(bytes)).toBeGreaterThan(1);
    const text = textOf(bytes);
    expect(text).toContain('20. 管理措施第20项，自2027年3月20日起至整改完成。');
    if (!popplerMissing && !zbarMissing) expect(decodeQrCodes(bytes)).toEqual([facts.verifyUrl]);
  });

  it.skipIf(popplerMissing || zbarMissing)(
    'carries a QR code that decodes to the verification URL',
    async () => {
      expect(decodeQrCodes((await renderDocument(exitDecisionTemplate, data, exitFacts)).bytes)).toEqual([
        facts.verifyUrl,
      ]);
    },
  );
});
