import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem';
import { formFieldErrors } from '../../api/problem';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import {
  articleAfterOutcomeChange,
  articleRequired,
  bodyFieldPath,
  campaignActionKey,
  campaignActionOrder,
  campaignActions,
  campaignListQuery,
  campaignOrigins,
  campaignPollMs,
  campaignStatuses,
  campaignStatusKey,
  campaignWhy,
  chinaDateOf,
  chinaToday,
  daysLeft,
  decisionBody,
  decisionDefaults,
  defaultItems,
  departsFromSuggestion,
  harmKey,
  harmLevels,
  hazardStatusKey,
  hasLetterFilters,
  inspectionBody,
  inspectionListQuery,
  isEnterpriseOnly,
  isOverdue,
  isStaleProblem,
  leniencyChecklist,
  leniencyListKey,
  letterListQuery,
  letterStatuses,
  letterStatusKey,
  originKey,
  outcomeKey,
  penaltyOutcomes,
  proposeBody,
  replyDeadline,
  reportedBeforeInspection,
  scopeTypeKey,
  scopeTypes,
  selfReportCandidates,
  sendingPercent,
  shortHash,
  suggestionModality,
  unitsForRoles,
  violationStatuses,
  violationStatusKey,
  violationSummary,
  violationTypeLabel,
  withBodyFieldPaths,
} from './enforcement-logic';

const uuid = '0190c0de-0000-7000-8000-000000000001';

describe('labels', () => {
  it('has a Chinese and an English label for every status, origin, scope type and action', () => {
    const keys = [
      ...violationStatuses.map(violationStatusKey),
      ...campaignStatuses.map(campaignStatusKey),
      ...letterStatuses.map(letterStatusKey),
      ...campaignOrigins.map(originKey),
      ...scopeTypes.map(scopeTypeKey),
      ...campaignActionOrder.map(campaignActionKey),
      ...harmLevels.map(harmKey),
      ...penaltyOutcomes.map(outcomeKey),
      leniencyListKey(null),
      leniencyListKey('no_penalty'),
      leniencyListKey('mitigated'),
      leniencyListKey('lighter'),
    ];
    for (const k of keys) {
      expect(zhCN[k], k).toBeTruthy();
      expect(en[k], k).toBeTruthy();
    }
    expect(zhCN[campaignStatusKey('proposed')]).toBe('待审批');
    expect(zhCN[letterStatusKey('overdue')]).toBe('已逾期');
    expect(en[letterStatusKey('replied')]).toBe('Replied');
    expect(zhCN['enforcement.detail.proposed']).toBe('该类违法行为已达高发阈值，已提议批量发送合规建议书');
  });

  it('names a catalog entry by code and name', () => {
    expect(violationTypeLabel({ code: 'A01', name: '未开展安全生产教育培训' })).toBe(
      'A01 未开展安全生产教育培训',
    );
    expect(violationTypeLabel({ code: '', name: '其他' })).toBe('其他');
  });
});

describe('inspection rows', () => {
  it('say how many violations were found; a rectification notice means some were, even with no count', () => {
    expect(violationSummary({ violationCount: 2, noticeDocumentId: uuid })).toEqual({ kind: 'count', n: 2 });
    expect(violationSummary({ violationCount: 0, noticeDocumentId: uuid })).toEqual({ kind: 'found' });
    expect(violationSummary({ violationCount: 0, noticeDocumentId: null })).toEqual({ kind: 'none' });
  });
});

