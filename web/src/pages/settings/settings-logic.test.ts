import { describe, expect, it } from 'vitest';
import { settingInputKind, settingValueToSend } from './settings-logic';

describe('setting inputs', () => {
  it('follows the type of the current or default value', () => {
    expect(settingInputKind({ key: 'auth.lockoutThreshold', value: 5, default: 5 })).toBe('number');
    expect(
      settingInputKind({ key: 'inspections.keyItemEvidenceRequired', value: false, default: true }),
    ).toBe('boolean');
    expect(
      settingInputKind({ key: 'agencies.gradeScale', value: ['甲', '乙'], default: ['A', 'B', 'C'] }),
    ).toBe('list');
    expect(settingInputKind({ key: 'documents.issuerName', value: '鹿城区应急管理局', default: '' })).toBe(
      'line',
    );
  });

  it('edits free text in a text area: a `.text` key even when empty, and any text with line breaks or long', () => {
    expect(settingInputKind({ key: 'commitment.text', value: '', default: '' })).toBe('text');
    expect(settingInputKind({ key: 'documents.footer', value: '第一行\n第二行', default: '' })).toBe('text');
    expect(settingInputKind({ key: 'documents.footer', value: '长'.repeat(61), default: '' })).toBe('text');
  });

  it('trims text and list entries and drops empty entries', () => {
    expect(settingValueToSend('text', '  本企业承诺：\n遵守法规。 \n')).toBe('本企业承诺：\n遵守法规。');
    expect(settingValueToSend('list', [' A ', '', 'B'])).toEqual(['A', 'B']);
    expect(settingValueToSend('boolean', false)).toBe(false);
    expect(settingValueToSend('number', 3)).toBe(3);
  });
});
