import { describe, expect, it } from 'vitest';
import { settingDefinitions } from '../../../domain/settings.js';
import { formatDocumentNumber } from '../../platform/documents/numbering.js';
import { extractPdfText } from '../../platform/documents/pdf-text.js';
import {
  decodeQrCodes,
  pdftotext,
  popplerMissing,
  zbarMissing,
} from '../../platform/documents/pdf-tools.test-support.js';
import { renderDocument } from '../../platform/documents/render.js';
import { findTemplate, registerTemplate, type RenderFacts } from '../../platform/documents/template.js';
import { assertTemplateData } from '../../platform/documents/validate.js';
import { AppError } from '../../platform/errors/app-error.js';
import { adviceLetterTemplate } from './templates/advice-letter.js';
import { rectificationNoticeTemplate } from './templates/rectification-notice.js';

// the module's setup is not needed to render: register the templates here as it will
registerTemplate(adviceLetterTemplate);
registerTemplate(rectificationNoticeTemplate);

const facts: RenderFacts = {
  number: '鹿应急合规建〔2027〕12号',
  issuedAt: new Date('2027-04-01T02:30:00Z'),
  issuerName: '温州市鹿城区应急管理局',
  verificationCode: 'k5qv3zq2m7xw4nq6r2d5t7y3aa',
  verifyUrl: 'https://aq.example.gov.cn/verify/k5qv3zq2m7xw4nq6r2d5t7y3aa',
  preview: false,
};

/** the text of a PDF with the line breaks of its wrapped paragraphs removed */
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

describe('the enforcement templates', () => {
  it('are registered under their kinds with number patterns that have settings', () => {
    expect(findTemplate('advice_letter')).toBe(adviceLetterTemplate);
    expect(findTemplate('rectification_notice')).toBe(rectificationNoticeTemplate);
    const advice = settingDefinitions['documents.numberPattern.advice_letter'];
    const notice = settingDefinitions['documents.numberPattern.rectification_notice'];
    expect(advice.validate(advice.default)).toBe(true);
    expect(notice.validate(notice.default)).toBe(true);
    expect(formatDocumentNumber(advice.default, { short: '鹿', year: 2027, n: 12 })).toBe(
      '鹿应急合规建〔2027〕12号',
    );
    expect(formatDocumentNumber(notice.default, { short: '鹿', year: 2027, n: 3 })).toBe(
      '鹿应急责改〔2027〕3号',
    );
  });
});