describe('list queries from the URL', () => {
  it('inspections: page and trimmed search text', () => {
    expect(inspectionListQuery({})).toEqual({ page: 1, pageSize: 20 });
    expect(inspectionListQuery({ q: '  鞋业 ', page: '3' })).toEqual({ page: 3, pageSize: 20, q: '鞋业' });
    expect(inspectionListQuery({ q: '   ', page: '-1' })).toEqual({ page: 1, pageSize: 20 });
  });

  it('campaigns: a known status only', () => {
    expect(campaignListQuery({ status: 'sending', page: '2' })).toEqual({
      page: 2,
      pageSize: 20,
      status: 'sending',
    });
    expect(campaignListQuery({ status: 'nonsense' })).toEqual({ page: 1, pageSize: 20 });
  });

  it('letters: status, text, enterprise, campaign (a campaign page fixes its own)', () => {
    expect(letterListQuery({ status: 'overdue', q: ' 鹿应急 ', enterprise: uuid, page: '2' })).toEqual({
      page: 2,
      pageSize: 20,
      status: 'overdue',
      q: '鹿应急',
      enterpriseId: uuid,
    });
    expect(letterListQuery({ campaign: 'not-a-uuid', status: 'late' })).toEqual({ page: 1, pageSize: 20 });
    const other = '0190c0de-0000-7000-8000-000000000002';
    expect(letterListQuery({ campaign: other }, { campaignId: uuid }).campaignId).toBe(uuid);
    expect(hasLetterFilters({})).toBe(false);
    expect(hasLetterFilters({ page: '2' })).toBe(false);
    expect(hasLetterFilters({ campaign: uuid })).toBe(true);
  });
});

describe('request bodies', () => {
  it('an inspection without violations has no deadline and no empty findings', () => {
    expect(
      inspectionBody({
        enterpriseId: uuid,
        inspectedOn: '2026-05-06',
        findings: '  ',
        rectifyBy: '2026-05-20',
      }),
    ).toEqual({ enterpriseId: uuid, inspectedOn: '2026-05-06', violations: [] });
  });

  it('an inspection with violations carries trimmed facts, the deadline and the chosen department', () => {
    expect(
      inspectionBody({
        enterpriseId: uuid,
        departmentId: 'dep',
        inspectedOn: '2026-05-06',
        findings: ' 现场检查生产车间 ',
        rectifyBy: '2026-05-20',
        violations: [{ violationTypeId: 't1', description: ' 未配备灭火器 ' }],
      }),
    ).toEqual({
      enterpriseId: uuid,
      departmentId: 'dep',
      inspectedOn: '2026-05-06',
      findings: '现场检查生产车间',
      rectifyBy: '2026-05-20',
      violations: [{ violationTypeId: 't1', description: '未配备灭火器', harm: 'none' }],
    });
  });

  it('a violation states its harm and the enterprise’s own hazard report, when that still applies', () => {
    const base = { enterpriseId: uuid, inspectedOn: '2026-05-06', rectifyBy: '2026-05-20' };
    const violations = [
      { violationTypeId: 't1', description: 'a', harm: 'slight' as const, selfReportedHazardId: 'h1' },
      { violationTypeId: 't2', description: 'b', harm: null, selfReportedHazardId: 'h2' },
      { violationTypeId: 't3', description: 'c', selfReportedHazardId: null },
    ];
    expect(inspectionBody({ ...base, violations }).violations).toEqual([
      { violationTypeId: 't1', description: 'a', harm: 'slight', selfReportedHazardId: 'h1' },
      { violationTypeId: 't2', description: 'b', harm: 'none', selfReportedHazardId: 'h2' },
      { violationTypeId: 't3', description: 'c', harm: 'none' },
    ]);
    // the enterprise or the date changed after h2 was chosen: it is no longer offered, so it is not sent
    expect(inspectionBody({ ...base, violations }, new Set(['h1'])).violations).toEqual([
      { violationTypeId: 't1', description: 'a', harm: 'slight', selfReportedHazardId: 'h1' },
      { violationTypeId: 't2', description: 'b', harm: 'none' },
      { violationTypeId: 't3', description: 'c', harm: 'none' },
    ]);
  });

  it('a proposal drops blank items (none left: the type’s own are used by the server)', () => {
    const base = {
      violationTypeId: 't1',
      scopeType: 'industry' as const,
      scopeValue: '1952',
      reason: ' 外区事故 ',
    };
    expect(proposeBody({ ...base, items: [' 检查消防通道 ', '', null] })).toEqual({
      violationTypeId: 't1',
      scopeType: 'industry',
      scopeValue: '1952',
      reason: '外区事故',
      items: [{ text: '检查消防通道' }],
    });
    expect(proposeBody({ ...base, items: ['  '], departmentId: 'dep' })).toEqual({
      violationTypeId: 't1',
      scopeType: 'industry',
      scopeValue: '1952',
      reason: '外区事故',
      departmentId: 'dep',
    });
    expect(defaultItems({ adviceItems: [{ text: 'a' }, { text: 'b' }] })).toEqual(['a', 'b']);
    expect(defaultItems(undefined)).toEqual([]);
  });
});

