import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem';
import { en } from '../../i18n/en';
import { zhCN } from '../../i18n/zh-CN';
import {
  agencyUnits,
  certificateValid,
  chinaToday,
  confirmationStatuses,
  engineerLevelKey,
  engineerLevels,
  engineerQueueOrder,
  engineerStatusKey,
  engineerStatuses,
  enterpriseUnits,
  groupByModule,
  headerActions,
  isOpen,
  itemBody,
  itemResults,
  moduleLabel,
  progressOf,
  resultKey,
  sections,
  signableEngineers,
  stateKey,
  statusKey,
  suggestedConclusion,
  unansweredCodes,
  validityOf,
  withItem,
  type ConfirmationDetail,
  type ConfirmationItem,
} from './confirmations-logic';

const noAbilities: ConfirmationDetail['abilities'] = {
  accept: false,
  decline: false,
  withdraw: false,
  check: false,
  conclude: false,
  reopen: false,
  sign: false,
  revoke: false,
};

function item(code: string, module: string, result: ConfirmationItem['result'] = null): ConfirmationItem {
  return { itemCode: code, module, requirement: `要求 ${code}`, result, note: '', evidence: [], answeredAt: null };
}

describe('labels', () => {
  it('have a Chinese and an English text for every status, state, result, engineer status and level', () => {
    const keys = [
      ...confirmationStatuses.map(statusKey),
      ...(['in_force', 'expired', 'lapsed'] as const).map(stateKey),
      ...itemResults.map(resultKey),
      ...engineerStatuses.map(engineerStatusKey),
      ...engineerLevels.map(engineerLevelKey),
    ];
    for (const k of keys) {
      expect(zhCN[k], k).toBeTruthy();
      expect(en[k], k).toBeTruthy();
    }
  });
});

describe('validity on a list', () => {
  it('shows only for confirmed ones: the server state when known, else in force until validUntil', () => {
    expect(validityOf({ status: 'signing', validUntil: null }, '2026-05-01')).toBeNull();
    expect(validityOf({ status: 'confirmed', validUntil: '2026-05-01' }, '2026-05-01')).toEqual({
      state: 'in_force',
      until: '2026-05-01',
    });
    expect(validityOf({ status: 'confirmed', validUntil: '2026-04-30' }, '2026-05-01')?.state).toBe('expired');
    expect(validityOf({ status: 'confirmed', validUntil: '2027-01-01', state: 'lapsed' }, '2026-05-01')?.state).toBe(
      'lapsed',
    );
    expect(validityOf({ status: 'revoked', validUntil: '2027-01-01', state: null }, '2026-05-01')).toBeNull();
  });

  it('knows which requests are still open', () => {
    expect(confirmationStatuses.filter(isOpen)).toEqual(['requested', 'checking', 'signing']);
  });
});

describe('actions and sections', () => {
  it('shows the header actions the server allows, in a fixed order', () => {
    expect(headerActions(noAbilities)).toEqual([]);
    expect(headerActions({ ...noAbilities, decline: true, accept: true })).toEqual(['accept', 'decline']);
    expect(headerActions({ ...noAbilities, withdraw: true, reopen: true, revoke: true })).toEqual([
      'reopen',
      'withdraw',
      'revoke',
    ]);
  });

  it('edits the form while checking and shows signatures from signing on', () => {
    expect(sections({ status: 'checking', abilities: { ...noAbilities, check: true, conclude: true }, conclusion: null })).toEqual({
      editable: true,
      conclude: true,
      signatures: false,
      conclusion: false,
    });
    expect(sections({ status: 'signing', abilities: noAbilities, conclusion: 'confirmed' })).toMatchObject({
      editable: false,
      signatures: true,
      conclusion: true,
    });
    expect(sections({ status: 'requested', abilities: noAbilities, conclusion: null }).signatures).toBe(false);
  });

  it('offers to sign only as the user’s own engineers who have not signed', () => {
    const mine = [
      { id: 'e1', agencyId: 'a', name: '张工', certificateNumber: 'Z1' },
      { id: 'e2', agencyId: 'a', name: '李工', certificateNumber: 'Z2' },
    ];
    const signatures = [{ engineerId: 'e1', name: '张工', certificateNumber: 'Z1', signedAt: '', signedOn: '2026-05-01' }];
    expect(signableEngineers({ abilities: { ...noAbilities, sign: true }, myEngineers: mine, signatures }).map((e) => e.id)).toEqual([
      'e2',
    ]);
    expect(signableEngineers({ abilities: noAbilities, myEngineers: mine, signatures: [] })).toEqual([]);
  });
});

