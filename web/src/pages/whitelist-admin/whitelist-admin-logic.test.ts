import { describe, expect, it } from 'vitest';
import { exitReasonLabels, measureLabels } from '../../../../domain/whitelist';
import { en } from '../../i18n/en';
import { translate } from '../../i18n/messages';
import { zhCN } from '../../i18n/zh-CN';
import type { Application, Measure, NoticeObjection } from './types';
import {
  applicationStatusKey,
  applicationStatuses,
  chinaToday,
  entryActions,
  entryStatusKey,
  entryStatuses,
  evidenceKind,
  exitProposalBody,
  exitReasonKey,
  exitReasons,
  exitReasonShortKey,
  exitSourceText,
  exitStatusKey,
  exitStatuses,
  measureKey,
  measureKinds,
  measuresOrder,
  measureText,
  noticeableFirst,
  noticeBody,
  noticeStatusKey,
  noticeStatuses,
  notNoticeableReason,
  objectionBody,
  objectionStatusKey,
  objectionStatuses,
  openObjectionCount,
  opinionsCleared,
  periodWorkingDays,
  periodYears,
  publishBlock,
  publishBlockKey,
  reentryBanEnd,
  reviewActions,
  reviewsNewestFirst,
  reviewStatusKey,
  reviewStatuses,
  statusParam,
  unknownPeriodYears,
  validityState,
  workCalendar,
} from './whitelist-admin-logic';

const tZh = (key: Parameters<typeof translate>[1]) => translate('zh-CN', key);
const tEn = (key: Parameters<typeof translate>[1]) => translate('en', key);

const opinions = (o: Partial<Application['opinions']>): Application['opinions'] => ({
  pending: 0,
  objected: 0,
  escalated: 0,
  cleared: 0,
  total: 0,
  ...o,
});
const app = (name: string, status: Application['status'], o: Partial<Application['opinions']>) => ({
  enterpriseName: name,
  status,
  opinions: opinions(o),
});
const objection = (status: NoticeObjection['status']) => ({ status }) as NoticeObjection;

describe('labels', () => {
  it('has a Chinese and an English label for every status', () => {
    const keys = [
      ...noticeStatuses.map(noticeStatusKey),
      ...entryStatuses.map(entryStatusKey),
      ...exitStatuses.map(exitStatusKey),
      ...reviewStatuses.map(reviewStatusKey),
      ...objectionStatuses.map(objectionStatusKey),
      ...applicationStatuses.map(applicationStatusKey),
      ...exitReasons.map(exitReasonKey),
      ...exitReasons.map(exitReasonShortKey),
      ...measureKinds.map(measureKey),
      ...Object.values(publishBlockKey),
    ];
    for (const key of keys) {
      expect(zhCN[key], key).toBeTruthy();
      expect(en[key], key).toBeTruthy();
    }
  });

  it('uses the documented Chinese status names', () => {
    expect(noticeStatuses.map((s) => tZh(noticeStatusKey(s)))).toEqual(['公示中', '公示期满', '已发布']);
    expect(exitStatuses.map((s) => tZh(exitStatusKey(s)))).toEqual(['待决定', '已退出', '已驳回']);
    expect(applicationStatuses.map((s) => tZh(applicationStatusKey(s)))).toEqual([
      '草稿',
      '已提交',
      '街镇已收集',
      '形式审查',
      '征求意见',
      '公示中',
      '已入库',
      '已退回',
      '不予入库',
      '已撤回',
    ]);
  });

  it('words the six exit reasons and the measures exactly as the server does (domain/whitelist.ts)', () => {
    expect(exitReasons).toHaveLength(6);
    for (const r of exitReasons) expect(tZh(exitReasonKey(r))).toBe(exitReasonLabels[r]);
    for (const k of measureKinds) expect(tZh(measureKey(k))).toBe(measureLabels[k]);
  });

  it('names a measure by its kind, or by the server label for a kind it does not know', () => {
    expect(measureText({ kind: 'reentry_ban', label: 'x' }, tEn)).toBe('No new application');
    expect(measureText({ kind: 'something_new', label: '新的措施' }, tEn)).toBe('新的措施');
  });

  it('names the source of an exit: by hand, or the event kind that opened it', () => {
    expect(exitSourceText('manual', 'zh-CN', tZh)).toBe('人工提出');
    expect(exitSourceText('enterprise_request', 'zh-CN', tZh)).toBe('企业申请退出');
    expect(exitSourceText('hazard.reported', 'zh-CN', tZh)).toBe('发现隐患');
    expect(exitSourceText('accident.recorded', 'zh-CN', tZh)).toBe('登记生产安全事故');
    expect(exitSourceText('whitelist.annual_review_decided', 'en', tEn)).toBe('Annual review decided');
    expect(exitSourceText('unknown.kind', 'zh-CN', tZh)).toBe('unknown.kind');
  });

  it('reads a status from the URL only when it is one of the list', () => {
    expect(statusParam(exitStatuses, 'decided')).toBe('decided');
    expect(statusParam(exitStatuses, 'bogus')).toBeUndefined();
    expect(statusParam(exitStatuses, undefined)).toBeUndefined();
  });
});

