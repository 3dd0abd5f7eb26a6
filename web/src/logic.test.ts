import { describe, expect, it } from 'vitest';
import { roleLabels } from '../../domain/labels';
import { roles } from '../../domain/roles';
import { jobPercent } from './components/JobProgress';
import { formatBytes } from './format';
import { generatePassword } from './pages/admin/password-gen';
import { unitChoice } from './pages/admin/UnitPicker';
import { safeNext } from './pages/LoginPage';

describe('safeNext (where to go after login)', () => {
  it('accepts paths of this app only', () => {
    expect(safeNext('/audit?kind=x')).toBe('/audit?kind=x');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('//evil.example/')).toBe('/');
    expect(safeNext('/login?next=/x')).toBe('/');
  });
});

describe('unitChoice (the unit field of a role binding)', () => {
  it('follows the unit kind of the role', () => {
    expect(unitChoice('system_admin')).toBe('jurisdiction');
    expect(unitChoice('expert')).toBe('jurisdiction');
    expect(unitChoice('bureau_reviewer')).toBe('department');
    expect(unitChoice('subdistrict_officer')).toBe('subdistrict');
    expect(unitChoice('enterprise_user')).toBe('id');
    expect(unitChoice('agency_user')).toBe('agency');
    expect(unitChoice('association_user')).toBe('id');
    expect(unitChoice(undefined)).toBe('none');
    expect(unitChoice('no_such_role')).toBe('none');
  });
});

describe('jobPercent', () => {
  it('is null until the job knows its total, 100 when done, capped otherwise', () => {
    expect(jobPercent({ status: 'queued', progressDone: 0, progressTotal: null })).toBeNull();
    expect(jobPercent({ status: 'running', progressDone: 250, progressTotal: 1000 })).toBe(25);
    expect(jobPercent({ status: 'running', progressDone: 1200, progressTotal: 1000 })).toBe(100);
    expect(jobPercent({ status: 'done', progressDone: 3, progressTotal: null })).toBe(100);
  });
});

describe('generatePassword', () => {
  it('is long enough, has a digit and no look-alike characters', () => {
    for (let i = 0; i < 200; i++) {
      const p = generatePassword();
      expect(p).toHaveLength(12);
      expect(p).toMatch(/\d/);
      expect(p).not.toMatch(/[0O1lI]/);
    }
  });

  it('adds a digit when the random letters had none', () => {
    const noDigits = (n: number) => new Uint32Array(n).fill(0); // all 'A'
    expect(generatePassword(12, noDigits)).toMatch(/\d$/);
  });
});

describe('labels', () => {
  it('name every role in both languages', () => {
    for (const role of roles) {
      expect(roleLabels[role]['zh-CN']).toBeTruthy();
      expect(roleLabels[role].en).toBeTruthy();
    }
    expect(roleLabels.bureau_reviewer['zh-CN']).toBe('应急管理局审核员');
  });

  it('formats byte sizes', () => {
    expect(formatBytes(31_457_280)).toBe('30 MB');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(10)).toBe('10 B');
  });
});
