/** What each role sees of the app: the menu follows the abilities the server grants. */
import { assert, type Journey, type JourneyRun } from '../harness.js';

/** Menu entries only the administrators see. */
const adminEntries = ['用户管理', '操作日志', '参数设置'];

async function assertNoAdminEntries({ page }: JourneyRun) {
  await page.getByRole('menuitem', { name: '首页' }).waitFor();
  for (const label of [...adminEntries, '系统管理']) {
    assert((await page.getByRole('menuitem', { name: label }).count()) === 0, `the menu shows ${label}`);
    assert((await page.getByText(label, { exact: true }).count()) === 0, `the page shows ${label}`);
  }
}

export const journeys: Journey[] = [
  {
    name: 'subdistrict-officer-menu',
    viewport: 'desktop',
    async run(j) {
      const { page, step, login, demoLogin } = j;
      const officer = demoLogin('subdistrict_officer');

      await step('login', async () => {
        await login(officer.username, officer.password);
        await page.getByText('街镇工作人员').first().waitFor();
        await page.getByText('街镇：双屿街道').waitFor();
      });

      await step('menu-without-administration', async () => {
        await assertNoAdminEntries(j);
      });

      await step('users-page-forbidden', async () => {
        await page.goto('/admin/users');
        await page.getByText('您没有访问此页面的权限。').waitFor();
      });
    },
  },
  {
    name: 'subdistrict-officer-menu-phone',
    viewport: 'phone',
    async run(j) {
      const { page, step, login, demoLogin } = j;
      const officer = demoLogin('subdistrict_officer');

      await step('login', async () => {
        await login(officer.username, officer.password);
        await page.getByText('街镇：双屿街道').waitFor();
      });

      await step('menu-drawer', async () => {
        await page.getByRole('button', { name: '打开菜单' }).click();
        await assertNoAdminEntries(j);
      });
    },
  },
  {
    name: 'enterprise-user-home-phone',
    viewport: 'phone',
    async run({ page, step, login, demoLogin }) {
      const user = demoLogin('enterprise_user');

      await step('login', async () => {
        await login(user.username, user.password);
      });

      await step('home-shows-role', async () => {
        await page.getByText('我的角色', { exact: true }).waitFor();
        // on a phone the header shows no role tags: the role and its unit are the home page's
        await page.getByText('企业用户', { exact: true }).waitFor();
        await page.getByText(`企业：${user.unit}`, { exact: true }).waitFor();
      });

      await step('no-administration', async () => {
        await page.getByRole('button', { name: '打开菜单' }).click();
        await page.getByRole('menuitem', { name: '首页' }).waitFor();
        assert(
          (await page.getByRole('menuitem', { name: '用户管理' }).count()) === 0,
          'the enterprise user sees 用户管理',
        );
      });
    },
  },
];
