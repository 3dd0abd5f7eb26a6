import { describe, expect, it } from 'vitest';
import { evaluateEligibility, isEligible, type EligibilityFacts } from './eligibility.js';

const rules = { accidentLookbackYears: 3, penaltyLookbackYears: 1, parkRequiresTenantsKnown: true };
const today = '2026-11-26';
const good: EligibilityFacts = {
  commitment: { signed: true, upToDate: true },
  selfInspection: { completedOn: '2026-10-01', onCurrentVersion: true },
  hazards: { openMajor: 0, overdue: 0 },
  confirmation: { validUntil: '2027-10-01' },
  accidents: [],
  penalties: [],
  dishonesty: [],
  reentryBanUntil: null,
  host: null,
  park: null,
};
const failing = (facts: Partial<EligibilityFacts>) =>
  evaluateEligibility({ ...good, ...facts }, rules, today).filter((r) => !r.pass);

describe('white-list eligibility', () => {
  it('passes an enterprise meeting every condition, and says why for each', () => {
    const results = evaluateEligibility(good, rules, today);
    expect(isEligible(results)).toBe(true);
    expect(results.map((r) => r.key)).toEqual([
      'commitment',
      'selfInspection',
      'hazards',
      'confirmation',
      'accidents',
      'penalties',
      'dishonesty',
      'reentryBan',
    ]);
  });

  it('fails each condition with its reason', () => {
    expect(failing({ commitment: { signed: true, upToDate: false } })[0]).toMatchObject({
      key: 'commitment',
      reason: '承诺书文本已更新，须重新签署',
    });
    expect(failing({ selfInspection: { completedOn: '2026-01-01', onCurrentVersion: false } })[0].key).toBe(
      'selfInspection',
    );
    expect(failing({ hazards: { openMajor: 1, overdue: 0 } })[0].reason).toContain('重大事故隐患');
    expect(failing({ confirmation: { validUntil: '2026-11-25' } })[0].reason).toContain('过期');
    expect(failing({ dishonesty: [{ from: '2026-01-01', to: null }] })[0].key).toBe('dishonesty');
    expect(failing({ reentryBanUntil: '2027-06-30' })[0].key).toBe('reentryBan');
  });

  it('looks back over the accident and penalty windows only', () => {
    const accident = { grade: 'general' as const, deaths: 0, seriousInjuries: 1 };
    expect(failing({ accidents: [{ ...accident, occurredOn: '2024-01-01' }] })[0].key).toBe('accidents');
    expect(failing({ accidents: [{ ...accident, occurredOn: '2023-11-26' }] })).toEqual([]);
    expect(
      failing({ accidents: [{ grade: 'general', deaths: 0, seriousInjuries: 0, occurredOn: '2026-01-01' }] }),
    ).toEqual([]);
    expect(failing({ penalties: [{ decidedOn: '2026-02-01', workSafety: true }] })[0].key).toBe('penalties');
    expect(failing({ penalties: [{ decidedOn: '2025-11-26', workSafety: true }] })).toEqual([]);
    expect(failing({ penalties: [{ decidedOn: '2026-02-01', workSafety: false }] })).toEqual([]);
  });

  it('checks the host of a 厂中厂 tenant and the tenants of a park', () => {
    expect(failing({ host: { name: '某鞋业', openMajor: 2 } })[0].reason).toContain('某鞋业');
    expect(failing({ park: { tenants: 10, unknown: 3 } })[0].key).toBe('park');
    expect(
      evaluateEligibility(
        { ...good, park: { tenants: 10, unknown: 3 } },
        { ...rules, parkRequiresTenantsKnown: false },
        today,
      ).every((r) => r.pass),
    ).toBe(true);
  });
});
