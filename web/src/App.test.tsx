// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

// antd needs these browser APIs that jsdom lacks
beforeAll(() => {
  window.matchMedia ??= ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as unknown as typeof window.matchMedia;
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
});

describe('App shell (smoke)', () => {
  it('renders the login page in Chinese and switches to English, remembering the choice', async () => {
    // no session: /api/me answers 401 as the server would
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json(
          {
            type: 'x',
            title: '请先登录',
            detail: '请先登录',
            status: 401,
            code: 'AUTH_REQUIRED',
            instance: '/api/me',
            requestId: 'r',
          },
          { status: 401 },
        ),
      ),
    );
    window.history.pushState({}, '', '/login?expired=1');
    const { default: App } = await import('./App');
    render(<App />);
    expect(await screen.findByRole('button', { name: /登\s*录/ }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('登录已超时，请重新登录')).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-CN');

    await act(async () => {
      fireEvent.click(screen.getByText('English'));
    });
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeTruthy();
    expect(localStorage.getItem('safecomply.locale')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
