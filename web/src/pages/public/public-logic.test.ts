import { describe, expect, it } from 'vitest';
import {
  chinaToday,
  daysUntil,
  entryStatusTag,
  industryText,
  labelColon,
  isContact,
  isWellFormedCode,
  objectionBody,
  objectionErrors,
  objectionFieldError,
  objectionRefusal,
  periodEndText,
  periodText,
  textLength,
  validityLines,
  validityText,
  verificationCodeOf,
  verifyPath,
  whitelistQuery,
} from './public-logic';

const code = 'k5qv3zq2m7xw4nq6r2d5t7y3aa';
const good = { name: '张三', contact: '13800138000', content: '该企业仓库内仍堆放易燃物品，未整改。' };

describe('isContact', () => {
  it.each([
    '13800138000',
    '138 0013 8000',
    '138-0013-8000',
    '+86 138 0013 8000',
    '8613800138000',
    '0577-88888888',
    '(0577) 8888 8888',
    '（0577）88888888',
    '88888888',
    'zhang.san@example.com',
    ' someone@mail.lucheng.gov.cn ',
  ])('accepts %s', (value) => {
    expect(isContact(value)).toBe(true);
  });
  it.each([
    '',
    '   ',
    '12345',
    'abc',
    'zhang@',
    '@example.com',
    'a b@example.com',
    'zhang@example',
    '1380013800012345678',
    '138001380x',
  ])('refuses %s', (value) => {
    expect(isContact(value)).toBe(false);
  });
});

describe('textLength', () => {
  it('counts characters as a person does, trimmed', () => {
    expect(textLength('  安全生产  ')).toBe(4);
    expect(textLength('a😀b')).toBe(3);
  });
});

describe('objectionErrors', () => {
  it('passes a complete form and an empty evidence', () => {
    expect(objectionErrors(good)).toEqual([]);
    expect(objectionErrors({ ...good, evidence: '   ' })).toEqual([]);
  });
  it('asks for every required field, in field order', () => {
    expect(objectionErrors({}).map((e) => e.key)).toEqual([
      'public.object.nameRequired',
      'public.object.contactRequired',
      'public.object.contentRequired',
    ]);
    expect(objectionErrors({ name: '  ', contact: ' ', content: '\n' }).map((e) => e.field)).toEqual([
      'name',
      'contact',
      'content',
    ]);
  });
  it('checks the contact format', () => {
    expect(objectionFieldError({ ...good, contact: '打电话给我' }, 'contact')?.key).toBe(
      'public.object.contactInvalid',
    );
  });
  it('holds the content between 10 and 2000 characters, trimmed', () => {
    expect(objectionFieldError({ ...good, content: '一二三四五六七八九' }, 'content')?.key).toBe(
      'public.object.contentTooShort',
    );
    expect(objectionFieldError({ ...good, content: '  一二三四五六七八九十  ' }, 'content')).toBeNull();
    expect(objectionFieldError({ ...good, content: '安'.repeat(2000) }, 'content')).toBeNull();
    expect(objectionFieldError({ ...good, content: '安'.repeat(2001) }, 'content')?.key).toBe(
      'public.object.contentTooLong',
    );
  });
  it('limits the name and the evidence', () => {
    expect(objectionFieldError({ ...good, name: '名'.repeat(51) }, 'name')?.key).toBe(
      'public.object.nameTooLong',
    );
    expect(objectionFieldError({ ...good, evidence: '证'.repeat(2001) }, 'evidence')?.key).toBe(
      'public.object.evidenceTooLong',
    );
  });
  it('reports nothing for a field that is fine while another fails', () => {
    expect(objectionFieldError({ ...good, name: '' }, 'contact')).toBeNull();
  });
});

describe('objectionBody', () => {
  it('trims and leaves a blank evidence out', () => {
    expect(
      objectionBody('app-1', { name: ' 张三 ', contact: ' 13800138000 ', content: ' 内容 ', evidence: '  ' }),
    ).toEqual({
      applicationId: 'app-1',
      name: '张三',
      contact: '13800138000',
      content: '内容',
    });
  });
  it('keeps a given evidence', () => {
    expect(objectionBody('app-1', { ...good, evidence: ' 现场照片 3 张 ' }).evidence).toBe('现场照片 3 张');
  });
});

describe('objectionRefusal', () => {
  it('turns the rate limit into its own sentence, other problems into null', () => {
    expect(objectionRefusal(429, 'RATE_LIMITED')).toBe('public.object.rateLimited');
    expect(objectionRefusal(409, 'WHITELIST_NOTICE_CLOSED')).toBeNull();
    expect(objectionRefusal(409, 'WHITELIST_OBJECTION_DUPLICATE')).toBeNull();
  });
});

