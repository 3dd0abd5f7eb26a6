/** The public: a QR code on a document opens its verification page, on a phone, without logging in. */
import { assert, type Journey } from '../harness.js';

export const journeys: Journey[] = [
  {
    name: 'public-verify-phone',
    viewport: 'phone',
    async run({ page, env, step }) {
      await step('unknown-code', async () => {
        const res = await page.goto('/verify/abcdefghijklmnopqrstuvwxyz');
        assert(res?.status() === 404, `an unknown code answered ${res?.status()}`);
        await page.getByRole('heading', { name: '未找到该文书' }).waitFor();
        await page.getByText('没有与该核验码对应的文书').waitFor();
      });

      await step('malformed-code', async () => {
        const res = await page.goto('/verify/%3Cscript%3E');
        assert(res?.status() === 404 || res?.status() === 400, `a malformed code answered ${res?.status()}`);
        assert((await page.locator('script').count()) === 0, 'the not-found page runs a script');
      });

      await step('issued-document', async () => {
        const { verificationCode, number, holderName } = env.seed.document;
        const res = await page.goto(`/verify/${verificationCode}`);
        assert(res?.status() === 200, `the issued document's page answered ${res?.status()}`);
        await page.getByRole('heading', { name: '文书核验结果' }).waitFor();
        await page.getByText('安全生产合规承诺书', { exact: true }).waitFor();
        await page.getByText(number, { exact: true }).waitFor();
        await page.getByText(holderName, { exact: true }).waitFor();
        await page.getByText('有效', { exact: true }).first().waitFor();
      });

      await step('code-is-case-insensitive', async () => {
        const res = await page.goto(`/verify/${env.seed.document.verificationCode.toUpperCase()}`);
        assert(res?.status() === 200, `the upper-case code answered ${res?.status()}`);
        await page.getByText(env.seed.document.number, { exact: true }).waitFor();
      });
    },
  },
];
