/**
 * Enforcement and compliance advice on the demo data (server/demo/demo-enforcement.ts), the department's path
 * (opinion, inspection, campaign) through the pages of web/src/pages/enforcement:
 *
 * 1. the bureau's enforcement officer (demo.officer), on a 375×812 phone viewport, opens 执法检查 → 登记检查, finds an
 *    enterprise by typing part of its name, picks today's date, adds one violation (type from the catalog, its legal
 *    basis shown, the facts) and a rectification deadline, and submits: the detail shows the 责令限期整改指令书's
 *    number (鹿应急责改〔YYYY〕N号) and the violation's 合规建议书 (鹿应急合规建〔YYYY〕N号); the notice's PDF link
 *    answers a PDF;
 * 2. the bureau administrator (demo.bureau) opens 合规建议批次 and the 皮鞋制造行业 campaign the frequency check
 *    proposed, 批准并发送 (confirmation dialog): the page shows the sending progress, then 已发送 with as many letters
 *    sent as there are enterprises in scope (waits on the page, no sleeps);
 * 3. the fire brigade's officer (demo.fire) sees its 仰义 campaign and its letters, then proposes a campaign by hand
 *    (提议批量发送: a type, scope 街镇 双屿街道, a reason): it is shown 待审批 (部门提议), on its page and in the list;
 * 4. the demo enterprise (demo.enterprise), on a phone, opens its 合规建议书 inbox and the letter from the demo's
 *    inspection, writes a reply and submits it: the letter is 已回复 and shows the reply;
 * 5. the letter's public verification page (its QR code's URL, no login) says the document is valid.
 *
 * Independent of the other journeys' order: it needs the demo's two campaigns as loaded and an inspected
 * enterprise it chooses itself (outside 双屿 and 仰义, not a footwear maker: none the other journeys use). It
 * leaves the 皮鞋制造 campaign sent (a letter to every footwear enterprise, the seed's and the white list's
 * included: their journeys read neither letters nor notifications) and a proposed 双屿 campaign.
 */
import type { Locator, Page, Response } from 'playwright-core';
import { assert, opened, pickDate, type Journey, type JourneyRun } from '../harness.js';

const pathOf = (r: Response) => decodeURIComponent(new URL(r.url()).pathname);

/**
 * The next response to `method path` whose query has the `query` parameters (others ignored). Awaited after the
 * action that triggers it; when the action fails first, the waiter's own timeout is not reported a second time (no
 * unhandled rejection).
 */
function answered(page: Page, method: string, path: string | RegExp, query?: Record<string, string>) {
  const waiter = page.waitForResponse(
    (r) =>
      r.request().method() === method &&
      (typeof path === 'string' ? pathOf(r) === path : path.test(pathOf(r))) &&
      Object.entries(query ?? {}).every(([k, v]) => new URL(r.url()).searchParams.get(k) === v),
  );
  waiter.catch(() => undefined);
  return waiter;
}

async function ok(res: Response, what: string, statuses = [200, 201]) {
  assert(statuses.includes(res.status()), `${what} answered ${res.status()}: ${await res.text()}`);
  return res;
}

/** Log out by dropping the session cookie, then log in as someone else in a window of the given size. */
async function switchUser(
  { page, login }: JourneyRun,
  size: { width: number; height: number },
  username: string,
) {
  await page.context().clearCookies();
  await page.setViewportSize(size);
  await login(username);
}

/**
 * Open a menu entry; on a phone (narrower than antd's md, 768 px) through the drawer (打开菜单). The entry's name
 * starts with its icon's ("schedule 执法检查"). On a loaded two-core machine a tap on 打开菜单 right after the login was
 * once seen to open nothing (the journey then waited 20 s for the entry): 打开菜单 is tapped again when the drawer is
 * still closed 5 s later.
 */
async function openMenu(page: Page, label: string) {
  const entry = page.getByRole('menuitem', { name: new RegExp(`(^|\\s)${label}$`) });
  if ((page.viewportSize()?.width ?? 1280) < 768) {
    const button = page.getByRole('button', { name: '打开菜单' });
    const drawer = page.locator('.ant-drawer-open');
    await button.click();
    const shown = await drawer
      .waitFor({ timeout: 5000 })
      .then(() => true)
      .catch(() => false);
    if (!shown) await button.click();
    await opened(drawer);
  }
  await entry.click();
}

