/**
 * Dates as printed on documents. Documents are dated in China Standard Time whatever the server's time zone,
 * with Arabic numerals as GB/T 9704-2012 prescribes (2026年3月1日).
 */
export const documentTimeZone = 'Asia/Shanghai';

const partsFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: documentTimeZone,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** Year, month and day of an instant in China Standard Time. */
export function chinaDateParts(at: Date): { year: number; month: number; day: number } {
  const parts = Object.fromEntries(partsFormat.formatToParts(at).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

export function chinaYear(at: Date): number {
  return chinaDateParts(at).year;
}

/** A calendar date `YYYY-MM-DD` (as templates take dates) or an instant, as 2026年3月1日. */
export function chineseDate(value: Date | string): string {
  if (typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (!m) throw new Error(`not a calendar date: ${value}`);
    return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
  }
  const { year, month, day } = chinaDateParts(value);
  return `${year}年${month}月${day}日`;
}

/** The calendar date `YYYY-MM-DD` of an instant in China Standard Time. */
export function chinaIsoDate(at: Date): string {
  const { year, month, day } = chinaDateParts(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The end of a calendar day in China Standard Time, as an exclusive instant: a document "valid to 2029-03-01" has
 * `validUntil` = 2029-03-02 00:00 +08:00.
 */
export function chinaDayEnd(isoDate: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`not a calendar date: ${isoDate}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1, -8));
}

/** The last calendar day an exclusive `validUntil` instant still covers, as 2029年3月1日. */
export function chineseLastDay(validUntil: Date): string {
  return chineseDate(new Date(validUntil.getTime() - 1));
}
