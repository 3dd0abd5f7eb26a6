import { describe, expect, it } from 'vitest';
import { en } from './en';
import { translate } from './messages';
import { zhCN } from './zh-CN';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('give every key the same placeholders in both languages', () => {
    const mismatched = (Object.keys(zhCN) as (keyof typeof zhCN)[]).filter(
      (key) => placeholders(zhCN[key]).join() !== placeholders(en[key]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('have no empty text', () => {
    expect(Object.entries(en).filter(([, v]) => v.trim() === '')).toEqual([]);
    expect(Object.entries(zhCN).filter(([, v]) => v.trim() === '')).toEqual([]);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'common.total', { total: 42 })).toBe('共 42 条');
    expect(translate('en', 'common.total', { total: 42 })).toBe('42 in total');
    expect(translate('en', 'users.edit.title', {})).toBe('Edit user: {name}');
  });
});