describe('the advice letter', () => {
  const data = adviceLetterTemplate.sample();

  it('accepts its sample', () => {
    expect(() => assertTemplateData(adviceLetterTemplate, data)).not.toThrow();
  });

  it('refuses no items, too many items, a blank item and a reply date that is not a date', () => {
    expect(fieldsOf(() => assertTemplateData(adviceLetterTemplate, { ...data, items: [] }))).toEqual([
      'data/items',
    ]);
    const many = Array.from({ length: 51 }, (_, i) => ({ text: `自查事项${i + 1}` }));
    expect(fieldsOf(() => assertTemplateData(adviceLetterTemplate, { ...data, items: many }))).toEqual([
      'data/items',
    ]);
    expect(
      fieldsOf(() => assertTemplateData(adviceLetterTemplate, { ...data, items: [{ text: '' }] })),
    ).toEqual(['data/items/0/text']);
    expect(
      fieldsOf(() => assertTemplateData(adviceLetterTemplate, { ...data, items: [{ text: '  ' }] })),
    ).toEqual(['data/items/0/text']);
    expect(
      fieldsOf(() => assertTemplateData(adviceLetterTemplate, { ...data, replyBy: '2027-02-30' })),
    ).toEqual(['data/replyBy']);
    expect(
      fieldsOf(() => assertTemplateData(adviceLetterTemplate, { ...data, replyBy: '2027/04/30' })),
    ).toEqual(['data/replyBy']);
    expect(
      fieldsOf(() =>
        assertTemplateData(adviceLetterTemplate, { ...data, departmentName: '', legalBasis: '' }),
      ),
    ).toEqual(expect.arrayContaining(['data/departmentName', 'data/legalBasis']));
  });

  it('addresses the enterprise, states the reason, the violation, the items, the deadline and what follows', async () => {
    const { bytes } = await renderDocument(adviceLetterTemplate, data, facts);
    expect(bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(pageCount(bytes)).toBe(1);
    const text = textOf(bytes);
    for (const expected of [
      '安全生产合规建议书',
      '鹿应急合规建〔2027〕12号',
      '温州市鹿城区双屿红蜻蜓鞋业有限公司：',
      '近30日内本区鞋革制造行业发生同类违法行为12起，主要表现为“特种作业人员未按规定持证上岗”。',
      '该行为违反了《中华人民共和国安全生产法》第三十条的规定',
      '统一社会信用代码：91330302MA2AB0C3XK',
      '并于2027年4月30日前通过安全生产合规管理平台书面回复自查整改情况：',
      '1. 全面排查本单位电工、焊接与热切割等特种作业人员，逐一核对特种作业操作证及有效期。',
      '2. 对无证或证件过期人员立即停止其特种作业，安排参加培训考核，取证后方可上岗。',
      '3. 建立特种作业人员台账，明确证件复审提醒责任人。',
      '4. 将特种作业持证情况纳入班前检查内容，并保存检查记录。',
      '在规定期限内未书面回复的，将列为重点检查对象；已列入白名单的，依规启动退出程序。',
      '温州市鹿城区应急管理局',
      '2027年4月1日',
      '（盖章）',
      '核验码：k5qv3zq2m7xw4nq6r2d5t7y3aa',
    ]) {
      expect(text).toContain(expected);
    }
    // the bureau both advises and numbers: no separate numbering line
    expect(text).not.toContain('编号机关');
  });

  it('signs with the advising department and names the numbering bureau in the footer', async () => {
    const { bytes } = await renderDocument(
      adviceLetterTemplate,
      { ...data, departmentName: '鹿城区消防救援大队' },
      facts,
    );
    const text = textOf(bytes);
    expect(text).toContain('鹿城区消防救援大队建议你单位对照下列事项开展自查');
    expect(text).toContain('建议单位：鹿城区消防救援大队');
    expect(text).toContain('编号机关：温州市鹿城区应急管理局');
  });

  it('runs fifty long items over several pages, every one printed and the QR code once at the end', async () => {
    const items = Array.from({ length: 50 }, (_, i) => ({
      text: `第${i + 1}项自查内容：`.concat('核对相关制度、台账、记录是否齐全并与现场一致，'.repeat(3)),
    }));
    const { bytes } = await renderDocument(adviceLetterTemplate, { ...data, items }, facts);
    expect(pageCount(bytes)).toBeGreaterThan(1);
    const text = textOf(bytes);
    expect(text).toContain('1. 第1项自查内容');
    expect(text).toContain('50. 第50项自查内容');
    expect(text).toContain('依规启动退出程序');
    if (!popplerMissing && !zbarMissing) expect(decodeQrCodes(bytes)).toEqual([facts.verifyUrl]);
  });

  it('renders the same bytes from the same snapshot', async () => {
    const first = await renderDocument(adviceLetterTemplate, data, facts);
    const second = await renderDocument(adviceLetterTemplate, JSON.parse(JSON.stringify(data)), { ...facts });
    expect(second.sha256).toBe(first.sha256);
  });

  it.skipIf(popplerMissing)('gives its text back to pdftotext', async () => {
    const text = pdftotext((await renderDocument(adviceLetterTemplate, data, facts)).bytes);
    expect(text).toContain('安全生产合规建议书');
    expect(text).toContain('温州市鹿城区双屿红蜻蜓鞋业有限公司');
  });

  it.skipIf(popplerMissing || zbarMissing)(
    'carries a QR code that decodes to the verification URL',
    async () => {
      expect(decodeQrCodes((await renderDocument(adviceLetterTemplate, data, facts)).bytes)).toEqual([
        facts.verifyUrl,
      ]);
    },
  );
});

describe('the rectification notice', () => {
  const data = rectificationNoticeTemplate.sample();
  const noticeFacts = {
    ...facts,
    number: '鹿应急责改〔2027〕3号',
    issuedAt: new Date('2027-03-10T08:00:00Z'),
  };

  it('accepts its sample and a deadline on the day of the inspection', () => {
    expect(() => assertTemplateData(rectificationNoticeTemplate, data)).not.toThrow();
    expect(
      fieldsOf(() =>
        assertTemplateData(rectificationNoticeTemplate, { ...data, deadline: data.inspectedOn }),
      ),
    ).toEqual([]);
  });

  it('refuses no violations, invalid dates and a deadline before the inspection', () => {
    expect(
      fieldsOf(() => assertTemplateData(rectificationNoticeTemplate, { ...data, violations: [] })),
    ).toEqual(['data/violations']);
    const many = Array.from({ length: 31 }, () => data.violations[0]);
    expect(
      fieldsOf(() => assertTemplateData(rectificationNoticeTemplate, { ...data, violations: many })),
    ).toEqual(['data/violations']);
    expect(
      fieldsOf(() =>
        assertTemplateData(rectificationNoticeTemplate, {
          ...data,
          violations: [{ ...data.violations[0], legalBasis: '' }],
        }),
      ),
    ).toEqual(['data/violations/0/legalBasis']);
    expect(
      fieldsOf(() => assertTemplateData(rectificationNoticeTemplate, { ...data, inspectedOn: '2027-02-29' })),
    ).toEqual(['data/inspectedOn']);
    expect(
      fieldsOf(() => assertTemplateData(rectificationNoticeTemplate, { ...data, deadline: '2027-04-31' })),
    ).toEqual(['data/deadline']);
    expect(
      fieldsOf(() => assertTemplateData(rectificationNoticeTemplate, { ...data, deadline: '2027-13-01' })),
    ).toEqual(['data/deadline']);
    expect(
      fieldsOf(() => assertTemplateData(rectificationNoticeTemplate, { ...data, deadline: '2027-03-09' })),
    ).toEqual(['data/deadline']);
  });

  it('states the inspection, every violation with its basis, the deadline, the interim duty and the remedies', async () => {
    const { bytes } = await renderDocument(rectificationNoticeTemplate, data, noticeFacts);
    expect(bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(pageCount(bytes)).toBe(1);
    const text = textOf(bytes);
    for (const expected of [
      '责令限期整改指令书',
      '鹿应急责改〔2027〕3号',
      '温州市鹿城区双屿红蜻蜓鞋业有限公司：',
      '2027年3月10日，温州市鹿城区应急管理局依法对你单位（统一社会信用代码：91330302MA2AB0C3XK）进行了安全生产检查。',
      '经检查，你单位存在下列问题：',
      '1. 成型车间一名焊工未取得特种作业操作证，正在从事焊接作业，属于“特种作业人员未按规定持证上岗”，' +
        '违反了《中华人民共和国安全生产法》第三十条第一款的规定。',
      '2. 喷胶车间局部排风设施停用，未见维护保养记录，属于“未按规定对安全设备进行经常性维护、保养”，',
      '《中华人民共和国安全生产法》第三十六条第二款的规定。',
      '现责令你单位于2027年3月31日前整改完毕',
      '整改期间，你单位应当采取必要的安全防范措施，防止生产安全事故发生。',
      '你单位如不服本指令，可依法申请行政复议或者提起行政诉讼',
      '温州市鹿城区应急管理局',
      '（盖章）',
      '核验码：k5qv3zq2m7xw4nq6r2d5t7y3aa',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('keeps thirty violations over several pages, the QR code once at the end', async () => {
    const violations = Array.from({ length: 30 }, (_, i) => ({
      typeName: `违法行为类型${i + 1}`,
      description: `现场检查发现第${i + 1}处问题，`.concat('相关记录缺失且现场未落实管控措施，'.repeat(4)),
      legalBasis: '《中华人民共和国安全生产法》第四十一条',
    }));
    const { bytes } = await renderDocument(rectificationNoticeTemplate, { ...data, violations }, noticeFacts);
    expect(pageCount(bytes)).toBeGreaterThan(1);
    const text = textOf(bytes);
    expect(text).toContain('30. 现场检查发现第30处问题');
    expect(text).toContain('属于“违法行为类型30”');
    expect(text).toContain('现责令你单位于2027年3月31日前整改完毕');
    if (!popplerMissing && !zbarMissing) expect(decodeQrCodes(bytes)).toEqual([facts.verifyUrl]);
  });

  it('renders the same bytes from the same snapshot', async () => {
    const first = await renderDocument(rectificationNoticeTemplate, data, noticeFacts);
    const second = await renderDocument(rectificationNoticeTemplate, JSON.parse(JSON.stringify(data)), {
      ...noticeFacts,
    });
    expect(second.sha256).toBe(first.sha256);
  });

  it.skipIf(popplerMissing || zbarMissing)(
    'carries a QR code that decodes to the verification URL',
    async () => {
      expect(
        decodeQrCodes((await renderDocument(rectificationNoticeTemplate, data, noticeFacts)).bytes),
      ).toEqual([facts.verifyUrl]);
    },
  );
});
