/**
 * The white list on the demo data (server/demo/demo-whitelist.ts), end to end:
 *
 * 1. the bureau opens 公示管理 and finds the demo notice of 2026-09-29, whose working days ran over the National Day
 *    holiday and ended on 2026-10-12;
 * 2. the public portal's white list (/public/whitelist) lists the enterprise published from it (demo.sy08);
 * 3. /public/notices shows the notice opened when the demo was loaded (demo.sy05) and a visitor files an objection
 *    on it: the receipt (objection number) is shown;
 * 4. the bureau proposes an exit from the listed enterprise's entry page (提出退出), opens it from 退出管理 and
 *    decides it (决定退出); the public white list no longer shows the enterprise;
 * 5. the enterprise sees the re-entry ban on its home page (the apply button is gone), and an application sent
 *    anyway is refused with the server's WHITELIST_REENTRY_BAN message (through the API: the page offers no button).
 */
import type { Page, Response } from 'playwright-core';
import { assert, button, type Journey, type JourneyRun } from '../harness.js';

const pathOf = (r: Response) => decodeURIComponent(new URL(r.url()).pathname);

function answered(page: Page, method: string, path: string | RegExp) {
  return page.waitForResponse(
    (r) =>
      r.request().method() === method &&
      (typeof path === 'string' ? pathOf(r) === path : path.test(pathOf(r))),
  );
}

async function ok(res: Response, what: string, statuses = [200, 201]) {
  assert(statuses.includes(res.status()), `${what} answered ${res.status()}: ${await res.text()}`);
  return res;
}

async function switchUser({ page, login }: JourneyRun, username: string) {
  await page.context().clearCookies();
  await login(username);
}

/** A white-list demo enterprise's login, and its enterprise name (demo-logins.json: "<name>（白名单：…）"). */
function whitelistLogin({ env }: JourneyRun, username: string) {
  const found = env.logins.find((l) => l.username === username);
  assert(found, `no ${username} in demo-logins.json: the white-list demo was not loaded`);
  return { username, name: found.unit.split('（白名单')[0] };
}

