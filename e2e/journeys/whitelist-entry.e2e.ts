/**
 * The white list's entry workflow on the demo data (server/demo/demo-whitelist.ts), each role on its own page:
 *
 * 0. the demo enterprise that meets every condition but has not applied (demo-logins: 尚未申请) applies from its
 *    home page on a phone: 申请纳入白名单, checks the snapshot, 提交; its card shows 已提交.
 * 1. 双屿's subdistrict officer (demo.shuangyu) picks demo.sy07's submitted application on 白名单申请 and sends it
 *    with a note (收集并报送区应急管理局); the batch is listed under 报送批次 with that note;
 * 2. the bureau reviewer (demo.reviewer) opens the collected application, 开始形式审查, then 征求意见 from
 *    区消防救援大队: the deadline the server computed in working days is shown (答复截止日期);
 * 3. the fire brigade's officer (demo.fire), on a 375×812 phone viewport, finds demo.sy01's request (from the demo)
 *    and demo.sy07's in the 征求意见 inbox with their deadlines, and answers 同意 on both;
 * 4. the bureau administrator (demo.bureau) opens 公示管理 → 新建公示, picks both applications (their opinions are
 *    now all cleared), publishes the notice and sees its end date; the public portal (/public/notices, no login)
 *    lists both enterprises;
 * 5. demo.sy07 logs in and its white-list card shows the application at the 公示 step (公示中).
 *
 * It moves demo.sy07 and demo.sy01 onto a notice, so it runs before the `whitelist` journey (which needs neither).
 */
import type { Page, Response } from 'playwright-core';
import { assert, button, chooseOption, type Journey, type JourneyRun } from '../harness.js';

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

/** The username of the white-list demo enterprise whose login's unit mentions `part` (e.g. 尚未申请). */
function env({ env: e }: JourneyRun, part: string): string {
  const found = e.logins.find((l) => l.unit.includes(part));
  assert(found, `no demo login for ${part}`);
  return found.username;
}

/** A white-list demo enterprise's login, and its enterprise name (demo-logins.json: "<name>（白名单：…）"). */
function whitelistLogin({ env }: JourneyRun, username: string) {
  const found = env.logins.find((l) => l.username === username);
  assert(found, `no ${username} in demo-logins.json: the white-list demo was not loaded`);
  return { username, name: found.unit.split('（白名单')[0] };
}

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const desktop = { width: 1280, height: 800 };
const phone = { width: 375, height: 812 };

interface ApplicationDetail {
  id: string;
  status: string;
  opinions: { departmentName: string; status: string; deadline: string }[];
}

