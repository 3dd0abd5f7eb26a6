import { describe, expect, it } from 'vitest';
import { appLink, clickPlan, notificationListQuery } from './notifications-logic';

describe('notifications list query', () => {
  it('keeps the unread filter and paging from the URL and drops malformed values', () => {
    expect(notificationListQuery({ filter: 'unread', page: '3', size: '50' })).toEqual({
      unread: true,
      page: 3,
      pageSize: 50,
    });
    expect(notificationListQuery({ filter: 'all', page: '-1', size: '7' })).toEqual({
      page: 1,
      pageSize: 20,
    });
    expect(notificationListQuery({})).toEqual({ page: 1, pageSize: 20 });
  });
});

describe('links', () => {
  it('follows only routes of the app', () => {
    expect(appLink('/hazards/6dbd2126-e2e5-4703-96c4-3b8ce8c6f453')).toBe(
      '/hazards/6dbd2126-e2e5-4703-96c4-3b8ce8c6f453',
    );
    expect(appLink('/enterprises?tab=history')).toBe('/enterprises?tab=history');
    for (const bad of [
      null,
      undefined,
      '',
      'hazards/1',
      'https://evil.example',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      '/a b',
    ])
      expect(appLink(bad)).toBeNull();
  });

  it('marks an unread notification read and opens its link; a read one only opens', () => {
    expect(clickPlan({ read: false, link: '/documents' })).toEqual({
      markRead: true,
      navigateTo: '/documents',
    });
    expect(clickPlan({ read: true, link: '/documents' })).toEqual({
      markRead: false,
      navigateTo: '/documents',
    });
    expect(clickPlan({ read: false, link: null })).toEqual({ markRead: true, navigateTo: null });
    expect(clickPlan({ read: false, link: 'https://evil.example' })).toEqual({
      markRead: true,
      navigateTo: null,
    });
  });
});