describe('who acts for which department', () => {
  const roles = [
    { role: 'enforcement_officer', unitId: 'd1', unitName: '区应急管理局' },
    { role: 'department_officer', unitId: 'd1', unitName: '区应急管理局' },
    { role: 'enforcement_officer', unitId: 'd2', unitName: '区市场监管局' },
    { role: 'subdistrict_officer', unitId: 's1', unitName: '双屿街道' },
  ];

  it('lists each unit once, for the roles asked', () => {
    expect(unitsForRoles(roles, ['enforcement_officer'])).toEqual([
      { id: 'd1', name: '区应急管理局' },
      { id: 'd2', name: '区市场监管局' },
    ]);
    expect(unitsForRoles(roles, ['bureau_admin'])).toEqual([]);
  });

  it('treats only a pure enterprise user as an inbox reader', () => {
    expect(isEnterpriseOnly(['enterprise_user'])).toBe(true);
    expect(isEnterpriseOnly(['enterprise_user', 'subdistrict_officer'])).toBe(false);
    expect(isEnterpriseOnly([])).toBe(false);
  });
});

describe('deadlines', () => {
  it('counts China calendar days', () => {
    expect(chinaToday(new Date('2026-05-06T17:00:00Z'))).toBe('2026-05-07');
    expect(daysLeft('2026-05-20', '2026-05-06')).toBe(14);
    expect(daysLeft('2026-05-05', '2026-05-06')).toBe(-1);
  });

  it('shows days left, today, overdue (marked, or past the day before the sweep), nothing once replied', () => {
    const today = '2026-05-06';
    expect(replyDeadline({ status: 'sent', replyBy: '2026-05-20' }, today)).toEqual({
      key: 'advice.deadline.left',
      n: 14,
      tone: 'secondary',
    });
    expect(replyDeadline({ status: 'sent', replyBy: '2026-05-08' }, today)?.tone).toBe('warning');
    expect(replyDeadline({ status: 'sent', replyBy: today }, today)?.key).toBe('advice.deadline.today');
    expect(replyDeadline({ status: 'sent', replyBy: '2026-05-05' }, today)?.tone).toBe('danger');
    expect(replyDeadline({ status: 'overdue', replyBy: '2026-05-05' }, today)?.key).toBe(
      'advice.deadline.overdue',
    );
    expect(replyDeadline({ status: 'replied', replyBy: '2026-05-05' }, today)).toBeNull();
    expect(isOverdue({ status: 'overdue', replyBy: '2026-05-05' }, today)).toBe(true);
    expect(isOverdue({ status: 'sent', replyBy: '2026-05-07' }, today)).toBe(false);
  });
});

describe('campaigns', () => {
  it('shows sending progress from the frozen targets, and polls only while sending', () => {
    expect(sendingPercent({ status: 'proposed', targetCount: 0, sentCount: 0 })).toBeNull();
    expect(sendingPercent({ status: 'sending', targetCount: 300, sentCount: 120 })).toBe(40);
    expect(sendingPercent({ status: 'sent', targetCount: 300, sentCount: 300 })).toBe(100);
    expect(campaignPollMs({ status: 'sending' })).toBe(2000);
    expect(campaignPollMs({ status: 'sent' })).toBe(false);
    expect(campaignPollMs(undefined)).toBe(false);
  });

  it('offers only the actions the server allows, in a fixed order', () => {
    expect(campaignActions({ approve: true, reject: true, close: false })).toEqual(['approve', 'reject']);
    expect(campaignActions({ approve: false, reject: false, close: true })).toEqual(['close']);
  });

  it('explains why: the frequency that triggered it, or the proposing department', () => {
    expect(
      campaignWhy({
        origin: 'frequency',
        triggerCount: 5,
        windowDays: 30,
        scopeLabel: '皮鞋制造行业',
        departmentName: '区应急管理局',
      }),
    ).toEqual({ key: 'advice.campaign.whyFrequency', params: { n: 5, days: 30, scope: '皮鞋制造行业' } });
    expect(
      campaignWhy({
        origin: 'manual',
        triggerCount: null,
        windowDays: null,
        scopeLabel: '双屿街道',
        departmentName: '区应急管理局',
      }),
    ).toEqual({ key: 'advice.campaign.whyManual', params: { department: '区应急管理局' } });
  });
});

