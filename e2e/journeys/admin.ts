/**
 * System administrator: users and role bindings, the operation log, the audit chain check, and the language
 * switch. Desktop only (an office page).
 */
import { randomBytes } from 'node:crypto';
import { assert, button, chooseOption, type Journey } from '../harness.js';

export const journeys: Journey[] = [
  {
    name: 'admin-users-audit',
    viewport: 'desktop',
    async run({ page, step, login, demoLogin }) {
      const admin = demoLogin('system_admin');
      const username = `e2e.officer.${randomBytes(3).toString('hex')}`;
      const displayName = `端到端测试员${randomBytes(2).toString('hex')}`;
      let userId = '';

      await step('login', async () => {
        await login(admin.username, admin.password);
        await page.getByText('系统管理员').first().waitFor();
      });

      await step('open-users', async () => {
        await page.getByRole('menuitem', { name: '用户管理' }).click();
        await page.waitForURL('**/admin/users');
        await page.getByRole('cell', { name: admin.username, exact: true }).waitFor();
      });

      await step('create-user', async () => {
        await button(page, '新建用户').click();
        const drawer = page.getByRole('dialog', { name: '新建用户' });
        await drawer.getByLabel('用户名', { exact: true }).fill(username);
        await drawer.getByLabel('姓名', { exact: true }).fill(displayName);
        await drawer.getByLabel('初始密码', { exact: true }).fill('E2e-Initial-Pass-1');
        await chooseOption(drawer.getByLabel('角色', { exact: true }), '街镇工作人员');
        await chooseOption(drawer.getByLabel('所属单位', { exact: true }), '双屿街道');
        const created = page.waitForResponse(
          (r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/api/users',
        );
        await button(drawer, '创建').click();
        const res = await created;
        assert(res.status() === 201, `POST /api/users answered ${res.status()}: ${await res.text()}`);
        userId = ((await res.json()) as { id: string }).id;
        // shown once, for the administrator to pass on
        const shown = page.getByRole('dialog', { name: '请将密码告知用户' });
        await shown.getByText('E2e-Initial-Pass-1', { exact: true }).waitFor();
      });

      await step('user-listed', async () => {
        await button(page.getByRole('dialog', { name: '请将密码告知用户' }), '知道了').click();
        await page.getByPlaceholder('用户名或姓名').fill(username);
        await page.getByPlaceholder('用户名或姓名').press('Enter');
        const row = page.getByRole('row').filter({ hasText: username });
        await row.getByText('街镇工作人员').waitFor();
        await row.getByText('正常').waitFor();
      });

      await step('reset-password', async () => {
        const row = page.getByRole('row').filter({ hasText: username });
        await button(row, '重置密码').click();
        const modal = page.getByRole('dialog', { name: `重置密码：${displayName}` });
        await modal.getByText('重置后该用户的所有登录会话将退出').waitFor();
        const reset = page.waitForResponse(
          (r) => new URL(r.url()).pathname === `/api/users/${userId}/password-reset`,
        );
        await button(modal, '重置').click();
        assert((await reset).status() === 200, 'the password reset was refused');
        const shown = page.getByRole('dialog', { name: '请将密码告知用户' });
        await shown.getByText(`用户 ${username} 的临时密码如下`, { exact: false }).waitFor();
        await button(shown, '知道了').click();
        await row.getByText('待改密').waitFor();
      });

      await step('operation-log', async () => {
        await page.getByRole('menuitem', { name: '操作日志' }).click();
        await page.waitForURL('**/audit');
        const search = page.getByPlaceholder('对象编号');
        await search.fill(userId);
        await search.press('Enter');
        await page.waitForURL((url) => url.searchParams.get('eid') === userId);
        // the creation, the role binding and the reset are there, each naming the administrator who did it (actor label "<name> (<username>)")
        for (const kind of ['新建用户', '添加角色', '重置密码']) {
          await page
            .getByRole('row')
            .filter({ hasText: kind })
            .filter({ hasText: `(${admin.username})` })
            .first()
            .waitFor();
        }
      });

      await step('verify-chain', async () => {
        const verified = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/audit/verify');
        await button(page, '校验审计链').click();
        const res = await verified;
        assert(res.status() === 200, `POST /api/audit/verify answered ${res.status()}`);
        assert(((await res.json()) as { ok: boolean }).ok, 'the audit chain is reported broken');
        await page.getByText(/^审计链完整：已校验 \d+ 条事件/).waitFor();
      });

      await step('english', async () => {
        await page.getByText('English', { exact: true }).click();
        await page.getByRole('menuitem', { name: 'Operation log' }).waitFor();
        await button(page, 'Verify audit chain').waitFor();
        assert(
          (await page.getByRole('menuitem', { name: '操作日志' }).count()) === 0,
          'Chinese menu still shown in English',
        );
      });

      await step('chinese-again', async () => {
        await page.getByText('中文', { exact: true }).click();
        await page.getByRole('menuitem', { name: '操作日志' }).waitFor();
        await button(page, '校验审计链').waitFor();
      });
    },
  },
];
