/**
 * Getting ready, end to end: a footwear enterprise of 双屿 (seed.ts: registered, nothing done yet) signs the
 * commitment and inspects itself on a phone-sized window (375×812), the non-compliant items become hazards, it asks
 * for an extension that the 双屿 officer approves, closes the hazards with after-photos, the officer verifies them,
 * and the bureau finds every step, in order, in the enterprise's event log.
 */
import type { Page, Response } from 'playwright-core';
import sharp from 'sharp';
import { assert, button, buttonName, pickDate, type Journey, type JourneyRun } from '../harness.js';

const phone = { width: 375, height: 812 };
const desktop = { width: 1280, height: 800 };

/** A small generated photo (what a phone camera would hand the file input). */
async function photo(name: string, colour: string) {
  const buffer = await sharp({ create: { width: 160, height: 120, channels: 3, background: colour } })
    .jpeg({ quality: 70 })
    .toBuffer();
  return { name, mimeType: 'image/jpeg', buffer };
}

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

/** 'YYYY-MM-DD' plus n calendar days. */
function plusDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Log out by dropping the session cookie, then log in as someone else in a window of the given size. */
async function switchUser(
  { page, login }: JourneyRun,
  size: { width: number; height: number },
  username: string,
  password?: string,
) {
  await page.context().clearCookies();
  await page.setViewportSize(size);
  await login(username, password);
}

interface Answer {
  itemCode: string;
  isKey: boolean;
  majorHazard: unknown;
}

