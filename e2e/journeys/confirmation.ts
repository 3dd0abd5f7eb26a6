/**
 * Third-party confirmation, end to end: a footwear enterprise of 双屿 (seed.ts) asks a grade-B confirmation agency
 * on 第三方确认; the agency's user accepts, checks every key item and concludes on the detail page; two engineers of
 * the agency, each with their own login, sign as themselves; the report's number appears and its verification page
 * says it is valid. Then the refusals the server explains: a grade-C agency (below the minimum grade) and the agency
 * that guides the enterprise's rectification (not independent).
 */
import type { Page, Response } from 'playwright-core';
import { assert, button, buttonName, chooseOption, type Journey, type JourneyRun } from '../harness.js';

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

/** Log out by dropping the session cookie, then log in as someone else. */
async function switchUser({ page, login }: JourneyRun, user: { username: string; password: string }) {
  await page.context().clearCookies();
  await login(user.username, user.password);
}

/** The option label of an agency in the request form: name and grade (and how long the grade is valid). */
const agencyOption = (name: string, grade: string) => `${name}（${grade} 级 · 有效期至 2028-12-31）`;

/** Open 委托第三方确认, choose the agency and submit; answers the server's response. */
async function requestFrom(page: Page, agencyLabel: string): Promise<Response> {
  await page.goto('/confirmations');
  await button(page, '委托第三方确认').click();
  const dialog = page.getByRole('dialog', { name: '委托第三方确认' });
  await chooseOption(dialog.getByRole('combobox', { name: '确认机构' }), agencyLabel);
  const answer = answered(page, 'POST', '/api/confirmations');
  await button(dialog, '提交委托').click();
  return answer;
}

interface Detail {
  id: string;
  status: string;
  items: { itemCode: string }[];
  documentId: string | null;
  documentNumber: string | null;
}

