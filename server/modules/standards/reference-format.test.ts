import { describe, expect, it } from 'vitest';
import { readReferenceStandards } from './reference-format.js';

describe('reference standards in data/standards', () => {
  const standards = readReferenceStandards();

  it('ships the footwear and the micro-park standards', () => {
    expect(standards.map((s) => s.key).sort()).toEqual(['footwear', 'micro-park']);
  });

  it.each(standards.map((s) => [s.key, s] as const))(
    '%s: at least 40 items, key items mapped to legal criteria',
    (_key, s) => {
      expect(s.items.length).toBeGreaterThanOrEqual(40);
      const key = s.items.filter((i) => i.isKey);
      expect(key.length).toBeGreaterThan(5);
      expect(key.every((i) => i.legalBasis.length > 0)).toBe(true);
      expect(key.filter((i) => i.majorHazard).length).toBeGreaterThan(3);
      expect(s.industryModules.length).toBeGreaterThan(0);
    },
  );
});
