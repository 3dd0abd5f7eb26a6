import { describe, expect, it } from 'vitest';
import { composeUscc, usccProblemMessages } from '../../../../domain/uscc';
import { translate } from '../../i18n/messages';
import {
  buildIndustryTree,
  columnSortOrder,
  createEnterpriseBody,
  enterpriseFilterQuery,
  enterpriseListQuery,
  enterprisePatch,
  eventFieldChanges,
  eventImportId,
  filterSearchString,
  hasFilters,
  importSummary,
  lockedSubdistrict,
  missingColumns,
  ownEnterpriseIds,
  registrableSubdistricts,
  sortPatch,
  uploadFileName,
  usccFinalProblem,
  usccMessage,
  usccTypingProblem,
  type EnterpriseDetail,
  type EnterpriseFormValues,
} from './registry-logic';

const sub = '49cb47b4-8fee-4d06-b3c6-bb5596bcad55';
const park = '6dbd2126-e2e5-4703-96c4-3b8ce8c6f453';
const valid = composeUscc({ authority: '9', category: '1', division: '330302', orgBody: 'MA2AB3CD' });

describe('enterprise list query from the URL', () => {
  it('maps the short URL keys onto the API filters, paging and sorting', () => {
    expect(
      enterpriseListQuery({
        q: '  鞋业 ',
        sub,
        ind: '195',
        park,
        scale: 'small',
        status: 'operating',
        sort: 'employeeCount',
        order: 'desc',
        page: '3',
        size: '50',
      }),
    ).toEqual({
      q: '鞋业',
      subdistrictId: sub,
      industryCode: '195',
      parkId: park,
      scale: 'small',
      status: 'operating',
      sort: 'employeeCount',
      order: 'desc',
      page: 3,
      pageSize: 50,
    });
  });

  it('defaults paging and drops what a hand-edited URL got wrong instead of asking for a 400', () => {
    expect(
      enterpriseListQuery({
        sub: 'not-a-uuid',
        ind: '19;drop',
        scale: 'huge',
        status: 'gone',
        sort: 'password',
        page: '-2',
        size: '7',
      }),
    ).toEqual({ page: 1, pageSize: 20 });
    expect(enterpriseListQuery({ sort: 'name' })).toMatchObject({ sort: 'name', order: 'asc' });
  });

  it('gives the export the same filters without paging or sorting', () => {
    expect(enterpriseFilterQuery({ q: 'x', status: 'closed', page: '4', sort: 'name' })).toEqual({
      q: 'x',
      status: 'closed',
    });
  });

  it('writes a filter set back as a link query string in a stable order', () => {
    expect(filterSearchString({ status: 'closed', parkId: park, q: '鞋' })).toBe(
      `?q=${encodeURIComponent('鞋')}&park=${park}&status=closed`,
    );
    expect(filterSearchString({})).toBe('');
    expect(hasFilters({ page: '2', sort: 'name' })).toBe(false);
    expect(hasFilters({ ind: '19' })).toBe(true);
  });

  it('turns antd sorter changes into URL patches and back', () => {
    expect(sortPatch('employeeCount', 'descend')).toEqual({
      sort: 'employeeCount',
      order: 'desc',
      page: null,
    });
    expect(sortPatch('name', 'ascend')).toEqual({ sort: 'name', order: undefined, page: null });
    expect(sortPatch('name', null)).toEqual({ sort: undefined, order: undefined, page: null });
    expect(sortPatch('industry', 'ascend')).toEqual({ sort: undefined, order: undefined, page: null });
    expect(columnSortOrder({ sort: 'uscc', order: 'desc' }, 'uscc')).toBe('descend');
    expect(columnSortOrder({ sort: 'uscc' }, 'uscc')).toBe('ascend');
    expect(columnSortOrder({ sort: 'uscc' }, 'name')).toBeNull();
  });
});

describe('industry tree', () => {
  it('hangs divisions under the section before them and codes under their longest listed prefix', () => {
    const tree = buildIndustryTree([
      { code: 'C', name: '制造业' },
      { code: '19', name: '皮革、毛皮、羽毛及其制品和制鞋业' },
      { code: '195', name: '制鞋业' },
      { code: '1951', name: '纺织面料鞋制造' },
      { code: '1959', name: '其他制鞋业' },
      { code: 'F', name: '批发和零售业' },
      { code: '51', name: '批发业' },
      { code: '5137', name: '服装批发' },
    ]);
    expect(tree.map((n) => n.value)).toEqual(['C', 'F']);
    expect(tree[0].selectable).toBe(false);
    const shoes = tree[0].children![0];
    expect(shoes).toMatchObject({
      value: '19',
      selectable: true,
      title: '19 皮革、毛皮、羽毛及其制品和制鞋业',
    });
    expect(shoes.children![0].children!.map((n) => n.value)).toEqual(['1951', '1959']);
    // a class whose group is not listed hangs under the division
    expect(tree[1].children![0].children!.map((n) => n.value)).toEqual(['5137']);
  });
});

