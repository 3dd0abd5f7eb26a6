/** Signing in and out: wrong passwords, the lockout, and logout, with the messages a user reads. */
import { assert, button, type Journey } from '../harness.js';

export const journeys: Journey[] = [
  {
    name: 'login-lockout-logout',
    viewport: 'desktop',
    async run({ page, env, step, login, demoLogin }) {
      const { username, password } = env.seed.lockUser;
      const lockoutThreshold = 5; // the setting auth.lockoutThreshold, default

      const attempt = async (pass: string) => {
        await page.getByLabel('用户名', { exact: true }).fill(username);
        await page.getByLabel('密码', { exact: true }).fill(pass);
        const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login');
        await button(page, '登录').click();
        const res = await answer;
        return res.status();
      };

      await step('redirected-to-login', async () => {
        await page.goto('/');
        await page.waitForURL((url) => url.pathname === '/login');
        await page.getByText('请使用分配的账号登录').waitFor();
      });

      await step('wrong-password', async () => {
        assert((await attempt('not-the-password-1')) === 401, 'a wrong password was not refused with 401');
        await page.getByRole('alert').filter({ hasText: '用户名或密码错误' }).waitFor();
      });

      await step('locked', async () => {
        for (let i = 2; i < lockoutThreshold; i++) {
          assert((await attempt(`not-the-password-${i}`)) === 401, `attempt ${i} was not refused with 401`);
        }
        assert(
          (await attempt('not-the-password-last')) === 423,
          `attempt ${lockoutThreshold} did not lock the account`,
        );
        const alert = page
          .getByRole('alert')
          .filter({ hasText: '连续登录失败次数过多，账号已临时锁定，请稍后再试' });
        await alert.waitFor();
        await alert.getByText(/^账号将于 .+ 自动解锁，也可联系系统管理员提前解锁。$/).waitFor();
      });

      await step('locked-even-with-right-password', async () => {
        assert((await attempt(password)) === 423, 'the right password opened a locked account');
        await page.getByRole('alert').filter({ hasText: '账号已临时锁定' }).waitFor();
      });

      await step('another-user-logs-in', async () => {
        const reviewer = demoLogin('bureau_reviewer');
        await login(reviewer.username, reviewer.password);
        await page.getByText('应急管理局审核员').first().waitFor();
      });

      await step('logout', async () => {
        await page.getByRole('button', { name: '用户菜单' }).click();
        const out = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/logout');
        await page.getByRole('menuitem', { name: '退出登录' }).click();
        assert((await out).status() === 200, 'logout failed');
        await page.waitForURL((url) => url.pathname === '/login');
        await page.getByLabel('用户名', { exact: true }).waitFor();
      });

      await step('session-gone', async () => {
        await page.goto('/audit');
        await page.waitForURL((url) => url.pathname === '/login');
        await page.getByLabel('用户名', { exact: true }).waitFor();
      });
    },
  },
];
