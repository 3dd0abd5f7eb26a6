import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { zhCN } from '../../i18n/zh-CN';
import {
  accidentBody,
  accidentGrades,
  dishonestyBody,
  formatYuan,
  gradeColor,
  gradeLabelKey,
  importRowErrors,
  isXlsxName,
  listingInForce,
  newestFirst,
  penaltyBody,
  sourceKindKey,
} from './records-logic';

describe('grades', () => {
  it('maps each grade to its Chinese label', () => {
    expect(accidentGrades.map((g) => zhCN[gradeLabelKey(g)!])).toEqual(['一般', '较大', '重大', '特别重大']);
  });
  it('has no label for an unknown grade', () => {
    expect(gradeLabelKey('minor')).toBeNull();
    expect(gradeColor('minor')).toBe('default');
  });
  it('source kinds', () => {
    expect(zhCN[sourceKindKey('enforcement')!]).toBe('执法系统');
    expect(sourceKindKey('other')).toBeNull();
  });
});

describe('lists', () => {
  it('sorts newest first without touching the input', () => {
    const rows = [{ d: '2024-01-01' }, { d: '2025-06-01' }, { d: '2023-12-31' }];
    expect(newestFirst(rows, (r) => r.d).map((r) => r.d)).toEqual(['2025-06-01', '2024-01-01', '2023-12-31']);
    expect(rows[0].d).toBe('2024-01-01');
  });
  it('a listing is in force from its start to its end, or open-ended', () => {
    expect(listingInForce({ fromDate: '2025-01-01', toDate: null }, '2026-03-01')).toBe(true);
    expect(listingInForce({ fromDate: '2025-01-01', toDate: '2026-03-01' }, '2026-03-01')).toBe(true);
    expect(listingInForce({ fromDate: '2025-01-01', toDate: '2026-02-28' }, '2026-03-01')).toBe(false);
    expect(listingInForce({ fromDate: '2026-04-01', toDate: null }, '2026-03-01')).toBe(false);
  });
  it('formats yuan', () => {
    expect(formatYuan(1234567)).toBe('1,234,567');
  });
});

describe('request bodies', () => {
  const id = '00000000-0000-4000-8000-000000000001';
  it('accident: dates as YYYY-MM-DD, optional fields left out when empty', () => {
    expect(
      accidentBody(id, {
        occurredOn: dayjs('2025-05-04'),
        grade: 'larger',
        deaths: 3,
        seriousInjuries: 1,
        directLoss: null,
        description: '  ',
        source: ' 调查报告 ',
      }),
    ).toEqual({
      enterpriseId: id,
      occurredOn: '2025-05-04',
      grade: 'larger',
      deaths: 3,
      seriousInjuries: 1,
      source: '调查报告',
    });
  });
  it('penalty: workSafety is a boolean', () => {
    const body = penaltyBody(id, {
      authority: '区应急管理局',
      decisionNumber: '应急罚〔2025〕1号',
      decidedOn: dayjs('2025-06-01'),
      violation: '未按规定培训',
      sanction: '罚款',
      source: '决定书',
    });
    expect(body.workSafety).toBe(false);
    expect(body.decidedOn).toBe('2025-06-01');
  });
  it('dishonesty: an open listing sends toDate null', () => {
    expect(
      dishonestyBody(id, { listedBy: '区应急管理局', fromDate: dayjs('2025-01-02'), reason: '瞒报', source: 's' }).toDate,
    ).toBeNull();
  });
});

describe('import', () => {
  const rowError = { sheet: '事故', row: 3, column: '事故等级', code: 'grade', message: '事故等级应为 一般、较大、重大 或 特别重大' };

  it('reads the row errors of a refused import, and nothing of other problems', () => {
    expect(importRowErrors({ code: 'RECORDS_IMPORT_INVALID', body: { rowErrors: [rowError] } })).toEqual([rowError]);
    expect(importRowErrors({ code: 'RECORDS_IMPORT_EMPTY', body: { rowErrors: [rowError] } })).toEqual([]);
    expect(importRowErrors({ code: 'RECORDS_IMPORT_INVALID', body: {} })).toEqual([]);
    // malformed entries are dropped rather than shown half
    expect(
      importRowErrors({ code: 'RECORDS_IMPORT_INVALID', body: { rowErrors: [{ ...rowError, row: '3' }, null, rowError] } }),
    ).toEqual([rowError]);
  });

  it('offers only .xlsx files', () => {
    expect(['记录.xlsx', 'A.XLSX', ' b.xlsx '].map(isXlsxName)).toEqual([true, true, true]);
    expect(['记录.xls', 'records.csv', 'xlsx', '记录.xlsx.exe'].map(isXlsxName)).toEqual([false, false, false, false]);
  });
});
