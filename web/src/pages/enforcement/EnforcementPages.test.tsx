// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { chinaToday } from './enforcement-logic';

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

const ids = {
  department: '0190c0de-0000-7000-8000-0000000000d1',
  enterprise: '0190c0de-0000-7000-8000-0000000000e1',
  type: '0190c0de-0000-7000-8000-0000000000f1',
  inspection: '0190c0de-0000-7000-8000-0000000000a1',
  violation: '0190c0de-0000-7000-8000-0000000000b1',
  letter: '0190c0de-0000-7000-8000-0000000000c1',
  campaign: '0190c0de-0000-7000-8000-0000000000c2',
  document: '0190c0de-0000-7000-8000-0000000000c3',
  job: '0190c0de-0000-7000-8000-0000000000c4',
  hazard: '0190c0de-0000-7000-8000-0000000000c5',
  laterHazard: '0190c0de-0000-7000-8000-0000000000c6',
  event: '0190c0de-0000-7000-8000-0000000000c7',
};

function me(role: string, unitKind: string, unitName: string, abilities: Record<string, boolean>) {
  return {
    user: { id: 'u1', username: 'demo', displayName: '演示用户', mustChangePassword: false },
    jurisdiction: { id: 'j1', code: '330302', name: '鹿城区' },
    roles: [
      { role, unitId: role === 'enterprise_user' ? ids.enterprise : ids.department, unitKind, unitName },
    ],
    abilities,
    csrfToken: 'csrf',
  };
}

const violationType = {
  id: ids.type,
  code: 'A03',
  name: '未按规定配备消防器材',
  legalBasis: '《中华人民共和国消防法》第十六条',
  penaltyBasis: '《中华人民共和国消防法》第六十条',
  penaltyRange: '处五千元以上五万元以下罚款',
  adviceItems: [{ text: '检查灭火器配置与有效期' }],
};

const detail = {
  id: ids.inspection,
  enterpriseId: ids.enterprise,
  enterpriseName: '温州市鹿城区示例鞋业有限公司',
  departmentId: ids.department,
  departmentName: '区应急管理局',
  subdistrictName: '双屿街道',
  inspectedOn: chinaToday(),
  findings: '现场检查生产车间',
  rectifyBy: chinaToday(),
  noticeDocumentId: ids.document,
  noticeNumber: '鹿应急责改〔2026〕1号',
  violationCount: 1,
  createdAt: '2026-05-06T02:00:00.000Z',
  violations: [
    {
      id: ids.violation,
      violationTypeId: ids.type,
      typeCode: 'A03',
      typeName: violationType.name,
      description: '车间未配备灭火器',
      status: 'open',
      rectifiedAt: null,
      letterId: ids.letter,
      letterNumber: '鹿应急合建〔2026〕1号',
      letterStatus: 'sent',
      harm: 'none',
      selfReportedHazardId: null,
      decisionStatus: 'undecided',
      decision: null,
      abilities: { rectify: true, decide: true },
    },
  ],
};

/** A hazard of the enterprise as GET /api/hazards lists it. */
function hazard(id: string, title: string, reportedAt: string, status: string) {
  return {
    id,
    enterpriseId: ids.enterprise,
    enterpriseName: detail.enterpriseName,
    subdistrictId: 's1',
    assessmentId: null,
    itemCode: 'JC-01',
    title,
    description: '',
    severity: 'general',
    majorReason: null,
    status,
    ownerName: null,
    deadline: '2020-02-05',
    originalDeadline: '2020-02-05',
    overdue: false,
    interimMeasures: '',
    plan: '',
    beforeEvidence: [],
    afterEvidence: [],
    closureNote: null,
    guidingAgencyId: null,
    verificationNote: null,
    reportedAt,
    submittedAt: null,
    closedAt: null,
    abilities: {
      update: false,
      start: false,
      submit: false,
      verify: false,
      reject: false,
      reopen: false,
      requestExtension: false,
    },
  };
}

const letter = {
  id: ids.letter,
  campaignId: null,
  violationId: ids.violation,
  number: '鹿应急合建〔2026〕1号',
  documentId: ids.document,
  enterpriseId: ids.enterprise,
  enterpriseName: detail.enterpriseName,
  subdistrictName: '双屿街道',
  departmentName: '区应急管理局',
  violationTypeName: violationType.name,
  reason: '执法检查发现“未按规定配备消防器材”违法行为',
  items: [{ text: '检查灭火器配置与有效期' }],
  replyBy: '2020-01-10',
  status: 'overdue',
  reply: null,
  repliedLate: false,
  repliedAt: null,
  overdueAt: '2020-01-11T00:00:00.000Z',
  sentAt: '2020-01-01T00:00:00.000Z',
  abilities: { reply: true },
};

