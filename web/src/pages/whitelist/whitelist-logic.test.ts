import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import {
  actionKey,
  applicationActionOrder,
  applicationListQuery,
  applicationStatuses,
  batchBody,
  collectable,
  daysLeft,
  deadlineView,
  detailActions,
  estimatedYears,
  failedConditionKeys,
  formatStatuses,
  hasFilters,
  isOpenStatus,
  isStaleProblem,
  opinionBody,
  opinionStatusKey,
  opinionStatuses,
  opinionsSummary,
  parseStatuses,
  reasonBody,
  solicitBody,
  statusColor,
  statusKey,
  stepKeys,
  stepLabel,
  stepState,
  withdrawBody,
  type StepFacts,
} from './whitelist-logic';

const facts = (over: Partial<StepFacts>): StepFacts => ({
  status: 'draft',
  submittedAt: null,
  collectedAt: null,
  noticeId: null,
  opinions: { total: 0 },
  ...over,
});

describe('labels', () => {
  it('has a Chinese and an English label for every status, opinion status, step and action', () => {
    const keys = [
      ...applicationStatuses.map(statusKey),
      ...opinionStatuses.map(opinionStatusKey),
      ...stepKeys.map(stepLabel),
      ...applicationActionOrder.map(actionKey),
    ];
    for (const k of keys) {
      expect(zhCN[k], k).toBeTruthy();
      expect(en[k], k).toBeTruthy();
    }
    expect(zhCN[statusKey('collected')]).toBe('街镇已收集');
    expect(zhCN[statusKey('rejected')]).toBe('不予入库');
  });
  it('gives every status a colour', () => {
    for (const s of applicationStatuses) expect(statusColor[s]).toBeTruthy();
  });
  it('knows which statuses are open', () => {
    expect(applicationStatuses.filter(isOpenStatus)).toEqual([
      'draft',
      'submitted',
      'collected',
      'formal_review',
      'opinions',
      'public_notice',
      'returned',
    ]);
  });
});

describe('steps', () => {
  it('puts each open status on its step', () => {
    expect(stepState(facts({ status: 'draft' }))).toEqual({ current: 0, status: 'process' });
    expect(stepState(facts({ status: 'submitted' }))).toEqual({ current: 1, status: 'process' });
    expect(stepState(facts({ status: 'collected' }))).toEqual({ current: 2, status: 'process' });
    expect(stepState(facts({ status: 'formal_review' }))).toEqual({ current: 2, status: 'process' });
    expect(stepState(facts({ status: 'opinions' }))).toEqual({ current: 3, status: 'process' });
    expect(stepState(facts({ status: 'public_notice' }))).toEqual({ current: 4, status: 'process' });
    expect(stepState(facts({ status: 'published' }))).toEqual({ current: 5, status: 'finish' });
  });
  it('sends a returned application back to the enterprise, in red', () => {
    expect(stepState(facts({ status: 'returned', submittedAt: '2026-03-01T00:00:00Z' }))).toEqual({
      current: 0,
      status: 'error',
    });
  });
  it('stops a rejected or withdrawn application on the furthest step it reached', () => {
    expect(stepState(facts({ status: 'withdrawn' }))).toEqual({ current: 0, status: 'error' });
    expect(stepState(facts({ status: 'withdrawn', submittedAt: 'x' }))).toEqual({ current: 1, status: 'error' });
    expect(stepState(facts({ status: 'rejected', submittedAt: 'x', collectedAt: 'y' }))).toEqual({
      current: 2,
      status: 'error',
    });
    expect(
      stepState(facts({ status: 'rejected', submittedAt: 'x', collectedAt: 'y', opinions: { total: 3 } })),
    ).toEqual({ current: 3, status: 'error' });
    expect(
      stepState(facts({ status: 'rejected', submittedAt: 'x', collectedAt: 'y', opinions: { total: 3 }, noticeId: 'n' })),
    ).toEqual({ current: 4, status: 'error' });
  });
});

describe('deadlines', () => {
  it('counts calendar days left, negative once passed', () => {
    expect(daysLeft('2026-10-09', '2026-09-30')).toBe(9);
    expect(daysLeft('2026-03-01', '2026-02-28')).toBe(1);
    expect(daysLeft('2026-03-01', '2026-03-01')).toBe(0);
    expect(daysLeft('2026-03-01', '2026-03-04')).toBe(-3);
  });
  it('words a deadline: days left, today, passed; orange when close', () => {
    expect(deadlineView('2026-03-10', '2026-03-01')).toEqual({ key: 'whitelist.deadline.left', n: 9, color: 'default' });
    expect(deadlineView('2026-03-03', '2026-03-01')).toEqual({ key: 'whitelist.deadline.left', n: 2, color: 'orange' });
    expect(deadlineView('2026-03-01', '2026-03-01')).toEqual({ key: 'whitelist.deadline.today', n: 0, color: 'orange' });
    expect(deadlineView('2026-02-27', '2026-03-01')).toEqual({ key: 'whitelist.deadline.passed', n: 2, color: 'red' });
  });
  it('lists the years whose deadlines are estimated', () => {
    expect(
      estimatedYears([
        { deadline: '2027-01-05', deadlineEstimated: true },
        { deadline: '2026-12-30', deadlineEstimated: false },
        { deadline: '2027-01-06', deadlineEstimated: true },
      ]),
    ).toEqual([2027]);
    expect(estimatedYears([])).toEqual([]);
  });
});

