import { describe, expect, it } from 'vitest';
import { failedFirst, passCount } from './eligibility-logic';

const conditions = [
  { key: 'commitment', pass: true },
  { key: 'selfInspection', pass: false },
  { key: 'hazards', pass: true },
  { key: 'confirmation', pass: false },
];

describe('eligibility checklist', () => {
  it('shows failed conditions first, keeping the server order within each', () => {
    expect(failedFirst(conditions).map((c) => c.key)).toEqual(['selfInspection', 'confirmation', 'commitment', 'hazards']);
  });
  it('counts passed conditions', () => {
    expect(passCount(conditions)).toEqual({ passed: 2, total: 4 });
    expect(passCount([])).toEqual({ passed: 0, total: 0 });
  });
});
