/**
 * The enterprise register in the browser: a subdistrict officer sees its own subdistrict only, the bureau
 * imports a spreadsheet and follows it to the result.
 *
 * The register's pages (web/src/pages/registry) arrive after the server module. Until /enterprises is a route of
 * the web app these journeys are reported as skipped, with the reason, instead of failing.
 */
import path from 'node:path';
import type { Locator, Response } from 'playwright-core';
import { assert, button, type Journey, type JourneyRun } from '../harness.js';

const ownSubdistrict = '双屿街道';
const otherSubdistricts = [
  '五马街道',
  '七都街道',
  '滨江街道',
  '南汇街道',
  '松台街道',
  '仰义街道',
  '大南街道',
  '蒲鞋市街道',
  '南郊街道',
  '广化街道',
  '丰门街道',
  '藤桥镇',
  '山福镇',
];

const apiPath = (r: Response) => new URL(r.url()).pathname;

/** Open a page of the app; skip the journey when the web app has no such route yet (its 404 page shows). */
async function openOrSkip({ page, skip }: JourneyRun, url: string, ready: Locator) {
  await page.goto(url);
  const notFound = page.getByText('页面不存在。');
  const forbidden = page.getByText('您没有访问此页面的权限。');
  await notFound.or(forbidden).or(ready).first().waitFor();
  if (await notFound.isVisible())
    skip(`the web app has no page at ${url} yet (web/src/pages/registry is being written)`);
  assert(!(await forbidden.isVisible()), `${url} shows 403 to this user`);
}

export const journeys: Journey[] = [
  {
    name: 'registry-subdistrict-scope',
    viewport: 'desktop',
    async run(j) {
      const { page, step, login, demoLogin } = j;
      const officer = demoLogin('subdistrict_officer');

      await step('login', async () => {
        await login(officer.username, officer.password);
      });

      await step('enterprises-of-own-subdistrict', async () => {
        const listed: Response[] = [];
        page.on('response', (r) => {
          if (apiPath(r) === '/api/enterprises' && r.request().method() === 'GET') listed.push(r);
        });
        await openOrSkip(j, '/enterprises', page.getByRole('table'));
        const first = listed[0] ?? (await page.waitForResponse((r) => apiPath(r) === '/api/enterprises'));
        assert(first.status() === 200, `GET /api/enterprises answered ${first.status()}`);
        const body = (await first.json()) as {
          total: number;
          items: { name: string; subdistrictName: string }[];
        };
        assert(body.total > 0 && body.items.length > 0, 'the officer sees no enterprise at all');
        const foreign = body.items.filter((e) => e.subdistrictName !== ownSubdistrict);
        assert(
          foreign.length === 0,
          `the officer of ${ownSubdistrict} is shown ${foreign.map((e) => `${e.name} (${e.subdistrictName})`).join(', ')}`,
        );
        const table = page.getByRole('table');
        await table.getByText(body.items[0].name, { exact: true }).first().waitFor();
        for (const name of otherSubdistricts) {
          assert(
            (await table.getByText(name, { exact: true }).count()) === 0,
            `the list shows an enterprise of ${name}`,
          );
        }
      });

      await step('own-enterprise-opens', async () => {
        const link = page.getByRole('table').getByRole('link').first();
        const name = (await link.innerText()).trim();
        const detail = page.waitForResponse((r) => /^\/api\/enterprises\/[0-9a-f-]{36}$/.test(apiPath(r)));
        await link.click();
        const res = await detail;
        assert(res.status() === 200, `the officer's own enterprise answered ${res.status()}`);
        const body = (await res.json()) as { name: string; subdistrictName: string };
        assert(
          body.name === name && body.subdistrictName === ownSubdistrict,
          `detail ${body.name} in ${body.subdistrictName}`,
        );
        await page.getByRole('heading', { name, exact: true }).waitFor();
        await page.getByText('所属街镇', { exact: true }).first().waitFor();
      });

      await step('foreign-enterprise-not-found', async () => {
        const answer = page.waitForResponse(
          (r) => apiPath(r) === `/api/enterprises/${j.env.seed.foreignEnterpriseId}`,
        );
        await page.goto(`/enterprises/${j.env.seed.foreignEnterpriseId}`);
        const res = await answer;
        assert(res.status() === 404, `a 仰义 enterprise answered ${res.status()} to the 双屿 officer`);
        await page.getByText('企业不存在或无权查看').first().waitFor();
      });
    },
  },
  {
    name: 'registry-bureau-import',
    viewport: 'desktop',
    async run(j) {
      const { page, env, step, login, demoLogin } = j;
      const bureau = demoLogin('bureau_admin');

      await step('login', async () => {
        await login(bureau.username, bureau.password);
      });

      await step('import-page', async () => {
        await openOrSkip(j, '/enterprises/import', page.getByText('点击或将 .xlsx 表格拖到这里上传'));
        await button(page, '下载导入模板').waitFor();
      });

      let importId = '';
      await step('upload', async () => {
        const started = page.waitForResponse(
          (r) => apiPath(r) === '/api/enterprise-imports' && r.request().method() === 'POST',
        );
        const chooser = page.waitForEvent('filechooser');
        await page.getByText('点击或将 .xlsx 表格拖到这里上传').click();
        await (await chooser).setFiles(env.seed.importFile.path);
        const res = await started;
        if (res.status() !== 202) {
          assert(
            false,
            `the upload answered ${res.status()}: ${await res.text().catch(() => '(body gone)')}`,
          );
        }
        // the page moves on (the URL records the import) and the body may be gone: read the id from the URL
        await page.waitForURL(/[?&]import=/);
        importId = new URL(page.url()).searchParams.get('import') ?? '';
        assert(importId !== '', 'the page did not record the import id');
        await page.getByText(`已上传 ${path.basename(env.seed.importFile.path)}`).waitFor();
        await page.getByRole('progressbar').first().waitFor();
      });

      await step('result', async () => {
        const good = env.seed.importFile.rows - 1;
        await page.getByText(`导入完成：${good} 行通过，1 行有错误`).waitFor();
        await page.getByText('错误明细').first().waitFor();
        await button(page, '下载错误行').waitFor();
        // what the page says is what the server recorded
        const res = await page.request.get(`/api/enterprise-imports/${importId}`);
        const result = (await res.json()) as { status: string; createdCount: number; errorRowCount: number };
        assert(
          result.status === 'done' && result.createdCount === good && result.errorRowCount === 1,
          `import result ${JSON.stringify(result)}`,
        );
      });

      await step('imported-enterprises-listed', async () => {
        await button(page, '查看企业列表').click();
        await page.waitForURL((url) => url.pathname === '/enterprises');
        const search = page.getByPlaceholder('企业名称或统一社会信用代码');
        await search.fill('端到端导入鞋业');
        await search.press('Enter');
        await page
          .getByRole('table')
          .getByText(/^温州市鹿城区端到端导入鞋业有限公司\d+-1$/)
          .waitFor();
      });
    },
  },
];