describe('the form', () => {
  const items = [item('1.1', 'M01', 'compliant'), item('2.1', 'M02'), item('1.2', 'M01', 'non_compliant')];

  it('groups items by module in the order of their first item', () => {
    expect(groupByModule(items).map((g) => [g.module, g.items.map((i) => i.itemCode)])).toEqual([
      ['M01', ['1.1', '1.2']],
      ['M02', ['2.1']],
    ]);
  });

  it('counts progress and suggests the conclusion', () => {
    expect(progressOf(items)).toEqual({ done: 2, total: 3, nonCompliant: 1 });
    expect(suggestedConclusion(items)).toBe('not_confirmed');
    expect(suggestedConclusion([item('1', 'M', 'compliant'), item('2', 'M', 'not_applicable')])).toBe('confirmed');
  });

  it('sends the whole item and replaces it in the detail', () => {
    const changed = { ...items[1], result: 'compliant' as const, note: '现场核查', evidence: ['a'.repeat(64)] };
    expect(itemBody(changed)).toEqual({ result: 'compliant', note: '现场核查', evidence: ['a'.repeat(64)] });
    const detail = { items } as unknown as ConfirmationDetail;
    expect(withItem(detail, changed).items.map((i) => i.result)).toEqual(['compliant', 'compliant', 'non_compliant']);
  });

  it('reads the unchecked item codes from a refused conclude', () => {
    const problem = new ApiProblem({
      title: '还有重点审查项未检查',
      status: 400,
      code: 'CONFIRMATION_ITEM_UNANSWERED',
      errors: [
        { field: 'items/2.1', code: 'unanswered', message: '' },
        { field: 'body/items/3.4', code: 'unanswered', message: '' },
        { field: 'body/note', code: 'maxLength', message: '' },
      ],
    });
    expect(unansweredCodes(problem)).toEqual(['2.1', '3.4']);
    expect(unansweredCodes(new Error('x'))).toEqual([]);
  });

  it('names the common modules', () => {
    const common = groupByModule(items)[0].module;
    expect(typeof moduleLabel(common, 'zh-CN')).toBe('string');
    expect(moduleLabel('X99', 'en')).toBe('X99');
  });
});

describe('engineers', () => {
  it('queue pending ones first', () => {
    const list = [
      { name: '王', status: 'approved' as const },
      { name: '赵', status: 'pending' as const },
      { name: '钱', status: 'rejected' as const },
      { name: '李', status: 'pending' as const },
    ];
    expect(engineerQueueOrder(list).map((e) => e.status)).toEqual(['pending', 'pending', 'approved', 'rejected']);
  });

  it('checks a certificate’s validity on a date', () => {
    const e = { validFrom: '2024-01-01', validTo: '2026-12-31' };
    expect(certificateValid(e, '2026-12-31')).toBe(true);
    expect(certificateValid(e, '2027-01-01')).toBe(false);
    expect(certificateValid(e, '2023-12-31')).toBe(false);
  });

  it('finds the user’s agencies and enterprises in the roles', () => {
    const roles = [
      { role: 'agency_user', unitId: 'a1', unitName: '安信' },
      { role: 'agency_user', unitId: 'a1', unitName: '安信' },
      { role: 'enterprise_user', unitId: 'e1', unitName: '鞋厂' },
    ];
    expect(agencyUnits(roles)).toEqual([{ id: 'a1', name: '安信' }]);
    expect(enterpriseUnits(roles)).toEqual([{ id: 'e1', name: '鞋厂' }]);
  });

  it('takes today in China', () => {
    expect(chinaToday(new Date('2026-05-01T17:00:00Z'))).toBe('2026-05-02');
  });
});