describe('leniency', () => {
  const facts = {
    firstViolation: true,
    selfReportedBefore: false,
    rectificationStarted: true,
    correctedInTime: false,
    harm: 'slight' as const,
    list: null,
  };
  const lighter = {
    outcome: 'lighter' as const,
    article: '《中华人民共和国行政处罚法》第三十二条第（三）项',
    mandatory: true,
    because: '…',
    educate: false,
  };

  it('offers as self-reports only hazards reported before the inspection day (China time), latest first', () => {
    expect(reportedBeforeInspection('2026-05-05T15:59:59Z', '2026-05-06')).toBe(true);
    // 00:00 on the inspection day in China is not before it
    expect(reportedBeforeInspection('2026-05-05T16:00:00Z', '2026-05-06')).toBe(false);
    expect(reportedBeforeInspection('nonsense', '2026-05-06')).toBe(false);
    const hazard = (id: string, reportedAt: string) =>
      ({ id, reportedAt }) as unknown as Parameters<typeof selfReportCandidates>[0][number];
    const list = [
      hazard('old', '2026-04-01T02:00:00Z'),
      hazard('today', '2026-05-06T01:00:00Z'),
      hazard('recent', '2026-05-04T02:00:00Z'),
    ];
    expect(selfReportCandidates(list, '2026-05-06').map((h) => h.id)).toEqual(['recent', 'old']);
    expect(selfReportCandidates(list, undefined)).toEqual([]);
    expect(chinaDateOf('2026-05-05T16:30:00Z')).toBe('2026-05-06');
    expect(hazardStatusKey('rectifying')).toBe('hazards.status.rectifying');
    expect(hazardStatusKey('archived')).toBeNull();
  });

  it('lists the facts as a checklist: ✓ for the party, ✗ against, – for neither, with harm and list values', () => {
    const rows = leniencyChecklist(facts);
    expect(rows.map((r) => [r.key, r.mark, r.value ?? null])).toEqual([
      ['firstViolation', 'yes', null],
      ['selfReportedBefore', 'no', null],
      ['rectificationStarted', 'yes', null],
      ['correctedInTime', 'no', null],
      ['harm', 'neutral', 'enforcement.harm.slight'],
      ['list', 'neutral', 'enforcement.leniencyList.none'],
    ]);
    expect(rows.map((r) => zhCN[r.label])).toEqual([
      '首次违法',
      '检查前自查自报',
      '已着手整改',
      '按期改正',
      '危害后果',
      '清单归属',
    ]);
    const other = leniencyChecklist({ ...facts, harm: 'harmful', list: 'no_penalty' });
    expect(other.find((r) => r.key === 'harm')?.mark).toBe('no');
    expect(other.find((r) => r.key === 'list')).toMatchObject({
      mark: 'yes',
      value: 'enforcement.leniencyList.no_penalty',
    });
    expect(leniencyChecklist({ ...facts, harm: 'none' }).find((r) => r.key === 'harm')?.mark).toBe('yes');
    expect(zhCN[leniencyListKey('mitigated')]).toBe('减轻');
    expect(zhCN[harmKey('harmful')]).toBe('造成危害');
  });

  it('says 应当 or 可以 before a lenient suggestion, nothing before an ordinary penalty', () => {
    expect(suggestionModality(lighter)).toBe('enforcement.suggestion.must');
    expect(zhCN[suggestionModality({ outcome: 'no_penalty', mandatory: false })!]).toBe('可以');
    expect(suggestionModality({ outcome: 'ordinary', mandatory: false })).toBeNull();
    expect(shortHash('a'.repeat(64))).toBe(`${'a'.repeat(12)}…`);
    expect(shortHash('abc')).toBe('abc');
  });

  it('starts the decision from the suggestion and keeps the article in step with the outcome', () => {
    expect(decisionDefaults(lighter)).toEqual({ outcome: 'lighter', article: lighter.article });
    expect(decisionDefaults({ outcome: 'ordinary', article: null })).toEqual({
      outcome: 'ordinary',
      article: '',
    });
    // an ordinary penalty drops the untouched suggested article; the officer's own text stays
    expect(articleAfterOutcomeChange(lighter.article, 'ordinary', lighter)).toBe('');
    expect(articleAfterOutcomeChange('第三十二条第（一）项', 'ordinary', lighter)).toBe(
      '第三十二条第（一）项',
    );
    // back to the suggestion with nothing written: the suggested article again
    expect(articleAfterOutcomeChange('', 'lighter', lighter)).toBe(lighter.article);
    expect(articleAfterOutcomeChange(lighter.article, 'mitigated', lighter)).toBe(lighter.article);
    expect(articleRequired('mitigated')).toBe(true);
    expect(articleRequired('ordinary')).toBe(false);
    expect(articleRequired(undefined)).toBe(false);
    expect(departsFromSuggestion('ordinary', lighter)).toBe(true);
    expect(departsFromSuggestion('lighter', lighter)).toBe(false);
  });

  it('sends a decision with trimmed text and no empty article or number', () => {
    expect(
      decisionBody({ outcome: 'ordinary', article: '  ', reason: ' 整改拖延 ', decisionNumber: '' }),
    ).toEqual({ outcome: 'ordinary', reason: '整改拖延' });
    expect(
      decisionBody({
        outcome: 'lighter',
        article: ` ${lighter.article} `,
        reason: '主动报告',
        decisionNumber: ' 鹿应急罚〔2026〕15号 ',
      }),
    ).toEqual({
      outcome: 'lighter',
      article: lighter.article,
      reason: '主动报告',
      decisionNumber: '鹿应急罚〔2026〕15号',
    });
  });
});