const campaign = {
  id: ids.campaign,
  violationTypeId: ids.type,
  violationTypeCode: 'A03',
  violationTypeName: violationType.name,
  departmentId: ids.department,
  departmentName: '区应急管理局',
  scopeType: 'subdistrict',
  scopeValue: 's1',
  scopeLabel: '双屿街道',
  origin: 'frequency',
  reason: '近30日内本区双屿街道发生“未按规定配备消防器材”违法行为5起',
  triggerCount: 5,
  windowDays: 30,
  items: [{ text: '检查灭火器配置与有效期' }],
  status: 'proposed',
  replyBy: null,
  replyByEstimated: false,
  targetCount: 0,
  sentCount: 0,
  repliedCount: 0,
  overdueCount: 0,
  jobId: null,
  decisionReason: null,
  proposedAt: '2026-05-06T02:00:00.000Z',
  decidedAt: null,
  finishedAt: null,
  abilities: { approve: true, reject: true, close: false },
};

const problem = (status: number, code: string, detail: string) =>
  Response.json(
    { type: 'x', title: detail, detail, status, code, instance: 'i', requestId: 'r' },
    { status },
  );

type Handler = (request: Request, url: URL) => Promise<Response | undefined>;

/** fetch answering like the server: /api/me and the bell's notifications, then the test's handler. */
function stubServer(session: ReturnType<typeof me>, handler: Handler) {
  const seen: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
      const request =
        input instanceof Request ? input : new Request(new URL(String(input), window.location.origin), init);
      const url = new URL(request.url);
      seen.push(`${request.method} ${url.pathname}`);
      if (url.pathname === '/api/me') return Response.json(session);
      if (url.pathname === '/api/notifications') return Response.json({ items: [], total: 0, unread: 0 });
      return (await handler(request, url)) ?? problem(404, 'ROUTE_NOT_FOUND', '接口不存在');
    }),
  );
  return seen;
}

async function openApp(path: string) {
  window.history.pushState({}, '', path);
  const { default: App } = await import('../../App');
  render(<App />);
}

/** Open an antd select and pick the option with this text. */
async function pick(testId: string, option: RegExp | string) {
  const root = await screen.findByTestId(testId);
  const combobox = within(root).queryByRole('combobox') ?? root.querySelector('input') ?? root;
  await act(async () => {
    fireEvent.mouseDown(combobox);
  });
  const choice = await screen.findByText(option, { selector: '.ant-select-item-option-content' });
  await act(async () => {
    fireEvent.click(choice);
  });
}

