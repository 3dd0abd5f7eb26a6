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

const notice = {
  id: '0190c0de-0000-7000-8000-0000000000a1',
  number: '鹿应急公示〔2026〕1号',
  title: '2026年第一批合规企业白名单拟入库企业公示',
  startsOn: '2026-05-06',
  endsOn: '2099-05-20',
  endsEstimated: true,
  verifyUrl: 'http://localhost/verify/k5qv3zq2m7xw4nq6r2d5t7y3aa',
  applications: [
    {
      id: '0190c0de-0000-7000-8000-0000000000b1',
      enterpriseName: '温州市鹿城区示例鞋业有限公司',
      uscc: '91330302MA2XXXXXX1',
      subdistrictName: '南汇街道',
      industryName: '皮鞋制造',
    },
  ],
};

const problem = (status: number, code: string, detail: string) =>
  Response.json(
    { type: 'x', title: detail, detail, status, code, instance: 'i', requestId: 'r' },
    { status },
  );

describe('public portal (smoke)', () => {
  it('lists a running notice and files an objection without a session: rate limit, conflict, receipt', async () => {
    const answers = [
      problem(429, 'RATE_LIMITED', '请求过于频繁'),
      problem(409, 'WHITELIST_OBJECTION_DUPLICATE', '相同联系方式已提交过相同内容的异议'),
      Response.json(
        { id: '0190c0de-0000-7000-8000-0000000000c1', filedAt: '2026-05-08T02:03:04.000Z' },
        { status: 201 },
      ),
    ];
    const seen: string[] = [];
    const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request =
        input instanceof Request ? input : new Request(new URL(String(input), window.location.origin), init);
      const url = new URL(request.url);
      seen.push(`${request.method} ${url.pathname}`);
      if (request.method === 'GET' && url.pathname === '/api/public/notices') return Response.json([notice]);
      if (request.method === 'POST' && url.pathname === `/api/public/notices/${notice.id}/objections`) {
        const body = (await request.json()) as Record<string, unknown>;
        expect(body).toEqual({
          applicationId: notice.applications[0].id,
          name: '张三',
          contact: '13800138000',
          content: '该企业仓库内仍堆放易燃物品，未整改。',
        });
        return answers.shift()!;
      }
      return problem(401, 'AUTH_REQUIRED', '请先登录');
    });
    vi.stubGlobal('fetch', fetchStub);
    window.history.pushState({}, '', '/public/notices');
    const { default: App } = await import('../../App');
    render(<App />);

    expect(await screen.findByText(notice.title, {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText(notice.applications[0].enterpriseName)).toBeTruthy();
    expect(screen.getByText(/节假日安排尚未录入/)).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /提出异议/ }));
    });
    expect(
      await screen.findByText(/对“温州市鹿城区示例鞋业有限公司”列入合规企业白名单提出异议/),
    ).toBeTruthy();
    expect(window.location.pathname).toBe(`/public/notices/${notice.id}/object`);

    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: ' 张三 ' } });
    fireEvent.change(screen.getByLabelText('联系方式'), { target: { value: '13800138000' } });
    fireEvent.change(screen.getByLabelText('异议内容'), {
      target: { value: '该企业仓库内仍堆放易燃物品，未整改。' },
    });
    const submit = () =>
      act(async () => {
        fireEvent.click(screen.getByRole('button', { name: /提交异议/ }));
      });

    await submit();
    expect(await screen.findByText('提交过于频繁，请稍后再试')).toBeTruthy();
    await submit();
    expect(await screen.findByText('相同联系方式已提交过相同内容的异议')).toBeTruthy();
    await submit();
    expect(await screen.findByText('异议已提交')).toBeTruthy();
    expect(screen.getByText(/0190c0de-0000-7000-8000-0000000000c1/)).toBeTruthy();

    // a public page never asks for the session and never lands on the login page
    expect(seen.filter((s) => !s.includes('/api/public/'))).toEqual([]);
    expect(window.location.pathname).toBe(`/public/notices/${notice.id}/object`);
  });

  it('refuses a malformed verification code before leaving the app', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => problem(401, 'AUTH_REQUIRED', '请先登录')),
    );
    window.history.pushState({}, '', '/public/verify');
    const { default: App } = await import('../../App');
    render(<App />);
    const input = await screen.findByLabelText('核验码', {}, { timeout: 10_000 });
    fireEvent.change(input, { target: { value: 'abc' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: /核\s*验/ }));
    });
    expect(await screen.findByText(/核验码为 26 位/)).toBeTruthy();
  });
});