describe('notice period', () => {
  it('counts calendar days, across months and years', () => {
    expect(daysUntil('2026-05-20', '2026-05-17')).toBe(3);
    expect(daysUntil('2027-01-02', '2026-12-30')).toBe(3);
    expect(daysUntil('2026-05-17', '2026-05-17')).toBe(0);
    expect(daysUntil('2026-05-16', '2026-05-17')).toBe(-1);
  });
  it('takes today in China time', () => {
    expect(chinaToday(new Date('2026-05-17T16:30:00Z'))).toBe('2026-05-18');
    expect(chinaToday(new Date('2026-05-17T15:59:00Z'))).toBe('2026-05-17');
  });
  it('writes the period and its end in both languages', () => {
    const p = { startsOn: '2026-05-06', endsOn: '2026-05-20' };
    expect(periodText(p, 'zh-CN')).toBe('2026-05-06 至 2026-05-20');
    expect(periodText(p, 'en')).toBe('2026-05-06 to 2026-05-20');
    expect(periodEndText(p, '2026-05-17', 'zh-CN')).toBe('2026-05-20 截止，还剩 3 天');
    expect(periodEndText(p, '2026-05-17', 'en')).toBe('Ends 2026-05-20, 3 days left');
    expect(periodEndText(p, '2026-05-20', 'zh-CN')).toBe('今天（2026-05-20）截止');
    expect(periodEndText(p, '2026-05-21', 'zh-CN')).toBe('已于 2026-05-20 截止');
  });
});

describe('verification code', () => {
  it('takes a typed code in any case, with blanks or dashes', () => {
    expect(verificationCodeOf(`  ${code.toUpperCase()} `)).toBe(code);
    expect(verificationCodeOf('k5qv-3zq2-m7xw 4nq6 r2d5 t7y3 aa')).toBe(code);
  });
  it('takes the code out of the QR code address', () => {
    expect(verificationCodeOf(`https://aq.example.gov.cn/verify/${code}`)).toBe(code);
    expect(verificationCodeOf(`http://localhost:3000/verify/${code}?x=1#top`)).toBe(code);
  });
  it('is empty for nothing', () => {
    expect(verificationCodeOf('   ')).toBe('');
  });
  it('knows a well-formed code', () => {
    expect(isWellFormedCode(code)).toBe(true);
    expect(isWellFormedCode(code.slice(1))).toBe(false);
    expect(isWellFormedCode(code.replace('k', '1'))).toBe(false);
  });
  it('points at the server page', () => {
    expect(verifyPath(code)).toBe(`/verify/${code}`);
    expect(verifyPath('a/b')).toBe('/verify/a%2Fb');
  });
});

describe('whitelistQuery', () => {
  it('drops blanks and defaults the paging', () => {
    expect(whitelistQuery({ q: '  ', industry: '' })).toEqual({ page: 1, pageSize: 10 });
  });
  it('keeps the filters', () => {
    expect(
      whitelistQuery({ q: ' 鞋业 ', subdistrictId: 's1', industry: ' C19 ', page: '3', pageSize: '20' }),
    ).toEqual({
      q: '鞋业',
      subdistrictId: 's1',
      industryCode: 'C19',
      page: 3,
      pageSize: 20,
    });
  });
  it('refuses odd paging', () => {
    expect(whitelistQuery({ page: '-1', pageSize: '1000' })).toEqual({ page: 1, pageSize: 10 });
    expect(whitelistQuery({ page: '2.5', pageSize: 'x' })).toEqual({ page: 1, pageSize: 10 });
  });
});

describe('entryStatusTag', () => {
  it('labels and colours both statuses', () => {
    expect(entryStatusTag('active')).toEqual({ key: 'public.status.active', color: 'green' });
    expect(entryStatusTag('suspended')).toEqual({ key: 'public.status.suspended', color: 'orange' });
  });
});

describe('labels', () => {
  it('puts the colon of the language', () => {
    expect(labelColon('zh-CN')).toBe('：');
    expect(labelColon('en')).toBe(': ');
  });
  it('writes an industry with its code', () => {
    expect(industryText('园区管理服务', '7221', 'zh-CN')).toBe('园区管理服务（7221）');
    expect(industryText('园区管理服务', '7221', 'en')).toBe('园区管理服务 (7221)');
    expect(industryText('7221', '7221', 'zh-CN')).toBe('7221');
    expect(industryText(null, null, 'zh-CN')).toBe('—');
  });
});

describe('validity', () => {
  it('is one line or two', () => {
    expect(validityText('2026-05-20', '2029-05-19', 'zh-CN')).toBe('2026-05-20 至 2029-05-19');
    expect(validityLines('2026-05-20', '2029-05-19', 'zh-CN')).toEqual(['2026-05-20', '至 2029-05-19']);
    expect(validityLines('2026-05-20', '2029-05-19', 'en')).toEqual(['2026-05-20', 'to 2029-05-19']);
  });
});