export const journeys: Journey[] = [
  {
    name: 'readiness-enterprise',
    viewport: 'phone',
    async run(j) {
      const { page, step, login, demoLogin, env } = j;
      const ready = env.seed.readiness;
      const officer = demoLogin('subdistrict_officer');
      const bureau = demoLogin('bureau_admin');
      let inspectionId = '';
      let answers: Answer[] = [];
      let nonCompliant: string[] = [];
      let hazardIds: string[] = [];
      let requestedDeadline = '';
      let decisionNumber = '';

      await step('login-phone', async () => {
        await page.setViewportSize(phone);
        await login(ready.user.username, ready.user.password);
      });

      await step('commitment-page', async () => {
        await page.getByRole('button', { name: '打开菜单' }).click();
        await page.getByRole('menuitem', { name: '承诺书' }).click();
        await page.waitForURL('**/commitment');
        await page.getByText(ready.enterpriseName, { exact: true }).waitFor();
        await page.getByText('未签署', { exact: true }).waitFor();
      });

      await step('commitment-signed', async () => {
        // as the legal representative: the name is filled in with the registered one
        await page.getByRole('radio', { name: '法定代表人' }).check();
        const name = page.getByLabel('签署人姓名', { exact: true });
        assert(
          (await name.inputValue()) === ready.legalRepresentative,
          'the signatory is not the legal representative',
        );
        await page.getByRole('checkbox', { name: '我已阅读并同意承诺书全部内容' }).check();
        await button(page, '签署').click();
        const confirm = page.getByRole('dialog').filter({ hasText: '确认签署' });
        await confirm.getByText(`由 ${ready.legalRepresentative} 签署`, { exact: false }).waitFor();
        const signed = answered(page, 'POST', `/api/enterprises/${ready.enterpriseId}/commitment`);
        await button(confirm, '确认签署').click();
        const res = await ok(await signed, 'signing the commitment');
        const body = (await res.json()) as { latest: { documentNumber: string } };
        const number = body.latest.documentNumber;
        assert(/^鹿应急合规承〔\d{4}〕\d+号$/.test(number), `unexpected document number ${number}`);
        await page.getByText('承诺书已签署', { exact: true }).waitFor();
        await page.getByText(`文号 ${number}`, { exact: true }).waitFor();
        await page.getByText('已签署', { exact: true }).waitFor();
      });

      await step('commitment-pdf', async () => {
        const link = page.getByRole('link', { name: buttonName('查看承诺书 PDF') }).first();
        const href = await link.getAttribute('href');
        assert(href, 'the PDF button has no link');
        const pdf = await page.request.get(href);
        assert(pdf.status() === 200, `the commitment PDF answered ${pdf.status()}`);
        assert(
          pdf.headers()['content-type']?.includes('pdf'),
          `the PDF came as ${pdf.headers()['content-type']}`,
        );
        assert(
          (await pdf.body()).subarray(0, 5).toString() === '%PDF-',
          'the PDF link does not return a PDF',
        );
      });

      await step('inspection-started', async () => {
        await page.getByRole('button', { name: '打开菜单' }).click();
        await page.getByRole('menuitem', { name: '自查' }).click();
        await page.waitForURL('**/inspections');
        const started = answered(page, 'POST', '/api/inspections');
        await button(page, '开始自查').click();
        const res = await ok(await started, 'starting the self-inspection');
        const detail = (await res.json()) as { id: string; answers: Answer[] };
        inspectionId = detail.id;
        answers = detail.answers;
        assert(answers.length >= 10, `only ${answers.length} items to inspect`);
        await page.waitForURL(`**/inspections/${inspectionId}`);
        await page.getByText(`已完成 0/${answers.length}`, { exact: true }).first().waitFor();
        // two ordinary (not key, not a major-hazard criterion) items will be found wanting
        nonCompliant = answers
          .filter((a) => !a.isKey && !a.majorHazard)
          .slice(0, 2)
          .map((a) => a.itemCode);
        assert(nonCompliant.length === 2, 'fewer than two ordinary items in the standard');
      });

      await step('inspection-answered', async () => {
        const keyPhoto = await photo('现场照片.jpg', '#3a7d44');
        for (const a of answers) {
          const card = page.locator(`[id="item-${a.itemCode}"]`);
          const put = `/api/inspections/${inspectionId}/answers/${a.itemCode}`;
          if (nonCompliant.includes(a.itemCode)) {
            let saved = answered(page, 'PUT', put);
            await card.getByRole('radio', { name: buttonName('不符合') }).click();
            await ok(await saved, `answering ${a.itemCode}`);
            saved = answered(page, 'PUT', put);
            const note = card.getByLabel('备注', { exact: true });
            await note.fill(`端到端：${a.itemCode} 现场未落实，记录缺失`);
            await note.blur();
            const res = await ok(await saved, `the note on ${a.itemCode}`);
            const body = (await res.json()) as { result: string; note: string };
            assert(
              body.result === 'non_compliant' && body.note.includes('现场未落实'),
              `${a.itemCode} saved as ${JSON.stringify(body)}`,
            );
            continue;
          }
          let saved = answered(page, 'PUT', put);
          await card.getByRole('radio', { name: buttonName('符合') }).click();
          await ok(await saved, `answering ${a.itemCode}`);
          if (a.isKey) {
            // a key item judged compliant needs its evidence: a photo through the camera button's file input
            const uploaded = answered(page, 'POST', '/api/files');
            saved = answered(page, 'PUT', put);
            await card.locator('input[type="file"]').first().setInputFiles(keyPhoto);
            await ok(await uploaded, `the photo of ${a.itemCode}`);
            const res = await ok(await saved, `the evidence of ${a.itemCode}`);
            const body = (await res.json()) as { result: string; evidence: string[] };
            assert(
              body.result === 'compliant' && body.evidence.length === 1,
              `${a.itemCode} saved as ${JSON.stringify(body)}`,
            );
            await card.getByRole('img').first().waitFor();
          }
        }
        await page.getByText(`已完成 ${answers.length}/${answers.length}`, { exact: true }).first().waitFor();
        // the screenshot shows the first non-compliant item on the phone
        await page.locator(`[id="item-${nonCompliant[0]}"]`).scrollIntoViewIfNeeded();
      });

      await step('inspection-completed', async () => {
        await button(page, '完成自查').click();
        const confirm = page.getByRole('dialog').filter({ hasText: '不符合项将自动生成隐患' });
        const completed = answered(page, 'POST', `/api/inspections/${inspectionId}/complete`);
        await button(confirm, '知道了').click();
        const res = await ok(await completed, 'completing the self-inspection');
        hazardIds = ((await res.json()) as { hazardIds?: string[] }).hazardIds ?? [];
        assert(hazardIds.length === 2, `the completion raised ${hazardIds.length} hazards, not 2`);
        await page.getByText('生成了 2 条隐患，请按期整改：', { exact: true }).waitFor();
        for (const id of hazardIds) await page.locator(`a[href="/hazards/${id}"]`).first().waitFor();
      });

      await step('hazard-board', async () => {
        await page.getByRole('button', { name: '打开菜单' }).click();
        // the board's list (the quick-view counts are pageSize=1 requests)
        const listed = page.waitForResponse(
          (r) => pathOf(r) === '/api/hazards' && new URL(r.url()).searchParams.get('pageSize') !== '1',
        );
        await page.getByRole('menuitem', { name: '隐患看板' }).click();
        await page.waitForURL('**/hazards**');
        const res = await ok(await listed, 'the hazard board');
        const ids = ((await res.json()) as { items: { id: string }[] }).items.map((h) => h.id);
        assert(
          hazardIds.every((id) => ids.includes(id)),
          `the board lists ${ids.join(', ')}, not the new hazards`,
        );
        for (const code of nonCompliant) {
          await page
            .getByRole('link', { name: new RegExp(`^${code} `) })
            .first()
            .waitFor();
        }
        await page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
      });

      await step('extension-requested', async () => {
        await page.locator(`a[href="/hazards/${hazardIds[0]}"]`).first().click();
        await page.waitForURL(`**/hazards/${hazardIds[0]}`);
        const hazard = (await (await page.request.get(`/api/hazards/${hazardIds[0]}`)).json()) as {
          deadline: string;
        };
        requestedDeadline = plusDays(hazard.deadline, 20);
        await button(page, '申请延期').click();
        const modal = page.getByRole('dialog').filter({ hasText: '临时防范措施' });
        await modal.getByText(`现整改期限：${hazard.deadline}`, { exact: true }).waitFor();
        await modal.getByLabel('申请期限', { exact: true }).click();
        await pickDate(page, requestedDeadline);
        await modal
          .getByLabel('延期理由', { exact: true })
          .fill('整改所需的防爆排风设备订货周期较长，预计到货后方能安装调试');
        await modal
          .getByLabel('临时防范措施', { exact: true })
          .fill('整改期间停用相关工位，安排专人巡查，现场配备灭火器材并张贴警示标志');
        const requested = answered(page, 'POST', `/api/hazards/${hazardIds[0]}/extension-requests`);
        await button(modal, '申请延期').click();
        await ok(await requested, 'the extension request');
        await page.getByText(`已申请延期至 ${requestedDeadline}，等待街道审批`, { exact: true }).waitFor();
      });

      await step('officer-approves-extension', async () => {
        await switchUser(j, desktop, officer.username, officer.password);
        await page.getByRole('menuitem', { name: '延期申请' }).click();
        await page.waitForURL('**/extension-requests**');
        // one request per list item (the page itself is a card too)
        const card = page.locator('.ant-list-item').filter({ hasText: ready.enterpriseName });
        await card.getByText(`→ ${requestedDeadline}`, { exact: false }).waitFor();
        await button(card, '同意延期').click();
        const modal = page.getByRole('dialog').filter({ hasText: '同意延期整改' });
        await modal.getByText('审批后将出具延期整改审批意见书并通知企业。', { exact: false }).waitFor();
        const approved = answered(page, 'POST', /^\/api\/extension-requests\/[^/]+\/approve$/);
        await button(modal, '同意延期').click();
        const res = await ok(await approved, 'approving the extension');
        const body = (await res.json()) as { documentNumber: string | null; approvedDeadline: string | null };
        decisionNumber = body.documentNumber ?? '';
        assert(
          /^鹿应急合规延〔\d{4}〕\d+号$/.test(decisionNumber),
          `unexpected decision number ${decisionNumber}`,
        );
        await page.getByText(`已同意，审批意见书 ${decisionNumber} 已出具`, { exact: true }).waitFor();
        // the card now shows the decision and its document
        await card.getByText(`同意延期至 ${requestedDeadline}`, { exact: false }).waitFor();
        const doc = card.getByRole('link', { name: buttonName(decisionNumber) });
        await doc.waitFor();
        const href = await doc.getAttribute('href');
        assert(href, 'the decision document has no link');
        const pdf = await page.request.get(href);
        assert(pdf.status() === 200, `the decision PDF answered ${pdf.status()}`);
      });

      await step('closures-submitted', async () => {
        await switchUser(j, phone, ready.user.username, ready.user.password);
        for (const [i, id] of hazardIds.entries()) {
          await page.goto(`/hazards/${id}`);
          if (i === 0) {
            // the approved extension moved the deadline; the decision document is on the hazard too
            await page.getByText(requestedDeadline, { exact: false }).first().waitFor();
            await page.getByText(decisionNumber, { exact: false }).first().waitFor();
          }
          await button(page, '提交整改完成').click();
          const modal = page.getByRole('dialog').filter({ hasText: '整改后照片' });
          const uploaded = answered(page, 'POST', '/api/files');
          await modal
            .locator('input[type="file"]')
            .first()
            .setInputFiles(await photo(`整改后-${i + 1}.jpg`, i === 0 ? '#2f6fb0' : '#b0702f'));
          await ok(await uploaded, 'the after-photo');
          await modal.getByRole('button', { name: '移除' }).waitFor();
          await modal.getByLabel('整改说明', { exact: true }).fill('已按要求完成整改，相关记录已补齐');
          const submitted = answered(page, 'POST', `/api/hazards/${id}/submit`);
          await button(modal, '提交整改完成').click();
          await ok(await submitted, `submitting hazard ${i + 1}`);
          await page.getByText('待验收', { exact: true }).first().waitFor();
        }
      });

      await step('officer-verifies', async () => {
        await switchUser(j, desktop, officer.username, officer.password);
        for (const [i, id] of hazardIds.entries()) {
          await page.goto(`/hazards/${id}`);
          await button(page, '验收通过').click();
          const modal = page.getByRole('dialog').filter({ hasText: '验收意见' });
          await modal.getByLabel('验收意见', { exact: true }).fill('现场复核，整改到位，同意销号');
          const verified = answered(page, 'POST', `/api/hazards/${id}/verify`);
          await button(modal, '验收通过').click();
          await ok(await verified, `verifying hazard ${i + 1}`);
          await page.getByText('已销号', { exact: true }).first().waitFor();
        }
      });

      await step('event-log', async () => {
        await switchUser(j, desktop, bureau.username, bureau.password);
        // on the page: the operation log filtered by the enterprise (?ent=), newest first
        const listed = answered(page, 'GET', '/api/audit/events');
        await page.goto(`/audit?ent=${ready.enterpriseId}&size=50`);
        const res = await ok(await listed, 'the operation log');
        assert(
          new URL(res.url()).searchParams.get('enterpriseId') === ready.enterpriseId,
          'the page did not filter by enterprise',
        );
        await page
          .getByRole('row')
          .nth(1)
          .getByText(/^(整改验收通过|Rectification verified|hazard\.verified)$/)
          .waitFor();
        // the whole history in order, through the API with the bureau's session (the page shows a page at a time)
        type Event = { kind: string; at: string; entityId: string | null };
        const events: Event[] = [];
        for (let p = 1; ; p++) {
          const r = await page.request.get(
            `/api/audit/events?enterpriseId=${ready.enterpriseId}&pageSize=200&page=${p}`,
          );
          assert(r.status() === 200, `GET /api/audit/events answered ${r.status()}`);
          const body = (await r.json()) as { items: Event[]; total: number };
          events.push(...body.items);
          if (events.length >= body.total || body.items.length === 0) break;
        }
        events.reverse(); // the log is newest first
        const kinds = events.map((e) => e.kind);
        const log = kinds.filter((k) => k !== 'inspection.answered').join(', ');
        // The steps, each after the one before (completing the inspection logs itself, then the hazards it raises).
        const steps: [string, number][][] = [
          [['commitment.signed', 1]],
          [['inspection.completed', 1]],
          [['hazard.reported', 2]],
          [['extension.requested', 1]],
          [['extension.approved', 1]],
          [['hazard.closure_submitted', 2]],
          [['hazard.verified', 2]],
        ];
        let after = -1;
        for (const group of steps) {
          const at: number[] = [];
          for (const [kind, count] of group) {
            const found = kinds.flatMap((k, i) => (k === kind ? [i] : []));
            assert(found.length === count, `${found.length} × ${kind} in the log, expected ${count}: ${log}`);
            at.push(...found);
          }
          at.sort((a, b) => a - b);
          const names = group.map(([k]) => k).join(' + ');
          assert(at[0] > after, `${names} comes before the step it follows: ${log}`);
          assert(at[at.length - 1] - at[0] === at.length - 1, `${names} are not one step in the log: ${log}`);
          after = at[at.length - 1];
        }
        const completed = events.find((e) => e.kind === 'inspection.completed')!;
        for (const reported of events.filter((e) => e.kind === 'hazard.reported')) {
          assert(
            Date.parse(completed.at) <= Date.parse(reported.at),
            'a hazard was reported before the completion',
          );
          assert(
            hazardIds.includes(reported.entityId ?? ''),
            `hazard.reported for another hazard ${reported.entityId}`,
          );
        }
      });
    },
  },
];