describe('problems', () => {
  it('puts the module’s bare field paths under the form’s fields', () => {
    expect(bodyFieldPath('inspectedOn')).toBe('body/inspectedOn');
    expect(bodyFieldPath('violations/0/description')).toBe('body/violations/0/description');
    expect(bodyFieldPath('/reply')).toBe('body/reply');
    expect(bodyFieldPath('body/reason')).toBe('body/reason');
    expect(bodyFieldPath('querystring/q')).toBe('querystring/q');

    const problem = new ApiProblem({
      status: 422,
      code: 'INSPECTION_DATES',
      title: '检查日期不能晚于今天',
      errors: [
        { field: 'rectifyBy', code: 'invalid', message: '发现违法行为时须填写整改期限' },
        { field: 'violations/1/description', code: 'invalid', message: '请描述违法事实' },
      ],
    });
    const mapped = withBodyFieldPaths(problem);
    expect(mapped).toBeInstanceOf(ApiProblem);
    expect((mapped as ApiProblem).code).toBe('INSPECTION_DATES');
    expect(formFieldErrors(mapped as ApiProblem, 'zh-CN')).toEqual([
      { name: ['rectifyBy'], errors: ['发现违法行为时须填写整改期限'] },
      { name: ['violations', 1, 'description'], errors: ['请描述违法事实'] },
    ]);
    const plain = new Error('x');
    expect(withBodyFieldPaths(plain)).toBe(plain);
  });

  it('refreshes after a conflict or a vanished record', () => {
    expect(
      isStaleProblem(new ApiProblem({ status: 409, code: 'ADVICE_CAMPAIGN_TRANSITION', title: 'x' })),
    ).toBe(true);
    expect(isStaleProblem(new ApiProblem({ status: 422, code: 'ADVICE_CAMPAIGN_EMPTY', title: 'x' }))).toBe(
      false,
    );
  });
});
