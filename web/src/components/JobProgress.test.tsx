// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n';
import { JobProgress } from './JobProgress';

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
  vi.unstubAllGlobals();
});

const job = (status: string, done: number, total: number | null) => ({
  id: '0190c0de-0000-7000-8000-000000000001',
  kind: 'registry.import',
  status,
  attempts: 1,
  progressDone: done,
  progressTotal: total,
  result: null,
  lastError: null,
  createdAt: '2025-03-01T08:00:00.000Z',
  finishedAt: status === 'done' ? '2025-03-01T08:01:00.000Z' : null,
});

describe('JobProgress', () => {
  it('polls the job until it is done, showing done / total, and reports the end once', async () => {
    const answers = [job('running', 5, 10), job('done', 10, 10)];
    const fetch = vi.fn(async (req: Request) => {
      expect(new URL(req.url).pathname).toBe('/api/jobs/0190c0de-0000-7000-8000-000000000001');
      return Response.json(answers.length > 1 ? answers.shift() : answers[0]);
    });
    vi.stubGlobal('fetch', fetch);
    const onFinished = vi.fn();
    render(
      <I18nProvider initial="zh-CN">
        <QueryClientProvider client={new QueryClient()}>
          <JobProgress jobId="0190c0de-0000-7000-8000-000000000001" intervalMs={20} onFinished={onFinished} />
        </QueryClientProvider>
      </I18nProvider>,
    );
    expect(await screen.findByText('已处理 5 / 10')).toBeTruthy();
    expect(await screen.findByText('已完成')).toBeTruthy();
    await waitFor(() => expect(onFinished).toHaveBeenCalledTimes(1));
    expect(onFinished.mock.calls[0][0]).toMatchObject({ status: 'done' });
    const calls = fetch.mock.calls.length;
    await new Promise((r) => setTimeout(r, 100));
    expect(fetch.mock.calls.length).toBe(calls); // no polling after the end
  });
});