describe('which applications can go on notice', () => {
  it('needs the opinions stage and every current opinion cleared', () => {
    expect(opinionsCleared(app('a', 'opinions', { cleared: 3, total: 3 }))).toBe(true);
    expect(opinionsCleared(app('a', 'opinions', { cleared: 2, pending: 1, total: 3 }))).toBe(false);
    expect(opinionsCleared(app('a', 'opinions', { total: 0 }))).toBe(false);
    expect(opinionsCleared(app('a', 'formal_review', { cleared: 1, total: 1 }))).toBe(false);
  });

  it('says why not, the blocking reason first', () => {
    expect(notNoticeableReason(app('a', 'opinions', { cleared: 2, total: 2 }))).toBeNull();
    expect(notNoticeableReason(app('a', 'formal_review', {}))).toBe('whitelistAdmin.create.notInOpinions');
    expect(notNoticeableReason(app('a', 'opinions', {}))).toBe('whitelistAdmin.create.noOpinions');
    expect(notNoticeableReason(app('a', 'opinions', { objected: 1, pending: 1, total: 2 }))).toBe(
      'whitelistAdmin.create.objected',
    );
    expect(notNoticeableReason(app('a', 'opinions', { escalated: 1, cleared: 1, total: 2 }))).toBe(
      'whitelistAdmin.create.escalated',
    );
    expect(notNoticeableReason(app('a', 'opinions', { pending: 1, cleared: 1, total: 2 }))).toBe(
      'whitelistAdmin.create.pending',
    );
  });

  it('lists the selectable ones first, then by name', () => {
    const list = [
      app('丙', 'opinions', { pending: 1, total: 1 }),
      app('乙', 'opinions', { cleared: 1, total: 1 }),
      app('甲', 'opinions', { cleared: 1, total: 1 }),
    ];
    expect(noticeableFirst(list).map((a) => a.enterpriseName)).toEqual(['甲', '乙', '丙']);
  });

  it('sends each id once and a title only when one was typed', () => {
    expect(noticeBody(['a', 'b', 'a'], '  ')).toEqual({ applicationIds: ['a', 'b'] });
    expect(noticeBody(['a'], ' 2026年第1批 ')).toEqual({ applicationIds: ['a'], title: '2026年第1批' });
    expect(noticeBody(['a'], undefined)).toEqual({ applicationIds: ['a'] });
  });
});

describe('publishBlock', () => {
  const onNotice = [{ status: 'public_notice' }] as Application[];

  it('refuses while the period runs, even with no objection', () => {
    expect(publishBlock({ status: 'open', openObjections: 0 })).toBe('running');
  });

  it('refuses while an objection is open, counted from the detail when there is one', () => {
    expect(publishBlock({ status: 'ended', openObjections: 1 })).toBe('objections');
    expect(
      publishBlock({
        status: 'ended',
        openObjections: 1,
        objections: [objection('dismissed'), objection('upheld')],
        applications: onNotice,
      }),
    ).toBeNull();
    expect(
      openObjectionCount({
        openObjections: 0,
        objections: [objection('open'), objection('open'), objection('upheld')],
      }),
    ).toBe(2);
  });

  it('refuses a published notice and one with no application left on it', () => {
    expect(publishBlock({ status: 'published', openObjections: 0 })).toBe('published');
    expect(
      publishBlock({
        status: 'ended',
        openObjections: 0,
        objections: [],
        applications: [{ status: 'formal_review' }, { status: 'rejected' }] as Application[],
      }),
    ).toBe('empty');
  });

  it('allows an ended notice with every objection handled', () => {
    expect(publishBlock({ status: 'ended', openObjections: 0 })).toBeNull();
    expect(
      publishBlock({ status: 'ended', openObjections: 0, objections: [], applications: onNotice }),
    ).toBeNull();
  });
});

describe('objectionBody', () => {
  it('sends an outcome only when the objection is upheld', () => {
    expect(objectionBody({ decision: 'dismiss', outcome: 'reject', reason: ' 无事实依据 ' })).toEqual({
      decision: 'dismiss',
      reason: '无事实依据',
    });
    expect(objectionBody({ decision: 'uphold', outcome: 'reject', reason: '属实' })).toEqual({
      decision: 'uphold',
      outcome: 'reject',
      reason: '属实',
    });
    expect(objectionBody({ decision: 'uphold', reason: '需核实' })).toEqual({
      decision: 'uphold',
      outcome: 'reconsider',
      reason: '需核实',
    });
  });
});