describe('enforcement pages (smoke)', () => {
  it('an officer records an inspection with a violation, sees the proposal notice and confirms rectification', async () => {
    let posted: unknown = null;
    let rectified: unknown = null;
    const seen = stubServer(
      me('enforcement_officer', 'department', '区应急管理局', {
        viewEnforcementInspections: true,
        recordEnforcementInspections: true,
        viewCampaigns: true,
        proposeCampaigns: true,
        viewAdviceLetters: true,
        viewRegister: true,
        viewHazards: true,
      }),
      async (request, url) => {
        if (url.pathname === '/api/violation-types') return Response.json([violationType]);
        if (url.pathname === '/api/hazards') {
          expect(url.searchParams.get('enterpriseId')).toBe(ids.enterprise);
          return Response.json({
            items: [
              hazard(ids.hazard, '消防器材未定期检查', '2020-01-05T02:00:00.000Z', 'rectifying'),
              // reported today: not before the inspection, so not offered
              hazard(ids.laterHazard, '检查当日报告的隐患', new Date().toISOString(), 'open'),
            ],
            total: 2,
          });
        }
        if (url.pathname === '/api/enterprises')
          return Response.json({
            items: [{ id: ids.enterprise, name: detail.enterpriseName, uscc: '91330302MA2XXXXXX1' }],
            total: 1,
          });
        if (request.method === 'POST' && url.pathname === '/api/enforcement/inspections') {
          posted = await request.json();
          return Response.json({ id: ids.inspection, proposedCampaignIds: [ids.campaign] }, { status: 201 });
        }
        if (url.pathname === `/api/enforcement/inspections/${ids.inspection}`)
          return Response.json(
            rectified
              ? {
                  ...detail,
                  violations: [
                    {
                      ...detail.violations[0],
                      status: 'rectified',
                      rectifiedAt: '2026-05-07T02:00:00.000Z',
                      abilities: { rectify: false, decide: true },
                    },
                  ],
                }
              : detail,
          );
        if (
          request.method === 'POST' &&
          url.pathname === `/api/enforcement/violations/${ids.violation}/rectify`
        ) {
          rectified = await request.json();
          return Response.json({ ok: true });
        }
        return undefined;
      },
    );
    await openApp('/enforcement/inspections/new');
    expect(await screen.findByTestId('inspection-form', {}, { timeout: 10_000 })).toBeTruthy();

    await pick('inspection-enterprise', /示例鞋业/);
    await act(async () => {
      fireEvent.click(screen.getByTestId('violation-add'));
    });
    await pick('violation-type-0', /未按规定配备消防器材/);
    expect((await screen.findByTestId('violation-basis-0')).textContent).toContain('第十六条');
    fireEvent.change(screen.getByTestId('violation-description-0'), {
      target: { value: ' 车间未配备灭火器 ' },
    });
    await pick('violation-harm-0', '轻微');
    // the enterprise's own earlier report: title, reported date and status; one reported today is not offered
    const hazardSelect = await screen.findByTestId('violation-hazard-0');
    await act(async () => {
      fireEvent.mouseDown(within(hazardSelect).queryByRole('combobox') ?? hazardSelect);
    });
    const option = await screen.findByText('消防器材未定期检查', { selector: '.sc-enf-option div' });
    expect(option.parentElement?.textContent).toContain('2020-01-05 报告 · 整改中');
    expect(screen.queryByText('检查当日报告的隐患')).toBeNull();
    await act(async () => {
      fireEvent.click(option);
    });
    expect(screen.getByText(/企业在检查前自查自报并已着手整改的，应当依法从轻或减轻处罚/)).toBeTruthy();

    // without a deadline the form refuses to send
    await act(async () => {
      fireEvent.click(screen.getByTestId('inspection-submit'));
    });
    expect(await screen.findByText('发现违法行为时须填写整改期限')).toBeTruthy();
    expect(posted).toBeNull();

    const deadline = screen.getByTestId('inspection-rectify-by');
    const input = deadline.tagName === 'INPUT' ? deadline : deadline.querySelector('input')!;
    await act(async () => {
      fireEvent.mouseDown(input);
      fireEvent.click(input);
    });
    const today = chinaToday();
    await waitFor(() => expect(document.querySelector(`td[title="${today}"]`)).toBeTruthy());
    await act(async () => {
      fireEvent.click(document.querySelectorAll(`td[title="${today}"]`)[0]);
    });
    await act(async () => {
      fireEvent.click(screen.getByTestId('inspection-submit'));
    });

    expect(await screen.findByTestId('inspection-proposed-notice', {}, { timeout: 10_000 })).toBeTruthy();
    // one inspecting department: the server takes it, the form asks nothing
    expect(posted).toEqual({
      enterpriseId: ids.enterprise,
      inspectedOn: today,
      rectifyBy: today,
      violations: [
        {
          violationTypeId: ids.type,
          description: '车间未配备灭火器',
          harm: 'slight',
          selfReportedHazardId: ids.hazard,
        },
      ],
    });
    expect(window.location.pathname).toBe(`/enforcement/inspections/${ids.inspection}`);
    expect(screen.getByText('该类违法行为已达高发阈值，已提议批量发送合规建议书')).toBeTruthy();
    expect(screen.getByTestId('inspection-proposed-link').getAttribute('href')).toBe(
      `/advice/campaigns/${ids.campaign}`,
    );
    expect(screen.getByTestId('inspection-notice-pdf').getAttribute('href')).toBe(
      `/api/documents/${ids.document}/pdf`,
    );
    expect(screen.getByTestId('violation-letter-0').getAttribute('href')).toBe(
      `/advice/letters/${ids.letter}`,
    );

    await act(async () => {
      fireEvent.click(screen.getByTestId('violation-rectify-0'));
    });
    fireEvent.change(await screen.findByTestId('rectify-note'), { target: { value: '复查合格' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('rectify-submit'));
    });
    await waitFor(() => expect(rectified).toEqual({ note: '复查合格' }));
    await waitFor(() => expect(screen.queryByTestId('violation-rectify-0')).toBeNull());
    expect(seen).toContain('POST /api/enforcement/inspections');
  });

  it('an officer weighs leniency on a violation and records a decision departing from the suggestion', async () => {
    const suggestion = {
      outcome: 'lighter',
      article: '《中华人民共和国行政处罚法》第三十二条第（三）项',
      mandatory: true,
      because:
        '企业在检查前已自查发现并报告该隐患、着手整改，属主动供述行政机关尚未掌握的违法行为，应当从轻或者减轻处罚',
      educate: false,
    };
    const facts = {
      firstViolation: true,
      selfReportedBefore: true,
      rectificationStarted: true,
      correctedInTime: false,
      harm: 'slight',
      list: 'lighter',
    };
    const hash = 'ab12cd34ef56'.padEnd(64, '0');
    let decided: Record<string, unknown> | null = null;
    const decision = () => ({
      outcome: 'ordinary',
      article: null,
      reason: '隐患已报告但整改拖延两个月，不予从轻',
      decisionNumber: '鹿应急罚〔2026〕15号',
      followsSuggestion: false,
      suggestion,
      facts,
    });
    const violation = () => ({
      ...detail.violations[0],
      harm: 'slight',
      selfReportedHazardId: ids.hazard,
      decisionStatus: decided ? 'decided' : 'undecided',
      decision: decided ? decision() : null,
      abilities: { rectify: true, decide: decided === null },
    });
    stubServer(
      me('enforcement_officer', 'department', '区应急管理局', {
        viewEnforcementInspections: true,
        recordEnforcementInspections: true,
        viewHazards: true,
      }),
      async (request, url) => {
        if (url.pathname === `/api/enforcement/inspections/${ids.inspection}`)
          return Response.json({ ...detail, violations: [violation()] });
        if (url.pathname === `/api/enforcement/violations/${ids.violation}/leniency`)
          return Response.json({
            facts,
            suggestion,
            selfReport: {
              hazardId: ids.hazard,
              title: '消防器材未定期检查',
              status: 'rectifying',
              reportedAt: '2020-01-05T02:00:00.000Z',
              byEnterprise: true,
              event: { id: ids.event, seq: 42, hash },
            },
            penaltyBasis: violationType.penaltyBasis,
            penaltyRange: violationType.penaltyRange,
            decision: decided ? decision() : null,
          });
        if (
          request.method === 'POST' &&
          url.pathname === `/api/enforcement/violations/${ids.violation}/decision`
        ) {
          decided = (await request.json()) as Record<string, unknown>;
          return Response.json({ ok: true });
        }
        return undefined;
      },
    );
    await openApp(`/enforcement/inspections/${ids.inspection}`);
    expect(await screen.findByTestId('inspection-detail', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByTestId('violation-decision-0').textContent).toBe('待裁量');
    expect(screen.getByText('危害后果：轻微')).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByTestId('violation-leniency-0'));
    });
    const panel = await screen.findByTestId('leniency-panel');
    const mark = (key: string) => within(panel).getByTestId(`leniency-fact-${key}`);
    expect(mark('firstViolation').textContent).toContain('✓首次违法');
    expect(mark('selfReportedBefore').getAttribute('data-mark')).toBe('yes');
    expect(mark('correctedInTime').textContent).toContain('✗按期改正');
    expect(mark('harm').textContent).toContain('轻微');
    expect(mark('list').textContent).toContain('清单归属从轻');
    // the self-report's time is the audit chain's: event seq and short hash
    expect(within(panel).getByTestId('leniency-event').textContent).toContain(
      '第 42 号 · 哈希 ab12cd34ef56…',
    );
    expect(within(panel).getByTestId('leniency-penalty').textContent).toContain('五千元以上五万元以下');
    expect(within(panel).getByTestId('leniency-modality').textContent).toBe('应当');
    expect(within(panel).getByTestId('leniency-outcome').textContent).toBe('从轻处罚');
    expect(within(panel).getByTestId('leniency-suggestion').textContent).toContain('第三十二条第（三）项');
    expect(within(panel).queryByTestId('leniency-educate')).toBeNull();
    expect(within(panel).getByTestId('leniency-whitelist-note').textContent).toContain(
      '白名单身份本身不是法定从轻依据',
    );

    // prefilled with the suggestion; the reason is required
    expect(within(screen.getByTestId('decision-outcome')).getByText('从轻处罚')).toBeTruthy();
    expect((screen.getByTestId('decision-article') as HTMLInputElement).value).toBe(suggestion.article);
    expect(screen.queryByTestId('decision-departs')).toBeNull();
    await act(async () => {
      fireEvent.click(screen.getByTestId('decision-submit'));
    });
    expect(await screen.findByText('请填写决定理由')).toBeTruthy();
    expect(decided).toBeNull();

    // an ordinary penalty instead: flagged as a departure, the suggested article dropped
    await pick('decision-outcome', '一般处罚（按裁量基准）');
    expect(await screen.findByTestId('decision-departs')).toBeTruthy();
    expect((screen.getByTestId('decision-article') as HTMLInputElement).value).toBe('');
    fireEvent.change(screen.getByTestId('decision-reason'), {
      target: { value: ' 隐患已报告但整改拖延两个月，不予从轻 ' },
    });
    fireEvent.change(screen.getByTestId('decision-number'), { target: { value: '鹿应急罚〔2026〕15号' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('decision-submit'));
    });
    await waitFor(() =>
      expect(decided).toEqual({
        outcome: 'ordinary',
        reason: '隐患已报告但整改拖延两个月，不予从轻',
        decisionNumber: '鹿应急罚〔2026〕15号',
      }),
    );
    expect((await screen.findByTestId('decision-follows')).textContent).toBe('未采纳建议');
    expect(screen.getByTestId('decision-result').textContent).toContain('当时的系统建议：从轻处罚');
    expect(screen.queryByTestId('decision-submit')).toBeNull();
    await waitFor(() =>
      expect(screen.getByTestId('violation-decision-0').textContent).toBe('已决定：一般处罚（按裁量基准）'),
    );
  });

  it('an enterprise opens an overdue letter from its inbox and replies (late)', async () => {
    let replied: unknown = null;
    stubServer(
      me('enterprise_user', 'enterprise', detail.enterpriseName, { viewAdviceLetters: true }),
      async (request, url) => {
        if (url.pathname === '/api/advice/letters') return Response.json({ items: [letter], total: 1 });
        if (url.pathname === `/api/advice/letters/${ids.letter}` && request.method === 'GET')
          return Response.json(
            replied
              ? {
                  ...letter,
                  status: 'replied',
                  reply: '已配备灭火器',
                  repliedLate: true,
                  repliedAt: '2026-05-07T02:00:00.000Z',
                  abilities: { reply: false },
                }
              : letter,
          );
        if (request.method === 'POST' && url.pathname === `/api/advice/letters/${ids.letter}/reply`) {
          replied = await request.json();
          return Response.json({
            ...letter,
            status: 'replied',
            reply: '已配备灭火器',
            repliedLate: true,
            repliedAt: '2026-05-07T02:00:00.000Z',
            abilities: { reply: false },
          });
        }
        return undefined;
      },
    );
    await openApp('/advice/letters');
    const card = await screen.findByTestId('letter-card', {}, { timeout: 10_000 });
    expect(card.textContent).toContain(letter.number);
    expect(card.textContent).toContain('已逾期');
    expect(card.querySelector('.sc-enf-card-overdue')).toBeTruthy();
    await act(async () => {
      fireEvent.click(card);
    });
    expect(await screen.findByTestId('letter-detail')).toBeTruthy();
    expect(window.location.pathname).toBe(`/advice/letters/${ids.letter}`);
    expect(screen.getByTestId('letter-pdf').getAttribute('href')).toBe(`/api/documents/${ids.document}/pdf`);
    expect(screen.getByText('已超过回复期限。仍可回复，回复将标记为逾期回复。')).toBeTruthy();

    await act(async () => {
      fireEvent.click(screen.getByTestId('letter-reply-submit'));
    });
    expect(await screen.findByText('请填写回复内容')).toBeTruthy();
    expect(replied).toBeNull();
    fireEvent.change(screen.getByTestId('letter-reply'), { target: { value: ' 已配备灭火器 ' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('letter-reply-submit'));
    });
    expect((await screen.findByTestId('letter-reply-text')).textContent).toBe('已配备灭火器');
    expect(replied).toEqual({ reply: '已配备灭火器' });
    expect(screen.getByTestId('letter-late')).toBeTruthy();
  });

  it('the bureau approves a proposed campaign after a confirmation saying the count is fixed at approval', async () => {
    let approved = false;
    stubServer(
      me('bureau_admin', 'department', '区应急管理局', {
        viewCampaigns: true,
        approveCampaigns: true,
        viewAdviceLetters: true,
      }),
      async (request, url) => {
        if (url.pathname === `/api/advice/campaigns/${ids.campaign}` && request.method === 'GET')
          return Response.json(approved ? sending : campaign);
        if (request.method === 'POST' && url.pathname === `/api/advice/campaigns/${ids.campaign}/approve`) {
          approved = true;
          return Response.json(sending);
        }
        // the job is the approving administrator's; here another one looks: progress from the campaign's counts
        if (url.pathname === `/api/jobs/${ids.job}`) return problem(404, 'JOB_NOT_FOUND', '任务不存在');
        if (url.pathname === '/api/advice/letters') return Response.json({ items: [], total: 0 });
        return undefined;
      },
    );
    const sending = {
      ...campaign,
      status: 'sending',
      replyBy: '2027-01-15',
      replyByEstimated: true,
      targetCount: 300,
      sentCount: 120,
      jobId: ids.job,
      decidedAt: '2026-05-07T02:00:00.000Z',
      abilities: { approve: false, reject: false, close: false },
    };
    await openApp(`/advice/campaigns/${ids.campaign}`);
    expect(await screen.findByTestId('campaign-detail', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText(/近 30 日内双屿街道发生该类违法行为 5 起/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByTestId('campaign-approve'));
    });
    expect(await screen.findByText(/发送数量在批准时确定/)).toBeTruthy();
    await act(async () => {
      fireEvent.click(screen.getByTestId('campaign-approve-confirm'));
    });
    expect(await screen.findByTestId('campaign-progress')).toBeTruthy();
    expect(approved).toBe(true);
    expect(screen.getByText('正在逐批编号发送：已发送 120 / 300 份')).toBeTruthy();
    expect(screen.getByTestId('campaign-reply-by-estimated')).toBeTruthy();
    expect(screen.queryByTestId('campaign-approve')).toBeNull();
  });

  it('a department proposes a campaign to a subdistrict with the type’s items, edited', async () => {
    let posted: unknown = null;
    const manual = {
      ...campaign,
      origin: 'manual',
      triggerCount: null,
      windowDays: null,
      abilities: { approve: false, reject: false, close: false },
    };
    stubServer(
      me('department_officer', 'department', '区应急管理局', {
        viewCampaigns: true,
        proposeCampaigns: true,
        viewAdviceLetters: true,
      }),
      async (request, url) => {
        if (url.pathname === '/api/violation-types') return Response.json([violationType]);
        if (url.pathname === '/api/units')
          return Response.json([
            {
              id: 's1',
              code: '330302001',
              name: '双屿街道',
              kind: 'subdistrict',
              subkind: null,
              isBureau: false,
            },
          ]);
        if (url.pathname === '/api/industries') return Response.json([]);
        if (request.method === 'POST' && url.pathname === '/api/advice/campaigns') {
          posted = await request.json();
          return Response.json(manual, { status: 201 });
        }
        if (url.pathname === `/api/advice/campaigns/${ids.campaign}`) return Response.json(manual);
        return undefined;
      },
    );
    await openApp('/advice/campaigns/new');
    expect(await screen.findByTestId('propose-form', {}, { timeout: 10_000 })).toBeTruthy();
    await pick('propose-type', /未按规定配备消防器材/);
    expect((screen.getByTestId('propose-item-0') as HTMLTextAreaElement).value).toBe(
      '检查灭火器配置与有效期',
    );
    await act(async () => {
      fireEvent.click(screen.getByTestId('propose-item-add'));
    });
    fireEvent.change(screen.getByTestId('propose-item-1'), { target: { value: ' 检查消防通道是否畅通 ' } });
    await act(async () => {
      fireEvent.click(within(screen.getByTestId('propose-scope-type')).getByText('街镇'));
    });
    await pick('propose-scope-value', '双屿街道');
    fireEvent.change(screen.getByTestId('propose-reason'), { target: { value: '外区同类企业发生火灾' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('propose-submit'));
    });
    expect(await screen.findByTestId('campaign-detail', {}, { timeout: 10_000 })).toBeTruthy();
    expect(posted).toEqual({
      violationTypeId: ids.type,
      scopeType: 'subdistrict',
      scopeValue: 's1',
      reason: '外区同类企业发生火灾',
      items: [{ text: '检查灭火器配置与有效期' }, { text: '检查消防通道是否畅通' }],
    });
    expect(window.location.pathname).toBe(`/advice/campaigns/${ids.campaign}`);
    expect(screen.getByText('由区应急管理局人工提议。')).toBeTruthy();
    // a department officer may not approve: no buttons (the server's abilities decide)
    expect(screen.queryByTestId('campaign-approve')).toBeNull();
  });
});