describe('USCC while typing', () => {
  it('accepts a valid code and says nothing while a correct beginning is typed', () => {
    expect(usccFinalProblem(valid)).toBeNull();
    for (let n = 0; n <= 18; n++) expect(usccTypingProblem(valid.slice(0, n))).toBeNull();
    expect(usccTypingProblem(` ${valid.slice(0, 4).toLowerCase()} ${valid.slice(4, 10)} `)).toBeNull();
  });

  it('names the first rule broken as soon as the characters that break it are typed', () => {
    expect(usccTypingProblem('9I')).toBe('USCC_CHARSET');
    expect(usccTypingProblem('X')).toBe('USCC_AUTHORITY');
    expect(usccTypingProblem('94')).toBe('USCC_CATEGORY');
    expect(usccTypingProblem('9133A')).toBe('USCC_DIVISION');
    // the organisation code is judged once its check character (17th) is there
    const org = valid.slice(0, 16);
    const wrongOrgCheck = org + (valid[16] === '0' ? '1' : '0');
    expect(usccTypingProblem(org)).toBeNull();
    expect(usccTypingProblem(wrongOrgCheck)).toBe('USCC_ORG_CODE_CHECK');
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    expect(usccTypingProblem(wrongCheck)).toBe('USCC_CHECK_DIGIT');
    expect(usccTypingProblem(`${valid}1`)).toBe('USCC_LENGTH');
  });

  it('asks for all 18 characters when the field is left', () => {
    expect(usccFinalProblem(valid.slice(0, 10))).toBe('USCC_LENGTH');
    expect(usccFinalProblem('')).toBeNull();
  });

  it('shows the domain’s Chinese message, and the dictionary’s English one', () => {
    const t = (key: Parameters<typeof translate>[1]) => translate('en', key);
    expect(usccMessage('USCC_CATEGORY', 'zh-CN', t)).toBe(usccProblemMessages.USCC_CATEGORY);
    expect(usccMessage('USCC_CATEGORY', 'en', t)).toBe(
      'Character 2 (organisation category) does not fit the authority',
    );
    for (const code of Object.keys(usccProblemMessages) as (keyof typeof usccProblemMessages)[]) {
      expect(translate('zh-CN', `registry.uscc.${code}`)).toBe(usccProblemMessages[code]);
    }
  });
});

const values: EnterpriseFormValues = {
  uscc: valid.toLowerCase(),
  name: ' 温州示范鞋业有限公司 ',
  legalRepresentative: '张三',
  registeredAddress: '  ',
  operatingAddress: '双屿路 1 号',
  subdistrictId: sub,
  industryCode: '1959',
  scale: 'small',
  employeeCount: undefined,
  contactName: '',
  operatingStatus: 'operating',
  parkId: undefined,
  hostEnterpriseId: null,
};

describe('enterprise bodies', () => {
  it('trims, normalises the USCC and sends empty optional text as null', () => {
    expect(createEnterpriseBody(values)).toEqual({
      uscc: valid,
      name: '温州示范鞋业有限公司',
      legalRepresentative: '张三',
      registeredAddress: null,
      operatingAddress: '双屿路 1 号',
      subdistrictId: sub,
      industryCode: '1959',
      scale: 'small',
      contactName: null,
      contactPhone: null,
      safetyManagerName: null,
      safetyManagerPhone: null,
      operatingStatus: 'operating',
      parkId: null,
      hostEnterpriseId: null,
    });
  });

  it('patches only what changed, and only the fields allowed', () => {
    const before = {
      ...createEnterpriseBody(values),
      id: 'e1',
      contactName: '李四',
    } as unknown as EnterpriseDetail;
    expect(enterprisePatch(before, { ...values, contactName: '李四' })).toEqual({});
    expect(enterprisePatch(before, { ...values, contactName: ' 王五 ', employeeCount: 12 })).toEqual({
      contactName: '王五',
      employeeCount: 12,
    });
    expect(
      enterprisePatch(before, { contactPhone: '13800000000', name: '改名' }, ['contactName', 'contactPhone']),
    ).toEqual({ contactPhone: '13800000000' });
    expect(enterprisePatch(before, { contactName: '' })).toEqual({ contactName: null });
  });
});