/** 'YYYY-MM-DD' of today in China (the server's and the browser's calendar). */
function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** 'YYYY-MM-DD' plus n calendar days. */
function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/**
 * Choose `label` in an antd Select through the keyboard, like the harness's chooseOption, for selects whose options
 * carry their text in `title` instead of `aria-label` (a searchable select's filtered list renders its options
 * themselves as the listbox, without the hidden accessible copy).
 */
async function choose(combobox: Locator, label: string): Promise<void> {
  const page = combobox.page();
  const id = await combobox.getAttribute('id');
  assert(id, 'the combobox has no id');
  await combobox.focus();
  if ((await combobox.getAttribute('aria-expanded')) !== 'true') await combobox.press('ArrowDown');
  await page.locator(`[id="${id}_list"] [role="option"]`).first().waitFor({ state: 'attached' });
  const seen: string[] = [];
  for (let presses = 0; ; presses++) {
    if (presses > 500) throw new Error(`option "${label}" never became active (seen: ${seen.join(', ')})`);
    const activeId = await combobox.getAttribute('aria-activedescendant');
    const active = activeId ? page.locator(`[id="${activeId}"]`) : null;
    const activeLabel =
      active && (await active.count()) > 0
        ? ((await active.getAttribute('aria-label')) ?? (await active.getAttribute('title')))
        : null;
    if (activeLabel === label) break;
    if (activeLabel !== null) {
      if (seen.includes(activeLabel)) throw new Error(`no option "${label}" in ${seen.join(', ')}`);
      seen.push(activeLabel);
    }
    await combobox.press('ArrowDown');
  }
  await combobox.press('Enter');
  const select = combobox.locator(
    'xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]',
  );
  await select.getByTitle(label, { exact: true }).waitFor();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An antd tag showing exactly `text`. */
const tag = (scope: Page | Locator, text: string) =>
  scope.locator('.ant-tag', { hasText: new RegExp(`^${escape(text)}$`) });

const phone = { width: 375, height: 812 };
const desktop = { width: 1280, height: 800 };
const year = chinaToday().slice(0, 4);
const noticeNumber = new RegExp(`^鹿应急责改〔${year}〕\\d+号$`);
const letterNumber = new RegExp(`^鹿应急合规建〔${year}〕\\d+号$`);

interface Enterprise {
  id: string;
  name: string;
  uscc: string;
  industryCode: string;
  subdistrictName: string;
  operatingStatus: string;
  parkId: string | null;
  hostEnterpriseId: string | null;
}
interface ViolationType {
  id: string;
  code: string;
  name: string;
  legalBasis: string;
  adviceItems: { text: string }[];
}
interface InspectionDetail {
  id: string;
  enterpriseName: string;
  inspectedOn: string;
  rectifyBy: string | null;
  noticeDocumentId: string | null;
  noticeNumber: string | null;
  violations: {
    typeCode: string;
    letterId: string | null;
    letterNumber: string | null;
    letterStatus: string;
  }[];
}
interface Campaign {
  id: string;
  violationTypeCode: string;
  scopeType: string;
  scopeLabel: string;
  origin: string;
  status: string;
  targetCount: number;
  sentCount: number;
}
interface Letter {
  id: string;
  campaignId: string | null;
  number: string;
  documentId: string;
  enterpriseName: string;
  status: string;
  reply: string | null;
}

export const journeys: Journey[] = [
  {
    name: 'enforcement',
    viewport: 'desktop',
    async run(j) {
      const { page, step } = j;
      const today = chinaToday();
      const rectifyBy = plusDays(today, 15);
      const trainingType = 'AQF-28'; // the officer's finding: not at the threshold anywhere in the demo
      const confinedSpaces = 'YXKJ-13'; // the fire brigade's proposal: no live campaign of it in 双屿
      const facts = '抽查 3 名新入职冲压工，均未参加岗前安全生产教育和培训，企业无培训记录';
      const fireReason = '近期外区同类企业发生有限空间中毒事故，提醒双屿街道企业开展有限空间作业自查';
      const reply =
        '收到建议书后已为刷胶、喷胶岗位全部员工配发符合国家标准的防毒口罩和防护手套，建立发放台账，' +
        '并于本周组织专题培训，班组长每日检查佩戴情况。';

      // 1. the enforcement officer records an inspection on a phone
      let target: Enterprise | undefined;
      let typed = '';
      await step('officer-inspections-phone', async () => {
        await switchUser(j, phone, 'demo.officer');
        // an enterprise nobody else's journey touches, chosen from what the officer may see, by USCC
        const res = await page.request.get('/api/enterprises?page=1&pageSize=100');
        assert(res.status() === 200, `GET /api/enterprises answered ${res.status()}`);
        const { items } = (await res.json()) as { items: Enterprise[] };
        target = items
          .filter(
            (e) =>
              e.operatingStatus === 'operating' &&
              !e.industryCode.startsWith('19') &&
              !['双屿街道', '仰义街道'].includes(e.subdistrictName) &&
              !e.name.includes('园区运营') &&
              e.parkId === null &&
              e.hostEnterpriseId === null,
          )
          .sort((a, b) => a.uscc.localeCompare(b.uscc))[0];
        assert(target, 'no enterprise to inspect among the first 100');
        // part of its name: the brand and trade, without 温州 and the company form
        typed = target.name.replace(/^温州(市鹿城区)?/, '').replace(/(股份有限公司|有限公司|厂)$/, '');

        const list = answered(page, 'GET', '/api/enforcement/inspections');
        await openMenu(page, '执法检查');
        await page.waitForURL('**/enforcement/inspections');
        await ok(await list, 'the inspections list');
        await page.getByTestId('inspections-list').waitFor();
      });
      assert(target, 'no enterprise to inspect');
      const inspected = target;

      let types: ViolationType[] = [];
      await step('officer-new-inspection', async () => {
        const catalog = answered(page, 'GET', '/api/violation-types');
        await page.getByTestId('inspection-new').click();
        await page.waitForURL('**/enforcement/inspections/new');
        types = (await (await ok(await catalog, 'the violation types')).json()) as ViolationType[];
        await page.getByTestId('inspection-form').waitFor();
      });
      const training = types.find((t) => t.code === trainingType);
      assert(training, `no violation type ${trainingType} in the catalog`);

      await step('officer-picks-enterprise', async () => {
        const combobox = page.getByTestId('inspection-enterprise').getByRole('combobox');
        const searched = answered(page, 'GET', '/api/enterprises', { q: typed });
        await combobox.fill(typed);
        const found = (await (await ok(await searched, 'the enterprise search')).json()) as {
          items: Enterprise[];
        };
        assert(
          found.items.some((e) => e.id === inspected.id),
          `typing ${typed} does not find ${inspected.name}`,
        );
        const label = `${inspected.name}（${inspected.uscc}）`;
        await page.locator(`.ant-select-item-option[title="${label}"]`).waitFor();
        await choose(combobox, label);
      });

      await step('officer-date-today', async () => {
        const date = page.getByLabel('检查日期');
        await date.click();
        const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
        await opened(panel);
        await panel.locator('.ant-picker-cell-today').click();
        await panel.waitFor({ state: 'hidden' });
        const value = await date.inputValue();
        assert(value === today, `the inspection date reads ${value}, not ${today}`);
        await page.getByTestId('inspection-findings').fill('双随机执法检查：安全生产教育培训、劳动防护用品');
      });

      await step('officer-adds-violation', async () => {
        await page.getByTestId('violation-add').click();
        const card = page.getByTestId('violation-0');
        await choose(
          card.getByRole('combobox', { name: /违法行为类型/ }),
          `${training.code} ${training.name}`,
        );
        // the type's legal basis under the select
        await page.getByTestId('violation-basis-0').getByText('违法依据：').waitFor();
        await page.getByTestId('violation-basis-0').getByText(training.legalBasis).waitFor();
        await page.getByTestId('violation-description-0').fill(facts);
        const deadline = page.getByLabel('整改期限');
        await deadline.click();
        await pickDate(page, rectifyBy);
        const value = await deadline.inputValue();
        assert(value === rectifyBy, `the rectification deadline reads ${value}, not ${rectifyBy}`);
        await page.getByTestId('inspection-submit').getByText('提交（1 项违法行为）').waitFor();
      });

      let detail: InspectionDetail | undefined;
      await step('officer-submits', async () => {
        const recorded = answered(page, 'POST', '/api/enforcement/inspections');
        const shown = answered(page, 'GET', /^\/api\/enforcement\/inspections\/[0-9a-f-]{36}$/);
        await page.getByTestId('inspection-submit').click();
        const body = (await (await ok(await recorded, 'the inspection', [201])).json()) as {
          id: string;
          proposedCampaignIds: string[];
        };
        assert(
          body.proposedCampaignIds.length === 0,
          `one ${trainingType} proposed campaigns ${body.proposedCampaignIds.join(', ')}`,
        );
        await page.waitForURL(`**/enforcement/inspections/${body.id}`);
        detail = (await (await ok(await shown, 'the inspection detail')).json()) as InspectionDetail;
        assert(detail.id === body.id, `the page read inspection ${detail.id}`);
        assert(
          detail.inspectedOn === today && detail.rectifyBy === rectifyBy,
          `recorded on ${detail.inspectedOn}, rectify by ${detail.rectifyBy}`,
        );
        assert(noticeNumber.test(detail.noticeNumber ?? ''), `the notice is numbered ${detail.noticeNumber}`);
        const [v] = detail.violations;
        assert(
          detail.violations.length === 1 &&
            v?.typeCode === trainingType &&
            letterNumber.test(v.letterNumber ?? ''),
          `violations: ${JSON.stringify(detail.violations)}`,
        );
        const page1 = page.getByTestId('inspection-detail');
        await page1.getByRole('heading', { name: inspected.name }).waitFor();
        await page1.getByText(detail.noticeNumber!, { exact: true }).waitFor();
        await page.getByTestId('violation-letter-0').getByText(v.letterNumber!, { exact: true }).waitFor();
        await tag(page.getByTestId('violation-0'), '待整改').waitFor();
        await tag(page.getByTestId('violation-0'), '待回复').waitFor();
        await page.getByTestId('violation-0').getByText(facts).waitFor();
      });
      assert(detail, 'no inspection detail');
      const inspection = detail;

      await step('officer-notice-pdf', async () => {
        const link = page.getByTestId('inspection-notice-pdf');
        const href = await link.getAttribute('href');
        assert(
          href === `/api/documents/${inspection.noticeDocumentId}/pdf`,
          `the notice's PDF link is ${href}`,
        );
        const res = await page.request.get(href);
        assert(res.status() === 200, `the notice's PDF answered ${res.status()}`);
        const type = res.headers()['content-type'] ?? '';
        assert(type.startsWith('application/pdf'), `the notice's PDF is ${type}`);
        const bytes = await res.body();
        assert(bytes.subarray(0, 5).toString('latin1') === '%PDF-', 'the notice is not a PDF');
        await link.scrollIntoViewIfNeeded();
      });

      // 2. the bureau approves the campaign the frequency check proposed, on a desktop
      let footwear: Campaign | undefined;
      await step('bureau-campaigns', async () => {
        await switchUser(j, desktop, 'demo.bureau');
        const list = answered(page, 'GET', '/api/advice/campaigns');
        await openMenu(page, '合规建议批次');
        await page.waitForURL('**/advice/campaigns');
        const { items } = (await (await ok(await list, 'the campaigns')).json()) as { items: Campaign[] };
        footwear = items.find(
          (c) => c.scopeType === 'industry' && c.scopeLabel === '皮鞋制造行业' && c.status === 'proposed',
        );
        assert(footwear?.origin === 'frequency', `the footwear campaign: ${JSON.stringify(footwear)}`);
        const row = page.locator('tr.ant-table-row').filter({ hasText: '皮鞋制造行业' });
        await tag(row, '待审批').waitFor();
        await tag(row, '高发自动提议').waitFor();
      });
      assert(footwear, 'no proposed footwear campaign');
      const campaign = footwear;

      await step('bureau-opens-campaign', async () => {
        const row = page.locator('tr.ant-table-row').filter({ hasText: '皮鞋制造行业' });
        await row.getByRole('link').first().click();
        await page.waitForURL(`**/advice/campaigns/${campaign.id}`);
        const detailCard = page.getByTestId('campaign-detail');
        await detailCard.getByRole('heading', { name: /皮鞋制造行业$/ }).waitFor();
        await tag(detailCard, '待审批').waitFor();
        await page
          .getByTestId('campaign-reason')
          .getByText(/近30日内本区皮鞋制造行业发生/)
          .waitFor();
        await page.getByTestId('campaign-approve').waitFor();
      });

      let approved: Campaign | undefined;
      await step('bureau-approves', async () => {
        await page.getByTestId('campaign-approve').click();
        const dialog = page.getByRole('dialog', { name: '批准并发送' });
        await dialog.getByText('发送企业数量以批准时的企业名录为准。').waitFor();
        await opened(page.locator('.ant-modal-root').filter({ has: dialog }));
        const sent = answered(page, 'POST', `/api/advice/campaigns/${campaign.id}/approve`);
        await dialog.getByTestId('campaign-approve-confirm').click();
        approved = (await (await ok(await sent, 'the approval')).json()) as Campaign;
        assert(
          approved.status === 'sending' && approved.targetCount > 0,
          `approved: ${approved.status}, ${approved.targetCount} targets`,
        );
        await page.getByText(`已批准，正在向 ${approved.targetCount} 家企业发送合规建议书`).waitFor();
        // closed once its closing animation is over (the role is gone from the start of it)
        await page.locator('.ant-modal').waitFor({ state: 'hidden' });
        // the progress while the letters go out (the send job may already be done: then the page shows 已发送)
        await page
          .getByTestId('campaign-progress')
          .or(tag(page.getByTestId('campaign-detail'), '已发送'))
          .first()
          .waitFor();
      });
      assert(approved, 'no approval');
      const targets = approved.targetCount;

      await step('bureau-campaign-sent', async () => {
        const detailCard = page.getByTestId('campaign-detail');
        // generous: the page polls every 2 s and the job sends in chunks of 500
        await tag(detailCard, '已发送').waitFor({ timeout: 120_000 });
        await page.getByTestId('campaign-progress').waitFor({ state: 'detached' });
        const count = (title: string) =>
          page
            .getByTestId('campaign-counts')
            .locator('.ant-statistic')
            .filter({ has: page.getByText(title, { exact: true }) })
            .locator('.ant-statistic-content-value');
        assert(
          (await count('发送对象').innerText()).trim() === String(targets),
          `发送对象 reads ${await count('发送对象').innerText()}, expected ${targets}`,
        );
        await count('已发送')
          .filter({ hasText: new RegExp(`^${targets}$`) })
          .waitFor();
        const letters = page.getByTestId('campaign-letters');
        await letters.locator('tr.ant-table-row').first().waitFor();
        await letters.getByText(`共 ${targets} 条`).waitFor();
      });

      // 3. the fire brigade: its 仰义 campaign and its letters, then a campaign proposed by hand
      let yangyi: Campaign | undefined;
      await step('fire-campaigns', async () => {
        await switchUser(j, desktop, 'demo.fire');
        const list = answered(page, 'GET', '/api/advice/campaigns');
        await openMenu(page, '合规建议批次');
        const { items } = (await (await ok(await list, 'the campaigns')).json()) as { items: Campaign[] };
        yangyi = items.find((c) => c.scopeLabel === '仰义街道' && c.violationTypeCode === 'AQF-30');
        assert(
          yangyi?.status === 'sent' && yangyi.sentCount === yangyi.targetCount && yangyi.targetCount > 0,
          `the 仰义 campaign: ${JSON.stringify(yangyi)}`,
        );
        assert(
          items.every((c) => c.scopeLabel !== '皮鞋制造行业'),
          "the fire brigade sees the bureau's campaign",
        );
        const row = page.locator('tr.ant-table-row').filter({ hasText: '仰义街道' });
        await tag(row, '已发送').waitFor();
        await row.getByText(`已发 ${yangyi.sentCount} / ${yangyi.targetCount}`).waitFor();
      });
      assert(yangyi, 'no 仰义 campaign');
      const sentByFire = yangyi;

      await step('fire-campaign-letters', async () => {
        const letters = answered(page, 'GET', '/api/advice/letters', { campaignId: sentByFire.id });
        await page
          .locator('tr.ant-table-row')
          .filter({ hasText: '仰义街道' })
          .getByRole('link')
          .first()
          .click();
        await page.waitForURL(`**/advice/campaigns/${sentByFire.id}`);
        const body = (await (await ok(await letters, "the campaign's letters")).json()) as {
          total: number;
          items: Letter[];
        };
        assert(
          body.total === sentByFire.targetCount && body.items.length > 0,
          `${body.total} letters listed for ${sentByFire.targetCount} targets`,
        );
        const table = page.getByTestId('campaign-letters');
        const rows = table.locator('tr.ant-table-row');
        await rows.first().waitFor();
        const first = body.items[0]!;
        assert(letterNumber.test(first.number), `a letter is numbered ${first.number}`);
        const row = rows.filter({ hasText: first.number });
        await row.getByText(first.enterpriseName, { exact: true }).waitFor();
        await tag(row, '待回复').waitFor();
        assert(
          (await rows.count()) === body.items.length,
          `${await rows.count()} rows for ${body.items.length} letters`,
        );
        await table.getByText(`共 ${body.total} 条`).waitFor();
        await table.scrollIntoViewIfNeeded();
      });

      let proposed: Campaign | undefined;
      await step('fire-proposes', async () => {
        await page.getByRole('link', { name: /返回合规建议批次/ }).click();
        await page.waitForURL('**/advice/campaigns');
        await page.getByTestId('campaign-propose').click();
        await page.waitForURL('**/advice/campaigns/new');
        await page.getByTestId('propose-form').waitFor();
        const typeSelect = page.getByTestId('propose-type').getByRole('combobox');
        // the jurisdiction's catalog, as the officer's page read it
        const type = types.find((t) => t.code === confinedSpaces);
        assert(type, `no violation type ${confinedSpaces}`);
        await choose(typeSelect, `${type.code} ${type.name}`);
        // the items start as the type's own
        await page.getByTestId('propose-item-0').waitFor();
        const item0 = await page.getByTestId('propose-item-0').inputValue();
        assert(item0 === type.adviceItems[0]?.text, `the first item reads ${item0}`);
        await page.getByTestId('propose-scope-type').getByText('街镇', { exact: true }).click();
        const scope = page.getByTestId('propose-scope-value').getByRole('combobox');
        await page
          .getByTestId('propose-scope-value')
          .locator('label', { hasText: /^街镇$/ })
          .waitFor();
        await choose(scope, '双屿街道');
        await page.getByTestId('propose-reason').fill(fireReason);
        const created = answered(page, 'POST', '/api/advice/campaigns');
        await page.getByTestId('propose-submit').click();
        proposed = (await (await ok(await created, 'the proposal', [201])).json()) as Campaign;
        assert(
          proposed.status === 'proposed' &&
            proposed.origin === 'manual' &&
            proposed.scopeType === 'subdistrict' &&
            proposed.scopeLabel === '双屿街道' &&
            proposed.violationTypeCode === confinedSpaces,
          `proposed: ${JSON.stringify(proposed)}`,
        );
        await page.waitForURL(`**/advice/campaigns/${proposed.id}`);
        const detailCard = page.getByTestId('campaign-detail');
        await tag(detailCard, '待审批').waitFor();
        await tag(detailCard, '部门提议').waitFor();
        await detailCard.getByRole('heading', { name: /双屿街道$/ }).waitFor();
        await page.getByTestId('campaign-reason').getByText(fireReason).waitFor();
        assert(
          (await page.getByTestId('campaign-approve').count()) === 0,
          'the fire brigade is offered 批准并发送',
        );
      });
      assert(proposed, 'no proposal');
      const mine = proposed;

      await step('fire-proposal-listed', async () => {
        const list = answered(page, 'GET', '/api/advice/campaigns');
        await page.getByRole('link', { name: /返回合规建议批次/ }).click();
        const { items } = (await (await ok(await list, 'the campaigns')).json()) as { items: Campaign[] };
        assert(
          items.some((c) => c.id === mine.id && c.status === 'proposed'),
          'the proposal is not listed as proposed',
        );
        const row = page.locator('tr.ant-table-row').filter({ hasText: '双屿街道' });
        await tag(row, '待审批').waitFor();
        await tag(row, '部门提议').waitFor();
      });

      // 4. the enterprise answers the letter from the demo's inspection, on a phone
      let letter: Letter | undefined;
      await step('enterprise-inbox-phone', async () => {
        await switchUser(j, phone, 'demo.enterprise');
        const list = answered(page, 'GET', '/api/advice/letters');
        await openMenu(page, '合规建议书');
        await page.waitForURL('**/advice/letters');
        const { items } = (await (await ok(await list, 'the inbox')).json()) as { items: Letter[] };
        letter = items.find((l) => l.campaignId === null && l.status === 'sent');
        assert(
          letter,
          `no unanswered letter from an inspection: ${JSON.stringify(items.map((l) => l.number))}`,
        );
        const card = page.getByTestId('letter-card').filter({ hasText: letter.number });
        await tag(card, '待回复').waitFor();
        assert(
          (await page.getByTestId('letters-list').locator('.ant-table').count()) === 0,
          'the inbox shows a table on a phone',
        );
      });
      assert(letter, 'no letter');
      const answering = letter;

      await step('enterprise-opens-letter', async () => {
        await page.getByTestId('letter-card').filter({ hasText: answering.number }).click();
        await page.waitForURL(`**/advice/letters/${answering.id}`);
        await page.getByTestId('letter-number').getByText(answering.number, { exact: true }).waitFor();
        await tag(page.getByTestId('letter-detail'), '待回复').waitFor();
        await page.getByTestId('letter-items').locator('li').first().waitFor();
        await page.getByTestId('letter-reply-form').waitFor();
      });

      await step('enterprise-replies', async () => {
        await page.getByTestId('letter-reply').fill(reply);
        const sent = answered(page, 'POST', `/api/advice/letters/${answering.id}/reply`);
        await page.getByTestId('letter-reply-submit').click();
        const body = (await (await ok(await sent, 'the reply')).json()) as Letter;
        assert(body.status === 'replied' && body.reply === reply, `replied: ${body.status}`);
        await page.getByTestId('letter-reply-text').getByText(reply).waitFor();
        await tag(page.getByTestId('letter-detail'), '已回复').waitFor();
        assert(
          (await page.getByTestId('letter-reply-form').count()) === 0,
          'the reply form is still offered',
        );
        assert((await page.getByTestId('letter-late').count()) === 0, 'an in-time reply is flagged late');
      });

      // 5. the letter's public verification page (the QR code on it), without logging in
      await step('letter-verifies', async () => {
        const doc = await page.request.get(`/api/documents/${answering.documentId}`);
        assert(doc.status() === 200, `the letter's document answered ${doc.status()}`);
        const { verifyUrl } = (await doc.json()) as { verifyUrl: string };
        await page.context().clearCookies();
        const res = await page.goto(new URL(verifyUrl).pathname);
        assert(res?.status() === 200, `the verification page answered ${res?.status()}`);
        await page.getByRole('heading', { name: '文书核验结果' }).waitFor();
        await page.getByText('安全生产合规建议书', { exact: true }).waitFor();
        await page.getByText(answering.number, { exact: true }).waitFor();
        await page.getByText(answering.enterpriseName, { exact: true }).first().waitFor();
        await page.getByText('有效', { exact: true }).first().waitFor();
      });
    },
  },
];
