import { describe, expect, it } from 'vitest';
import { zhCN } from '../../i18n/zh-CN';
import { commitmentState, commitmentStateMeta, paragraphs, stepLink, stepText } from './readiness-logic';

describe('next steps', () => {
  it('has texts for every step key the server sends', () => {
    for (const key of ['signCommitment', 'resignCommitment', 'fixOverdue', 'fixMajor', 'startInspection', 'continueInspection', 'fixHazards', 'readyToApply']) {
      const text = stepText(key);
      expect(text, key).not.toBeNull();
      expect(zhCN[text!.title]).toBeTruthy();
      expect(zhCN[text!.hint]).toBeTruthy();
    }
    expect(stepText('toString')).toBeNull();
    expect(stepText('somethingNew')).toBeNull();
  });

  it('sends hazard steps to the hazard page quick views, others where the server says', () => {
    expect(stepLink({ key: 'fixOverdue', link: '/hazards?overdue=true' })).toBe('/hazards?view=overdue');
    expect(stepLink({ key: 'fixMajor', link: '/hazards?severity=major' })).toBe('/hazards?view=major');
    expect(stepLink({ key: 'continueInspection', link: '/inspections/x' })).toBe('/inspections/x');
  });
});

describe('commitment', () => {
  it('tells unsigned, outdated and signed apart', () => {
    expect(commitmentState({ signed: false, upToDate: false })).toBe('unsigned');
    expect(commitmentState({ signed: true, upToDate: false })).toBe('outdated');
    expect(commitmentState({ signed: true, upToDate: true })).toBe('signed');
    expect(zhCN[commitmentStateMeta.outdated.key]).toBeTruthy();
  });

  it('splits the text into paragraphs', () => {
    expect(paragraphs('一、遵守法律。\n\n二、落实责任。\r\n  三、接受监督。  \n')).toEqual(['一、遵守法律。', '二、落实责任。', '三、接受监督。']);
  });
});
