import { describe, expect, it } from 'vitest';
import { diffVersions, itemApplies, scopeCovers, scopesOverlap, type StandardItemContent } from './standards.js';

const item = (code: string, over: Partial<StandardItemContent> = {}): StandardItemContent => ({
  code,
  module: 'site',
  requirement: '要求',
  legalBasis: [{ kind: 'law', title: '中华人民共和国安全生产法', article: '第四条' }],
  checkMethod: '',
  evidence: '',
  isKey: false,
  tags: [],
  violationTypes: [],
  majorHazard: null,
  ...over,
});

describe('standards rules', () => {
  it('diffs versions by item code and marks key-item changes', () => {
    const d = diffVersions(
      [item('A'), item('B', { isKey: true }), item('C')],
      [item('A'), item('B', { isKey: true, requirement: '新要求' }), item('D', { isKey: true })],
    );
    expect(d.added.map((i) => i.code)).toEqual(['D']);
    expect(d.removed.map((i) => i.code)).toEqual(['C']);
    expect(d.changed).toMatchObject([{ code: 'B', fields: ['requirement'], keyChange: true }]);
    expect(d.keyItemCodes.sort()).toEqual(['B', 'D']);
  });

  it('ignores key order inside JSON fields', () => {
    const a = item('A', { majorHazard: { source: 'GB-35181', article: '第5条', item: '（一）' } });
    const b = item('A', { majorHazard: { item: '（一）', article: '第5条', source: 'GB-35181' } as never });
    expect(diffVersions([a], [b]).changed).toEqual([]);
  });

  it('applies untagged items always and tagged ones when declared', () => {
    expect(itemApplies({ tags: [] }, new Set())).toBe(true);
    expect(itemApplies({ tags: ['confined_space'] }, new Set())).toBe(false);
    expect(itemApplies({ tags: ['confined_space', 'hot_work'] }, new Set(['hot_work']))).toBe(true);
  });

  it('covers industry codes by prefix and finds overlapping scopes', () => {
    expect(scopeCovers(['195'], '1952')).toBe(true);
    expect(scopeCovers(['195'], '1922')).toBe(false);
    expect(scopesOverlap(['19'], ['1952', '3587'])).toEqual(['1952']);
    expect(scopesOverlap(['18'], ['19'])).toEqual([]);
  });
});
