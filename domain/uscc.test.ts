import { describe, expect, it } from 'vitest';
import { composeUscc, isValidUscc, normaliseUscc, usccCheckChar, usccProblem } from './uscc.js';

// Public codes of well-known companies, used as known-good examples of the algorithm.
const known = ['91110000802100433B', '914403001922038216', '91330100799655058B'];

describe('USCC (GB 32100-2015)', () => {
  it('accepts real codes', () => {
    for (const code of known) expect(usccProblem(code), code).toBeNull();
  });

  it('round-trips composed codes', () => {
    const code = composeUscc({ authority: '9', category: '1', division: '330302', orgBody: 'MA2AB3C4' });
    expect(code).toHaveLength(18);
    expect(isValidUscc(code)).toBe(true);
  });

  const good = composeUscc({ authority: '9', category: '1', division: '330302', orgBody: '14527685' });
  const withCheck = (first17: string) => first17 + usccCheckChar(first17);

  it.each([
    ['too short', good.slice(0, 17), 'USCC_LENGTH'],
    ['too long', `${good}1`, 'USCC_LENGTH'],
    ['a forbidden letter (I)', `${good.slice(0, 10)}I${good.slice(11)}`, 'USCC_CHARSET'],
    ['unknown authority (B)', withCheck(`B1${good.slice(2, 17)}`), 'USCC_AUTHORITY'],
    ['category not valid for the authority (9 then 5)', withCheck(`95${good.slice(2, 17)}`), 'USCC_CATEGORY'],
    ['division with a letter', withCheck(`91${'33A302'}${good.slice(8, 17)}`), 'USCC_DIVISION'],
    ['organisation code check char wrong', withCheck(`91330302${'14527685'}${'0'}`), 'USCC_ORG_CODE_CHECK'],
    ['final check char wrong', good.slice(0, 17) + (good[17] === '0' ? '1' : '0'), 'USCC_CHECK_DIGIT'],
  ])('names %s', (_name, code, expected) => {
    expect(usccProblem(code)).toBe(expected);
  });

  it('normalises spaces and case before validating', () => {
    const spaced = ` ${good.slice(0, 6).toLowerCase()} ${good.slice(6)} `;
    expect(isValidUscc(normaliseUscc(spaced))).toBe(true);
  });
});
