import { describe, expect, it } from 'vitest';
import { zhCN } from '../../i18n/zh-CN';
import { documentListQuery, documentPdfUrl, documentStatusLabel, previewBody } from './documents-logic';

const holder = '6dbd2126-e2e5-4703-96c4-3b8ce8c6f453';

describe('documents list query', () => {
  it('keeps kind, holder and paging from the URL and drops malformed values', () => {
    expect(documentListQuery({ kind: 'plaque', holder, page: '2', size: '50' })).toEqual({
      kind: 'plaque',
      holderId: holder,
      page: 2,
      pageSize: 50,
    });
    expect(documentListQuery({ kind: 'Plaque!', holder: 'x', page: '0', size: '13' })).toEqual({
      page: 1,
      pageSize: 20,
    });
  });

  it('labels every status and links the PDF', () => {
    for (const key of Object.values(documentStatusLabel)) expect(zhCN[key]).toBeTruthy();
    expect(documentPdfUrl(holder)).toBe(`/api/documents/${holder}/pdf`);
  });
});

describe('preview body', () => {
  it('sends nothing for empty text (the template sample), the object otherwise', () => {
    expect(previewBody('  ')).toEqual({ ok: true, body: {} });
    expect(previewBody('{"enterpriseName":"温州示范鞋业有限公司"}')).toEqual({
      ok: true,
      body: { data: { enterpriseName: '温州示范鞋业有限公司' } },
    });
  });

  it('refuses text that is not a JSON object', () => {
    expect(previewBody('{enterpriseName:')).toEqual({ ok: false, error: 'documents.preview.notJson' });
    expect(previewBody('[1,2]')).toEqual({ ok: false, error: 'documents.preview.notObject' });
    expect(previewBody('"text"')).toEqual({ ok: false, error: 'documents.preview.notObject' });
  });
});