export const journeys: Journey[] = [
  {
    name: 'confirmation',
    viewport: 'desktop',
    async run(j) {
      const { page, step, env } = j;
      const cf = env.seed.confirmation;
      let detail: Detail | undefined;

      await step('enterprise-requests', async () => {
        await switchUser(j, cf.user);
        const res = await ok(await requestFrom(page, agencyOption(cf.agencyName, 'B')), 'the request');
        detail = (await res.json()) as Detail;
        assert(detail.status === 'requested', `the request is ${detail.status}`);
        assert(detail.items.length > 0, 'the request pinned no key item');
        await page.waitForURL(`**/confirmations/${detail.id}`);
        await page.getByText(cf.agencyName, { exact: true }).waitFor();
      });
      assert(detail, 'no confirmation');
      const id = detail.id;

      await step('agency-accepts', async () => {
        await switchUser(j, cf.staff);
        await page.goto(`/confirmations/${id}`);
        await page.getByText(cf.enterpriseName, { exact: true }).waitFor();
        await button(page.locator('.sc-cf-actions'), '受理').click();
        const dialog = page.getByRole('dialog', { name: '受理' });
        const answer = answered(page, 'POST', `/api/confirmations/${id}/accept`);
        await button(dialog, '受理').click();
        const accepted = (await (await ok(await answer, 'accept')).json()) as Detail;
        assert(accepted.status === 'checking', `accepted, the confirmation is ${accepted.status}`);
      });

      await step('agency-checks-every-key-item', async () => {
        for (const item of detail!.items) {
          const group = page.getByRole('radiogroup', { name: item.itemCode, exact: true });
          const answer = answered(page, 'PUT', `/api/confirmations/${id}/items/${item.itemCode}`);
          await group.getByRole('radio', { name: buttonName('符合') }).click();
          await ok(await answer, `checking ${item.itemCode}`);
          await group.getByRole('radio', { name: buttonName('符合'), checked: true }).waitFor();
        }
      });

      await step('agency-concludes', async () => {
        const form = page.locator('.ant-card').filter({ hasText: '得出结论' });
        await form.getByRole('radio', { name: '确认合规' }).check();
        const date = form.getByLabel('现场核查日期');
        await date.click();
        await page
          .locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-cell-today')
          .click();
        const answer = answered(page, 'POST', `/api/confirmations/${id}/conclude`);
        await button(form, '提交结论').click();
        const concluded = (await (await ok(await answer, 'conclude')).json()) as Detail;
        assert(concluded.status === 'signing', `concluded, the confirmation is ${concluded.status}`);
        await page.getByText('结论已提交，等待工程师签字').waitFor();
      });

      for (const [i, engineer] of cf.engineers.entries()) {
        await step(`engineer-${i + 1}-signs`, async () => {
          await switchUser(j, engineer);
          await page.goto(`/confirmations/${id}`);
          // only their own record is offered
          const other = cf.engineers[1 - i];
          assert(
            (await button(page, `以工程师 ${other.name}（证书 ${other.certificateNumber}）签字`).count()) ===
              0,
            `${engineer.name} is offered to sign as ${other.name}`,
          );
          await button(page, `以工程师 ${engineer.name}（证书 ${engineer.certificateNumber}）签字`).click();
          const dialog = page.locator('.ant-modal-confirm').filter({ hasText: '确认签字' });
          await dialog.getByText(engineer.certificateNumber).waitFor();
          const answer = answered(page, 'POST', `/api/confirmations/${id}/sign`);
          await button(dialog.locator('.ant-modal-confirm-btns'), '签字').click();
          detail = (await (await ok(await answer, `${engineer.name} signs`)).json()) as Detail;
          assert(
            detail.status === (i === 0 ? 'signing' : 'confirmed'),
            `after ${engineer.name}'s signature the confirmation is ${detail.status}`,
          );
          await page
            .getByText(i === 0 ? '已签字，等待另一名工程师签字' : '签字完成，确认报告已出具')
            .waitFor();
        });
      }

      await step('report-number', async () => {
        const number = detail!.documentNumber;
        assert(number && /^鹿应急合规确〔\d{4}〕\d+号$/.test(number), `the report number is ${number}`);
        await page
          .getByRole('link', { name: new RegExp(number.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
          .waitFor();
      });

      await step('enterprise-sees-the-report', async () => {
        await switchUser(j, cf.user);
        await page.goto(`/confirmations/${id}`);
        const number = detail!.documentNumber!;
        await page
          .getByRole('link', { name: new RegExp(number.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
          .waitFor();
        await page.getByText('确认合规', { exact: true }).first().waitFor();
      });

      await step('report-verifies', async () => {
        // the enterprise holds the report (the agency's users cannot read the document itself)
        const doc = await page.request.get(`/api/documents/${detail!.documentId}`);
        assert(doc.status() === 200, `the report answered ${doc.status()}`);
        const { verifyUrl } = (await doc.json()) as { verifyUrl: string };
        await page.context().clearCookies();
        const res = await page.goto(new URL(verifyUrl).pathname);
        assert(res?.status() === 200, `the verification page answered ${res?.status()}`);
        await page.getByRole('heading', { name: '文书核验结果' }).waitFor();
        await page.getByText(detail!.documentNumber!, { exact: true }).waitFor();
        await page.getByText(cf.enterpriseName, { exact: true }).waitFor();
        await page.getByText('有效', { exact: true }).first().waitFor();
      });

      await step('refused-grade-too-low', async () => {
        await j.login(cf.user.username, cf.user.password);
        const res = await requestFrom(page, agencyOption(cf.lowAgencyName, 'C'));
        assert(res.status() === 409, `a grade-C agency answered ${res.status()}`);
        const problem = (await res.json()) as { code: string; detail: string };
        assert(problem.code === 'CONFIRMATION_AGENCY_GRADE_TOO_LOW', `the code is ${problem.code}`);
        await page.getByRole('dialog').getByText(problem.detail, { exact: true }).waitFor();
      });

      await step('refused-not-independent', async () => {
        const res = await requestFrom(page, agencyOption(cf.guidingAgencyName, 'A'));
        assert(res.status() === 409, `the guiding agency answered ${res.status()}`);
        const problem = (await res.json()) as { code: string; detail: string };
        assert(problem.code === 'CONFIRMATION_NOT_INDEPENDENT', `the code is ${problem.code}`);
        await page.getByRole('dialog').getByText(problem.detail, { exact: true }).waitFor();
      });
    },
  },
];