export const journeys: Journey[] = [
  {
    name: 'whitelist',
    viewport: 'desktop',
    async run(j) {
      const { page, step } = j;
      const listed = whitelistLogin(j, 'demo.sy08');
      const onNotice = whitelistLogin(j, 'demo.sy05');

      await step('bureau-notices', async () => {
        await switchUser(j, 'demo.bureau');
        const list = answered(page, 'GET', '/api/whitelist/notices');
        await page.goto('/whitelist/notices');
        const notices = (await (await ok(await list, 'the notices')).json()) as {
          items: { startsOn: string; endsOn: string; status: string }[];
        };
        const holiday = notices.items.find((n) => n.startsOn === '2026-09-29');
        assert(holiday?.endsOn === '2026-10-12', `the National Day notice ends ${holiday?.endsOn}`);
        await page.locator('.ant-card-head-title', { hasText: '公示管理' }).waitFor();
        await page.getByText('2026-09-29 ~ 2026-10-12').waitFor();
      });

      await step('public-whitelist', async () => {
        await page.context().clearCookies();
        await page.goto('/public/whitelist');
        await page.getByText(listed.name, { exact: true }).first().waitFor();
      });

      let receipt = '';
      await step('public-objection', async () => {
        await page.goto('/public/notices');
        const card = page.locator('.sc-pub-notice').filter({ hasText: onNotice.name });
        await card.getByText(onNotice.name, { exact: true }).first().waitFor();
        const row = card.locator('li, tr, .ant-list-item').filter({ hasText: onNotice.name }).first();
        await button((await row.count()) > 0 ? row : card, '提出异议')
          .first()
          .click();
        await page.waitForURL(/\/public\/notices\/[^/]+\/object/);
        await page.getByLabel('姓名').fill('李女士');
        await page.getByLabel('联系方式').fill('13905776543');
        await page
          .getByLabel('异议内容')
          .fill('该企业车间通道经常堆放鞋材，消防通道不畅，请核实后再决定是否入库。');
        const filed = answered(page, 'POST', /^\/api\/public\/notices\/[^/]+\/objections$/);
        await button(page, '提交异议').click();
        const res = await ok(await filed, 'the objection', [201]);
        receipt = ((await res.json()) as { id: string }).id;
        await page.getByText('异议已提交').first().waitFor();
        await page.getByText('异议编号').first().waitFor();
        await page.getByText(receipt).first().waitFor();
      });
      assert(receipt, 'no objection receipt');

      let exitId = '';
      await step('bureau-sees-proposal-from-inspection', async () => {
        // 瓯越's inspection found a major hazard after the entry: the proposal opened by itself (demo-exit.ts)
        await switchUser(j, 'demo.bureau');
        await page.goto('/whitelist/exits');
        const row = page.getByRole('row').filter({ hasText: listed.name }).first();
        await row.getByText('发现隐患').first().waitFor();
        await row.getByRole('link', { name: listed.name, exact: true }).first().click();
        await page.waitForURL(/\/whitelist\/exits\/[^/]+$/);
        exitId = page.url().split('/').pop() ?? '';
        await page
          .getByText(/检查发现重大事故隐患/)
          .first()
          .waitFor();
      });
      assert(exitId, 'no exit proposal');

      await step('bureau-decides-exit', async () => {
        await button(page, '决定退出').click();
        const dialog = page.getByRole('dialog', { name: '决定退出' });
        await dialog.getByLabel('决定说明').fill('经核实重大事故隐患属实，决定退出白名单。');
        const decided = answered(page, 'POST', `/api/whitelist/exits/${exitId}/decide`);
        await button(dialog, '决定退出').click();
        await ok(await decided, 'the exit decision');
        await page
          .getByText(/已决定退出/)
          .first()
          .waitFor();
      });

      await step('public-whitelist-without-it', async () => {
        await page.context().clearCookies();
        const list = answered(page, 'GET', '/api/public/whitelist');
        await page.goto('/public/whitelist');
        const body = (await (await ok(await list, 'the public white list')).json()) as {
          items: { enterpriseName: string }[];
        };
        assert(
          body.items.every((i) => i.enterpriseName !== listed.name),
          'the exited enterprise is still on the public white list',
        );
        await page.getByText('合规企业白名单').first().waitFor();
        assert((await page.getByText(listed.name, { exact: true }).count()) === 0, 'the page still shows it');
      });

      await step('enterprise-reentry-ban', async () => {
        await switchUser(j, listed.username);
        await page.goto('/');
        await page
          .getByText(/前不得重新申请入库/)
          .first()
          .waitFor();
        assert(
          (await button(page, '申请纳入白名单').count()) === 0,
          'the apply button is offered during the ban',
        );
        // the page offers no button during the ban: the application is sent as the page would send it
        const me = (await (await page.request.get('/api/me')).json()) as {
          csrfToken: string;
          bindings?: { role: string; unitId: string }[];
        };
        const status = (await (await page.request.get('/api/whitelist/applications')).json()) as {
          items: { enterpriseId: string }[];
        };
        const enterpriseId = status.items[0]?.enterpriseId;
        assert(enterpriseId, 'the enterprise has no earlier application');
        const res = await page.request.post('/api/whitelist/applications', {
          data: { enterpriseId },
          headers: { 'x-csrf-token': me.csrfToken },
        });
        const problem = (await res.json()) as { code: string; title: string; detail?: string };
        assert(
          res.status() === 409 && problem.code === 'WHITELIST_REENTRY_BAN',
          `the application answered ${res.status()} ${problem.code}`,
        );
        assert(problem.title.includes('不得重新申请'), `the refusal says ${problem.title}`);
      });
    },
  },
];