describe('actions', () => {
  it('shows only what the server allows, in a fixed order, without collect', () => {
    expect(detailActions(['withdraw', 'submit'])).toEqual(['submit', 'withdraw']);
    expect(detailActions(['reject', 'solicit', 'return', 'collect'])).toEqual(['solicit', 'return', 'reject']);
    expect(detailActions(['opinion', 'somethingNew'])).toEqual(['opinion']);
    expect(detailActions([])).toEqual([]);
  });
  it('collects submitted applications only', () => {
    expect(applicationStatuses.filter((status) => collectable({ status }))).toEqual(['submitted']);
  });
});

describe('list filters', () => {
  it('reads several statuses from the URL, dropping unknown ones', () => {
    expect(parseStatuses('opinions,submitted,bogus')).toEqual(['submitted', 'opinions']);
    expect(parseStatuses(undefined)).toEqual([]);
    expect(formatStatuses(['opinions', 'submitted'])).toBe('submitted,opinions');
    expect(formatStatuses([])).toBeUndefined();
  });
  it('turns the URL into the list query', () => {
    expect(applicationListQuery({})).toEqual({ page: 1, pageSize: 20 });
    expect(applicationListQuery({ status: 'submitted,collected', sub: 's1', q: ' 鞋业 ', page: '3' })).toEqual({
      status: 'submitted,collected',
      subdistrictId: 's1',
      q: '鞋业',
      page: 3,
      pageSize: 20,
    });
    expect(applicationListQuery({ page: '-1', q: '  ' })).toEqual({ page: 1, pageSize: 20 });
  });
  it('knows when filters are set', () => {
    expect(hasFilters({ page: '2', tab: 'batches' })).toBe(false);
    expect(hasFilters({ q: 'x' })).toBe(true);
  });
  it('summarises opinions: objections first, then escalated, pending, cleared', () => {
    const o = { pending: 0, objected: 0, escalated: 0, cleared: 0, total: 0 };
    expect(opinionsSummary(o)).toBeNull();
    expect(opinionsSummary({ ...o, pending: 2, objected: 1, total: 4 })?.key).toBe('whitelist.opinions.objected');
    expect(opinionsSummary({ ...o, pending: 2, escalated: 1, total: 4 })?.key).toBe('whitelist.opinions.escalated');
    expect(opinionsSummary({ ...o, pending: 2, cleared: 1, total: 3 })).toEqual({
      key: 'whitelist.opinions.pending',
      params: { n: 2, total: 3 },
      color: 'gold',
    });
    expect(opinionsSummary({ ...o, cleared: 3, total: 3 })?.color).toBe('green');
  });
});

describe('request bodies', () => {
  it('trims reasons and leaves out empty optional ones', () => {
    expect(reasonBody('  材料不全 ')).toEqual({ reason: '材料不全' });
    expect(withdrawBody('  ')).toEqual({});
    expect(withdrawBody(undefined)).toEqual({});
    expect(withdrawBody(' 暂不申请 ')).toEqual({ reason: '暂不申请' });
  });
  it('asks each department once', () => {
    expect(solicitBody(['d1', 'd2', 'd1'])).toEqual({ departmentIds: ['d1', 'd2'] });
  });
  it('sends an opinion with its reason when given', () => {
    expect(opinionBody('agree', '')).toEqual({ answer: 'agree' });
    expect(opinionBody('object', ' 存在未结案处罚 ')).toEqual({ answer: 'object', reason: '存在未结案处罚' });
  });
  it('builds a batch with an optional note', () => {
    expect(batchBody(['a', 'b', 'a'], ' ')).toEqual({ applicationIds: ['a', 'b'] });
    expect(batchBody(['a'], '第一批')).toEqual({ applicationIds: ['a'], note: '第一批' });
  });
});

describe('problems', () => {
  const problem = (code: string, status: number, extra: Record<string, unknown> = {}) =>
    new ApiProblem({ code, status, title: 't', ...extra });
  it('reads the failed condition keys of a not-eligible refusal', () => {
    expect(failedConditionKeys(problem('WHITELIST_NOT_ELIGIBLE', 422, { failed: ['commitment', 3] }))).toEqual([
      'commitment',
    ]);
    expect(
      failedConditionKeys(problem('WHITELIST_NOT_ELIGIBLE', 422, { details: { failed: ['hazards'] } })),
    ).toEqual(['hazards']);
    expect(failedConditionKeys(problem('WHITELIST_TRANSITION', 409, { failed: ['x'] }))).toEqual([]);
    expect(failedConditionKeys(new Error('x'))).toEqual([]);
  });
  it('refreshes after conflicts and not-found', () => {
    expect(isStaleProblem(problem('WHITELIST_TRANSITION', 409))).toBe(true);
    expect(isStaleProblem(problem('VALIDATION_FAILED', 400))).toBe(false);
  });
});
