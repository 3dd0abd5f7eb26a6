import { describe, expect, it } from 'vitest';
import { isFrequent, suggestLeniency, type LeniencyFacts } from './enforcement.js';

const base: LeniencyFacts = {
  firstViolation: false,
  selfReportedBefore: false,
  rectificationStarted: false,
  correctedInTime: false,
  harm: 'harmful',
  list: null,
};

describe('the frequency rule', () => {
  it('fires at the threshold, never with a zero threshold', () => {
    expect(isFrequent(4, 5)).toBe(false);
    expect(isFrequent(5, 5)).toBe(true);
    expect(isFrequent(9, 0)).toBe(false);
  });
});

describe('leniency suggestion (Administrative Penalty Law arts. 32, 33)', () => {
  it('must not penalise a listed minor violation corrected in time without harm, and asks for education', () => {
    const s = suggestLeniency({ ...base, list: 'no_penalty', correctedInTime: true, harm: 'none' });
    expect(s).toMatchObject({ outcome: 'no_penalty', mandatory: true, educate: true });
    expect(s.article).toContain('第三十三条');
  });

  it('may not penalise a first violation with slight harm corrected in time', () => {
    const s = suggestLeniency({ ...base, firstViolation: true, correctedInTime: true, harm: 'slight' });
    expect(s).toMatchObject({ outcome: 'no_penalty', mandatory: false, educate: true });
  });

  it('a first violation that caused harm, or was not corrected in time, is not spared', () => {
    expect(suggestLeniency({ ...base, firstViolation: true, correctedInTime: true }).outcome).toBe(
      'ordinary',
    );
    expect(suggestLeniency({ ...base, firstViolation: true, harm: 'none' }).outcome).toBe('ordinary');
  });

  it('must lighten (or mitigate, for types on that list) when the enterprise reported and was fixing it first', () => {
    const self = { ...base, selfReportedBefore: true, rectificationStarted: true };
    expect(suggestLeniency(self)).toMatchObject({ outcome: 'lighter', mandatory: true });
    expect(suggestLeniency({ ...self, list: 'mitigated' }).outcome).toBe('mitigated');
    expect(suggestLeniency(self).article).toContain('第三十二条');
    // reporting without starting to fix it is not enough
    expect(suggestLeniency({ ...self, rectificationStarted: false }).outcome).toBe('ordinary');
  });

  it('suggests an ordinary penalty otherwise, citing no leniency article', () => {
    expect(suggestLeniency(base)).toMatchObject({ outcome: 'ordinary', article: null });
  });
});