export const journeys: Journey[] = [
  {
    name: 'whitelist-entry',
    viewport: 'desktop',
    async run(j) {
      const { page, step } = j;
      const submitted = whitelistLogin(j, 'demo.sy07');
      const inOpinions = whitelistLogin(j, 'demo.sy01');
      const note = '双屿街道第三批：已核对企业承诺书和自查记录';
      const applicant = whitelistLogin(j, env(j, '尚未申请'));

      // an enterprise that meets every condition applies from its home page, on a phone
      await page.setViewportSize(phone);
      await step('enterprise-applies-phone', async () => {
        await switchUser(j, applicant.username);
        await page.goto('/');
        await page.getByText('已符合全部入库条件，可以申请纳入白名单。').waitFor();
        const created = answered(page, 'POST', '/api/whitelist/applications');
        await button(page, '申请纳入白名单').click();
        await ok(await created, 'the draft application', [201]);
        const dialog = page.getByRole('dialog', { name: '核对入库条件并提交' });
        await dialog.getByText(applicant.name).first().waitFor();
        const sent = answered(page, 'POST', /^\/api\/whitelist\/applications\/[^/]+\/submit$/);
        await button(dialog, '提交').click();
        await ok(await sent, 'the submission');
        await dialog.waitFor({ state: 'hidden' });
        await page.locator('.ant-tag', { hasText: '已提交' }).first().waitFor();
      });
      await page.setViewportSize(desktop);

      let applicationId = '';
      await step('subdistrict-collects', async () => {
        await switchUser(j, 'demo.shuangyu');
        const list = answered(page, 'GET', '/api/whitelist/applications');
        await page.goto('/whitelist/applications');
        const body = (await (await ok(await list, 'the applications')).json()) as {
          items: { id: string; enterpriseName: string; status: string }[];
        };
        const mine = body.items.find((a) => a.enterpriseName === submitted.name);
        assert(
          mine?.status === 'submitted',
          `${submitted.name} is ${mine?.status ?? 'not listed'}, not submitted`,
        );
        applicationId = mine.id;
        const row = page.locator('tr.ant-table-row').filter({ hasText: submitted.name });
        await row.getByRole('checkbox').check();
        await page.getByText('已选 1 份已提交的申请').waitFor();
        await button(page, '收集并报送区应急管理局').click();
        const dialog = page.getByRole('dialog', { name: '收集并报送区应急管理局' });
        await dialog.getByText(submitted.name).waitFor();
        await dialog.getByLabel('报送说明').fill(note);
        const sent = answered(page, 'POST', '/api/whitelist/batches');
        await button(dialog, '报送').click();
        await ok(await sent, 'the batch', [201]);
        await page.getByText('已报送 1 份申请').first().waitFor();
        await dialog.waitFor({ state: 'hidden' });
        await page.getByRole('tab', { name: '报送批次' }).click();
        const batch = page.locator('tr.ant-table-row').filter({ hasText: note });
        await batch.waitFor();
        await batch.getByText('1 份').waitFor();
        await batch.getByRole('cell', { name: '双屿街道', exact: true }).waitFor();
        await batch.getByRole('cell', { name: /demo\.shuangyu/ }).waitFor(); // 报送人
      });
      assert(applicationId, 'no application of demo.sy07');

      let deadline = '';
      await step('reviewer-solicits-opinions', async () => {
        await switchUser(j, 'demo.reviewer');
        await page.goto('/whitelist/applications');
        await page.getByRole('link', { name: submitted.name, exact: true }).click();
        await page.waitForURL(`**/whitelist/applications/${applicationId}`);
        await page.locator('.ant-tag', { hasText: '街镇已收集' }).first().waitFor();
        await button(page, '开始形式审查').click();
        const confirm = page.locator('.ant-modal-confirm');
        await confirm
          .locator('.ant-modal-confirm-title', { hasText: '开始对该申请进行形式审查？' })
          .waitFor();
        const reviewed = answered(page, 'POST', `/api/whitelist/applications/${applicationId}/review`);
        await button(confirm, '开始形式审查').click();
        await ok(await reviewed, 'the formal review');
        await page.locator('.ant-tag', { hasText: '形式审查' }).first().waitFor();

        await button(page, '征求意见').click();
        const dialog = page.getByRole('dialog', { name: `征求意见 · ${submitted.name}` });
        await chooseOption(dialog.getByRole('combobox'), '区消防救援大队');
        await dialog.getByText('选择需要征求意见的部门').click(); // closes the drop-down
        const solicited = answered(page, 'POST', `/api/whitelist/applications/${applicationId}/opinions`);
        await button(dialog, '发送').click();
        const detail = (await (
          await ok(await solicited, 'the request for opinions')
        ).json()) as ApplicationDetail;
        const pending = detail.opinions.filter((o) => o.status === 'pending');
        assert(
          pending.length === 1 && pending[0]!.departmentName === '区消防救援大队',
          `opinions asked: ${JSON.stringify(detail.opinions)}`,
        );
        deadline = pending[0]!.deadline;
        assert(isoDate.test(deadline), `the opinion deadline is ${deadline}`);
        await dialog.getByText('已向 1 个部门征求意见').waitFor();
        await dialog.getByText(`答复截止日期：${deadline}`).waitFor();
      });
      assert(deadline, 'no opinion deadline');

      await step('reviewer-sees-deadline', async () => {
        await button(page.getByRole('dialog'), '知道了').click();
        await page.locator('.ant-tag', { hasText: '征求意见' }).first().waitFor();
        const opinion = page.locator('tr.ant-table-row').filter({ hasText: '区消防救援大队' });
        await opinion.locator('.ant-tag', { hasText: '待答复' }).waitFor();
        await opinion.getByText(deadline, { exact: true }).waitFor();
      });

      // the department officer answers on a phone
      await page.setViewportSize(phone);
      await step('fire-inbox-phone', async () => {
        await switchUser(j, 'demo.fire');
        const inbox = answered(page, 'GET', '/api/whitelist/opinions');
        await page.goto('/whitelist/opinions');
        const body = (await (await ok(await inbox, 'the opinions inbox')).json()) as {
          items: { applicationId: string; enterpriseName: string; deadline: string; status: string }[];
        };
        for (const e of [submitted, inOpinions]) {
          const item = body.items.find((o) => o.enterpriseName === e.name && o.status === 'pending');
          assert(item && isoDate.test(item.deadline), `the inbox has no pending request for ${e.name}`);
          const shown = page.locator('.ant-list-item').filter({ hasText: e.name });
          await shown.getByText(item.deadline, { exact: true }).waitFor();
          await button(shown, '提出意见').waitFor();
        }
        const sy07 = body.items.find((o) => o.enterpriseName === submitted.name);
        assert(
          sy07?.applicationId === applicationId && sy07.deadline === deadline,
          `inbox: ${JSON.stringify(sy07)}`,
        );
        assert(
          (await page.locator('.ant-table').count()) === 0,
          'the inbox shows a table on a phone instead of the list',
        );
      });

      for (const [slug, e] of [
        ['fire-agrees-sy07', submitted],
        ['fire-agrees-sy01', inOpinions],
      ] as const) {
        await step(slug, async () => {
          const item = page.locator('.ant-list-item').filter({ hasText: e.name });
          await button(item, '提出意见').click();
          const dialog = page.getByRole('dialog', { name: `提出意见 · ${e.name}` });
          await dialog.getByText('同意', { exact: true }).click();
          await dialog.getByLabel('说明（选填）').fill('经核查，消防安全条件符合要求，同意列入白名单。');
          const sent = answered(page, 'POST', /^\/api\/whitelist\/applications\/[^/]+\/opinion$/);
          await button(dialog, '提交意见').click();
          await ok(await sent, `the opinion on ${e.name}`);
          await dialog.waitFor({ state: 'hidden' });
          await item.waitFor({ state: 'detached' });
        });
      }

      await step('fire-answered-tab', async () => {
        await page.getByRole('tab', { name: '已答复' }).click();
        for (const e of [submitted, inOpinions]) {
          const item = page.locator('.ant-list-item').filter({ hasText: e.name });
          await item.locator('.ant-tag', { hasText: '同意' }).first().waitFor();
        }
      });
      await page.setViewportSize(desktop);

      let notice = { id: '', endsOn: '', number: '' };
      await step('bureau-new-notice', async () => {
        await switchUser(j, 'demo.bureau');
        await page.goto('/whitelist/notices');
        await page.locator('.ant-card-head-title', { hasText: '公示管理' }).waitFor();
        await button(page, '新建公示').click();
        const dialog = page.getByRole('dialog', { name: '新建公示' });
        for (const e of [submitted, inOpinions]) {
          const row = dialog.locator('tr.ant-table-row').filter({ hasText: e.name });
          await row.getByText('意见均已通过，可列入公示').waitFor();
          await row.getByRole('checkbox').check();
        }
        await dialog.getByText('已选 2 家').waitFor();
        await dialog
          .getByPlaceholder('留空则按默认格式生成')
          .fill('鹿城区安全生产合规白名单拟入库企业公示（2026年第三批）');
        const created = answered(page, 'POST', '/api/whitelist/notices');
        await button(dialog, '发布公示').click();
        notice = (await (await ok(await created, 'the new notice', [201])).json()) as typeof notice;
        assert(isoDate.test(notice.endsOn), `the notice ends ${notice.endsOn}`);
        await dialog.getByText(`公示已发布：${notice.number}`).waitFor();
        await dialog.getByText('公示截止日期').waitFor();
        await dialog.locator('.sc-wla-end-date', { hasText: notice.endsOn }).waitFor();
      });
      assert(notice.id, 'no notice');

      await step('bureau-notice-detail', async () => {
        await button(page.getByRole('dialog', { name: '新建公示' }), '查看公示').click();
        await page.waitForURL(`**/whitelist/notices/${notice.id}`);
        await page.getByText(notice.number).first().waitFor();
        for (const e of [submitted, inOpinions]) await page.getByText(e.name).first().waitFor();
      });

      await step('public-notices', async () => {
        await page.context().clearCookies();
        await page.goto('/public/notices');
        const card = page.locator('.sc-pub-notice').filter({ hasText: '2026年第三批' });
        for (const e of [submitted, inOpinions])
          await card.locator('.sc-pub-app-name', { hasText: e.name }).first().waitFor();
        await card.getByText(notice.endsOn).first().waitFor();
      });

      await step('enterprise-status-card', async () => {
        await switchUser(j, submitted.username);
        await page.goto('/');
        const current = page.locator('.sc-wl-steps .ant-steps-item-process');
        await current.waitFor();
        await page
          .locator('.ant-card')
          .filter({ has: page.locator('.sc-wl-steps') })
          .last()
          .scrollIntoViewIfNeeded();
        const title = (await current.locator('.ant-steps-item-title').innerText()).trim();
        assert(title === '公示', `the current step is ${title}`);
        await page.locator('.ant-tag', { hasText: '公示中' }).first().waitFor();
      });
    },
  },
];
