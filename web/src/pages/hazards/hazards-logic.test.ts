import { describe, expect, it } from 'vitest';
import { zhCN } from '../../i18n/zh-CN';
import {
  currentView,
  daysLeft,
  extensionActions,
  extensionListQuery,
  extensionStatuses,
  extensionStatusLabel,
  hazardActions,
  hazardFilterQuery,
  hazardListQuery,
  hazardStatuses,
  hazardStatusLabel,
  hazardTimeline,
  hazardViewLabel,
  hazardViews,
  viewCountQuery,
} from './hazards-logic';

const none = {
  update: false,
  start: false,
  submit: false,
  verify: false,
  reject: false,
  reopen: false,
  requestExtension: false,
};

describe('hazard filters ↔ query', () => {
  it('starts on unresolved and maps each quick view', () => {
    expect(currentView({})).toBe('unresolved');
    expect(currentView({ view: 'nonsense' })).toBe('unresolved');
    expect(hazardFilterQuery({})).toEqual({ unresolved: true });
    expect(hazardFilterQuery({ view: 'awaiting' })).toEqual({ status: 'awaiting_verification' });
    expect(hazardFilterQuery({ view: 'overdue' })).toEqual({ overdue: true });
    expect(hazardFilterQuery({ view: 'major' })).toEqual({ severity: 'major', unresolved: true });
    expect(hazardFilterQuery({ view: 'all' })).toEqual({});
  });

  it('adds the finer filters and ignores junk', () => {
    expect(
      hazardFilterQuery({
        view: 'all',
        status: 'rectifying',
        severity: 'major',
        overdue: '1',
        sub: 's1',
        ent: 'e1',
      }),
    ).toEqual({
      status: 'rectifying',
      severity: 'major',
      overdue: true,
      subdistrictId: 's1',
      enterpriseId: 'e1',
    });
    expect(hazardFilterQuery({ status: 'bogus', severity: 'huge', overdue: 'yes' })).toEqual({
      unresolved: true,
    });
    // "closed" contradicts "unresolved": the chosen status wins
    expect(hazardFilterQuery({ status: 'closed' })).toEqual({ status: 'closed' });
  });

  it('pages with sane defaults', () => {
    expect(hazardListQuery({})).toMatchObject({ page: 1, pageSize: 20 });
    expect(hazardListQuery({ page: '3', size: '50' })).toMatchObject({ page: 3, pageSize: 50 });
    expect(hazardListQuery({ page: '-1', size: '7' })).toMatchObject({ page: 1, pageSize: 20 });
  });

  it('counts each view with only the unit filters', () => {
    expect(viewCountQuery({ view: 'all', status: 'open', sub: 's1' }, 'overdue')).toEqual({
      overdue: true,
      subdistrictId: 's1',
      page: 1,
      pageSize: 1,
    });
  });

  it('maps extension filters', () => {
    expect(extensionListQuery({})).toEqual({ page: 1, pageSize: 20 });
    expect(extensionListQuery({ status: 'pending', sub: 's', page: '2' })).toEqual({
      status: 'pending',
      subdistrictId: 's',
      page: 2,
      pageSize: 20,
    });
    expect(extensionListQuery({ status: 'nope' })).toEqual({ page: 1, pageSize: 20 });
  });
});

describe('labels', () => {
  it('has a text for every status and view', () => {
    for (const s of hazardStatuses) expect(zhCN[hazardStatusLabel[s]]).toBeTruthy();
    for (const s of extensionStatuses) expect(zhCN[extensionStatusLabel[s]]).toBeTruthy();
    for (const v of hazardViews) expect(zhCN[hazardViewLabel[v]]).toBeTruthy();
    expect(zhCN['hazards.status.awaiting_verification']).toBe('待验收');
  });
});

describe('which actions show', () => {
  it('shows only what the abilities allow, the main step first', () => {
    expect(hazardActions({ status: 'closed', abilities: none })).toEqual([]);
    expect(
      hazardActions({
        status: 'open',
        abilities: { ...none, update: true, start: true, submit: true, requestExtension: true },
      }),
    ).toEqual(['submit', 'start', 'edit', 'requestExtension']);
    expect(
      hazardActions({ status: 'awaiting_verification', abilities: { ...none, verify: true, reject: true } }),
    ).toEqual(['verify', 'reject']);
    expect(hazardActions({ status: 'closed', abilities: { ...none, reopen: true } })).toEqual(['reopen']);
  });

  it('hides a second extension request while one is pending', () => {
    const h = { status: 'rectifying' as const, abilities: { ...none, requestExtension: true } };
    expect(hazardActions({ ...h, extensions: [{ status: 'refused' }] })).toEqual(['requestExtension']);
    expect(hazardActions({ ...h, extensions: [{ status: 'pending' }] })).toEqual([]);
  });

  it('offers decide to the subdistrict and withdraw to the enterprise', () => {
    expect(extensionActions({ abilities: { decide: true, withdraw: false } })).toEqual(['approve', 'refuse']);
    expect(extensionActions({ abilities: { decide: false, withdraw: true } })).toEqual(['withdraw']);
    expect(extensionActions({ abilities: { decide: false, withdraw: false } })).toEqual([]);
  });
});

describe('facts and timeline', () => {
  it('counts days to a deadline', () => {
    expect(daysLeft('2026-03-10', '2026-03-01')).toBe(9);
    expect(daysLeft('2026-03-01', '2026-03-03')).toBe(-2);
  });

  it('tells the story in time order and ends with the current status', () => {
    const steps = hazardTimeline({
      reportedAt: '2026-01-01T02:00:00Z',
      submittedAt: '2026-02-10T02:00:00Z',
      closedAt: null,
      status: 'rectifying',
      closureNote: '已更换',
      verificationNote: '照片不清晰',
      overdue: false,
      extensions: [
        {
          status: 'approved',
          requestedAt: '2026-01-20T02:00:00Z',
          decidedAt: '2026-01-22T02:00:00Z',
          requestedDeadline: '2026-03-01',
          approvedDeadline: '2026-02-25',
        },
      ],
    });
    expect(steps.map((s) => s.label)).toEqual([
      'hazards.timeline.reported',
      'hazards.timeline.extensionRequested',
      'hazards.timeline.extensionApproved',
      'hazards.timeline.submitted',
      'hazards.status.rectifying',
    ]);
    expect(steps[2].params).toEqual({ date: '2026-02-25' });
    expect(steps[4]).toMatchObject({ key: 'now', note: '照片不清晰' });
  });

  it('ends with the closure when closed', () => {
    const steps = hazardTimeline({
      reportedAt: '2026-01-01T02:00:00Z',
      submittedAt: '2026-01-05T02:00:00Z',
      closedAt: '2026-01-06T02:00:00Z',
      status: 'closed',
      closureNote: null,
      verificationNote: '合格',
      overdue: false,
    });
    expect(steps.at(-1)).toMatchObject({ key: 'closed', note: '合格' });
  });
});