describe('working days of a notice period', () => {
  // 2026 National Day and Mid-Autumn: 10-01..10-08 off, Sunday 09-20 and Saturday 10-10 worked
  const cal = workCalendar(
    [
      ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => ({
        date: `2026-10-${d}`,
        kind: 'holiday' as const,
      })),
      { date: '2026-09-20', kind: 'workday' },
      { date: '2026-10-10', kind: 'workday' },
    ],
    [2026],
  );

  it('counts the days after the start up to the end, holidays out and make-up workdays in', () => {
    // opened Tue 09-29: 09-30 and, after the holiday, Fri 10-09, Sat 10-10 (make-up), Mon 10-12, Tue 10-13
    expect(periodWorkingDays({ startsOn: '2026-09-29', endsOn: '2026-10-13' }, cal)).toBe(5);
    expect(periodWorkingDays({ startsOn: '2026-03-02', endsOn: '2026-03-09' }, cal)).toBe(5);
  });

  it('lists the years of the periods and those the calendar does not know', () => {
    expect(
      periodYears([
        { startsOn: '2026-12-30', endsOn: '2027-01-06' },
        { startsOn: '2026-03-02', endsOn: '2026-03-09' },
      ]),
    ).toEqual([2026, 2027]);
    expect(unknownPeriodYears({ startsOn: '2026-12-30', endsOn: '2027-01-06' }, cal)).toEqual([2027]);
    expect(unknownPeriodYears({ startsOn: '2026-03-02', endsOn: '2026-03-09' }, cal)).toEqual([]);
  });
});

describe('entries', () => {
  it('tells a validity that runs, ends within 30 days or has ended', () => {
    expect(validityState('2027-01-31', '2026-12-01')).toBe('valid');
    expect(validityState('2026-12-31', '2026-12-01')).toBe('expiring');
    expect(validityState('2026-12-01', '2026-12-01')).toBe('expiring');
    expect(validityState('2026-11-30', '2026-12-01')).toBe('expired');
  });

  it('shows the actions the server allows, in a fixed order, ignoring unknown ones', () => {
    expect(entryActions(['withdraw', 'suspend', 'propose_exit', 'fly'])).toEqual([
      'propose_exit',
      'suspend',
      'withdraw',
    ]);
    expect(entryActions([])).toEqual([]);
  });

  it('reads the review actions', () => {
    expect(reviewActions(['submit'])).toEqual({ submit: true, decide: false });
    expect(reviewActions(['decide'])).toEqual({ submit: false, decide: true });
    expect(reviewActions([])).toEqual({ submit: false, decide: false });
  });

  it('orders reviews newest first', () => {
    const list = [
      { dueOn: '2026-05-01', openedAt: '2026-04-01T00:00:00Z' },
      { dueOn: '2027-05-01', openedAt: '2027-04-01T00:00:00Z' },
    ];
    expect(reviewsNewestFirst(list).map((r) => r.dueOn)).toEqual(['2027-05-01', '2026-05-01']);
  });

  it('sends evidence with an exit proposal only when some is attached', () => {
    expect(exitProposalBody({ reason: 'accident', summary: ' 事故 ', evidence: [] })).toEqual({
      reason: 'accident',
      summary: '事故',
    });
    expect(exitProposalBody({ reason: 'major_hazard', summary: '隐患', evidence: ['abc'] })).toEqual({
      reason: 'major_hazard',
      summary: '隐患',
      evidence: ['abc'],
    });
  });
});

describe('evidenceKind', () => {
  it('tells a stored file, a link and a text reference apart', () => {
    expect(evidenceKind('a'.repeat(64))).toBe('file');
    expect(evidenceKind('https://example.org/x')).toBe('link');
    expect(evidenceKind('鹿应急罚〔2026〕12号')).toBe('text');
  });
});

describe('measures', () => {
  const m = (kind: string, startsOn: string, endsOn: string | null, inForce: boolean): Measure => ({
    id: `${kind}-${startsOn}`,
    kind,
    label: kind,
    startsOn,
    endsOn,
    inForce,
    note: '',
    exitId: 'x',
  });

  it('puts those in force first, later starts first, kinds in their order within a day', () => {
    const list = [
      m('intensified_inspection', '2026-03-01', '2026-09-01', false),
      m('funding_restriction', '2026-11-01', null, true),
      m('reentry_ban', '2026-11-01', '2028-11-01', true),
      m('reentry_ban', '2026-03-01', '2028-03-01', true),
    ];
    expect(measuresOrder(list).map((x) => x.id)).toEqual([
      'reentry_ban-2026-11-01',
      'funding_restriction-2026-11-01',
      'reentry_ban-2026-03-01',
      'intensified_inspection-2026-03-01',
    ]);
  });

  it('finds the end of the re-entry ban in force', () => {
    expect(
      reentryBanEnd([
        m('reentry_ban', '2026-03-01', '2028-03-01', true),
        m('reentry_ban', '2026-11-01', '2028-11-01', true),
        m('reentry_ban', '2020-01-01', '2022-01-01', false),
      ]),
    ).toBe('2028-11-01');
    expect(reentryBanEnd([m('no_awards', '2026-03-01', '2027-03-01', true)])).toBeNull();
  });
});

describe('chinaToday', () => {
  it('is the date in China (UTC+8)', () => {
    expect(chinaToday(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(chinaToday(new Date('2026-03-01T15:30:00Z'))).toBe('2026-03-01');
  });
});
