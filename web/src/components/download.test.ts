import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/problem';
import { fetchFile, fileNameFromDisposition } from './download';

describe('file names of downloads', () => {
  it('prefers the UTF-8 name, falls back to the plain one, then to the default', () => {
    const zh = '企业名录-2026-03-01.xlsx';
    expect(fileNameFromDisposition(`attachment; filename*=UTF-8''${encodeURIComponent(zh)}`, 'x.xlsx')).toBe(
      zh,
    );
    expect(
      fileNameFromDisposition(
        `inline; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent('鹿应急合规承〔2026〕1号.pdf')}`,
        'x.pdf',
      ),
    ).toBe('鹿应急合规承〔2026〕1号.pdf');
    expect(fileNameFromDisposition('attachment; filename="report.xlsx"', 'x.xlsx')).toBe('report.xlsx');
    expect(fileNameFromDisposition('attachment; filename=../../etc/passwd', 'x')).toBe('passwd');
    expect(fileNameFromDisposition("attachment; filename*=UTF-8''%E0%A4%A", 'x.xlsx')).toBe('x.xlsx');
    expect(fileNameFromDisposition(null, 'x.xlsx')).toBe('x.xlsx');
  });
});

describe('fetchFile', () => {
  it('returns the blob with its name, or the problem the server answered', async () => {
    const blob = new Blob(['PK']);
    const ok = await fetchFile(
      Promise.resolve({
        data: blob,
        response: new Response(null, { headers: { 'content-disposition': 'attachment; filename="a.xlsx"' } }),
      }),
      'b.xlsx',
    );
    expect(ok).toEqual({ blob, name: 'a.xlsx' });
    const refused = fetchFile(
      Promise.resolve({
        error: { code: 'FORBIDDEN', title: '无权操作', status: 403 },
        response: new Response(null, { status: 403 }),
      }),
      'b.xlsx',
    );
    await expect(refused).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    await expect(fetchFile(Promise.reject(new TypeError('offline')), 'b')).rejects.toBeInstanceOf(ApiProblem);
  });
});