describe('who is who', () => {
  it('finds the user’s own enterprises and the subdistrict an officer is held to', () => {
    const officer = [{ role: 'subdistrict_officer', unitId: sub }];
    expect(lockedSubdistrict(officer)).toBe(sub);
    expect(registrableSubdistricts(officer)).toEqual([sub]);
    expect(lockedSubdistrict([...officer, { role: 'bureau_admin', unitId: 'b' }])).toBeNull();
    expect(registrableSubdistricts([{ role: 'system_admin', unitId: 'j' }])).toBeNull();
    expect(lockedSubdistrict([...officer, { role: 'subdistrict_officer', unitId: 'other' }])).toBeNull();
    expect(
      ownEnterpriseIds([
        { role: 'enterprise_user', unitId: 'e1' },
        { role: 'expert', unitId: 'j' },
        { role: 'enterprise_user', unitId: 'e1' },
      ]),
    ).toEqual(['e1']);
  });
});

describe('import summary', () => {
  const base = {
    status: 'done',
    totalRows: 10,
    createdCount: 5,
    updatedCount: 2,
    unchangedCount: 1,
    errorRowCount: 2,
    errors: [
      { row: 4, column: '统一社会信用代码', code: 'USCC_CHECK_DIGIT', message: '…' },
      { row: 9, column: '所属街镇', code: 'SUBDISTRICT_UNKNOWN', message: '…' },
      { row: 9, column: '行业代码', code: 'INDUSTRY_UNKNOWN', message: '…' },
    ],
  };

  it('counts what went in and reads a partial import as a warning', () => {
    expect(importSummary(base)).toEqual({
      phase: 'done',
      total: 10,
      created: 5,
      updated: 2,
      unchanged: 1,
      errorRows: 2,
      accepted: 8,
      shownErrors: 3,
      truncated: false,
      tone: 'warning',
    });
  });

  it('tells all-in, nothing-in, failed, running and cut-off error lists apart', () => {
    expect(importSummary({ ...base, errorRowCount: 0, errors: [] }).tone).toBe('success');
    expect(
      importSummary({ ...base, createdCount: 0, updatedCount: 0, unchangedCount: 0, errorRowCount: 10 }).tone,
    ).toBe('error');
    expect(importSummary({ ...base, status: 'failed' }).tone).toBe('error');
    expect(
      importSummary({
        ...base,
        status: 'running',
        totalRows: null,
        createdCount: null,
        updatedCount: null,
        unchangedCount: null,
        errorRowCount: null,
        errors: [],
      }),
    ).toMatchObject({ phase: 'running', tone: 'info', total: 0, accepted: 0 });
    expect(importSummary({ ...base, status: 'queued' }).phase).toBe('queued');
    expect(importSummary({ ...base, errorRowCount: 300 }).truncated).toBe(true);
  });

  it('names uploads and lists the missing columns of a refused one', () => {
    expect(uploadFileName('C:\\fakepath\\名录.xlsx')).toBe('名录.xlsx');
    expect(uploadFileName('')).toBe('upload.xlsx');
    expect(
      missingColumns([
        { field: 'header/统一社会信用代码', code: 'IMPORT_MISSING_COLUMNS' },
        { field: 'header/企业名称', code: 'IMPORT_MISSING_COLUMNS' },
        { field: 'body/x', code: 'OTHER' },
      ]),
    ).toEqual(['统一社会信用代码', '企业名称']);
  });
});

describe('operation history', () => {
  it('lists the changed fields of an update in register order', () => {
    expect(
      eventFieldChanges({
        kind: 'enterprise.updated',
        before: { fields: { contactPhone: '1', name: 'A', extra: 1 } },
        after: { fields: { contactPhone: '2', name: 'B', extra: 2 }, source: { importId: 'imp1' } },
      }),
    ).toEqual([
      { field: 'name', before: 'A', after: 'B' },
      { field: 'contactPhone', before: '1', after: '2' },
      { field: 'extra', before: 1, after: 2 },
    ]);
    expect(
      eventFieldChanges({ kind: 'enterprise.created', before: null, after: { fields: { name: 'A' } } }),
    ).toEqual([]);
    expect(eventImportId({ after: { fields: {}, source: { importId: 'imp1' } } })).toBe('imp1');
    expect(eventImportId({ after: { fields: {} } })).toBeNull();
    expect(eventImportId({ after: null })).toBeNull();
  });
});
