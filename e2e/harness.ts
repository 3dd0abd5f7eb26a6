/**
 * A tiny journey runner: each journey gets a fresh Chromium profile (so no cookie or saved language leaks from
 * one journey to the next), its viewport, and `step()`, which screenshots the page after every step into
 * e2e/artifacts/<journey>/<nn>-<step>.png (and <nn>-<step>-FAILED.png when the step throws).
 *
 * There are no sleeps: steps wait for elements, URLs and responses (Playwright's auto-waiting, bounded by the
 * default timeout below, which only limits how long a broken page is waited for).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

export interface DemoLogin {
  role: string;
  username: string;
  password: string;
  unit: string;
}

/** What the runner prepared before the server started (see seed.ts). */
export interface Seed {
  /** a valid commitment letter issued to the demo enterprise */
  document: { verificationCode: string; number: string; holderName: string };
  /** a user nobody else uses, for the lockout journey */
  lockUser: { username: string; password: string };
  /** an enterprise of 仰义街道 (outside the demo subdistrict officer's scope) */
  foreignEnterpriseId: string;
  /** an .xlsx with new enterprises for the import journey (all rows good but the last) */
  importFile: { path: string; rows: number };
  /**
   * a fresh footwear enterprise of 双屿 and its user; a grade-B confirmation agency with a staff login and two approved
   * engineers, each with their own login; a grade-C confirmation agency; a grade-A one guiding the enterprise
   */
  confirmation: {
    enterpriseName: string;
    user: { username: string; password: string };
    agencyName: string;
    lowAgencyName: string;
    guidingAgencyName: string;
    staff: { username: string; password: string };
    engineers: { username: string; password: string; name: string; certificateNumber: string }[];
  };
  /** a footwear enterprise of 双屿 that has not started getting ready, and its enterprise user */
  readiness: {
    enterpriseId: string;
    enterpriseName: string;
    legalRepresentative: string;
    user: { username: string; password: string };
  };
}

export interface Env {
  baseUrl: string;
  artifactsDir: string;
  logins: DemoLogin[];
  seed: Seed;
}

export type Viewport = 'desktop' | 'phone';

const viewports = {
  desktop: { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;

export interface Journey {
  /** also the artifacts folder: lower-case words and dashes */
  name: string;
  viewport: Viewport;
  run(j: JourneyRun): Promise<void>;
}

export interface JourneyRun {
  page: Page;
  env: Env;
  viewport: Viewport;
  /** run one step of the journey, then screenshot it; `slug` names the screenshot */
  step(slug: string, fn: () => Promise<void>): Promise<void>;
  /** stop here and report the journey as skipped (a precondition the app does not meet yet) */
  skip(reason: string): never;
  login(username: string, password?: string): Promise<void>;
  demoLogin(role: string): DemoLogin;
}

export class JourneySkipped extends Error {}

export const demoPassword = 'Lucheng-Demo-2026';

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Upper bound of each wait (element, navigation, response): a broken page fails the step instead of hanging. */
const waitTimeoutMs = 20_000;

/**
 * The accessible name of an antd button. antd puts a space between the two characters of a two-character
 * Chinese label (登录 → "登 录"), and an icon adds its own name in front ("plus 新建用户"); this matches the
 * label as the last words of the name, whatever the spacing.
 */
export function buttonName(label: string): RegExp {
  const chars = [...label].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?:^|\\s)${chars.join('\\s*')}\\s*$`);
}

export function button(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('button', { name: buttonName(label) });
}

/**
 * Choose `label` in an antd Select through the keyboard, as its ARIA describes it: the combobox names its active
 * option in `aria-activedescendant`, whose `aria-label` is the option's text. (Clicking an option while the
 * drop-down is still sliding in and flipping above the field sometimes misses it.)
 */
export async function chooseOption(combobox: Locator, label: string): Promise<void> {
  const page = combobox.page();
  const id = await combobox.getAttribute('id');
  assert(id, 'the combobox has no id');
  await combobox.focus();
  await combobox.press('ArrowDown');
  // options may come from the server: wait until the list has some
  await page.locator(`[id="${id}_list"] [role="option"]`).first().waitFor({ state: 'attached' });
  const seen: string[] = [];
  for (let presses = 0; ; presses++) {
    if (presses > 500) throw new Error(`option "${label}" never became active (seen: ${seen.join(', ')})`);
    const activeId = await combobox.getAttribute('aria-activedescendant');
    const active = activeId ? page.locator(`[id="${activeId}"]`) : null;
    const activeLabel = active && (await active.count()) > 0 ? await active.getAttribute('aria-label') : null;
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

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export type Outcome =
  | { status: 'passed'; steps: number }
  | { status: 'skipped'; reason: string }
  | { status: 'failed'; error: string; step: string | null };

export async function runJourney(journey: Journey, env: Env): Promise<Outcome> {
  const dir = path.join(env.artifactsDir, journey.name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const profile = mkdtempSync(path.join(os.tmpdir(), 'sc-e2e-profile-'));
  let context: BrowserContext | undefined;
  let stepCount = 0;
  let currentStep: string | null = null;
  const pageErrors: string[] = [];
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: chromiumArgs,
      baseURL: env.baseUrl,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      ...viewports[journey.viewport],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(waitTimeoutMs);
    page.setDefaultNavigationTimeout(waitTimeoutMs);
    page.on('pageerror', (err) => pageErrors.push(err.message));

    const shot = (slug: string) =>
      page.screenshot({ path: path.join(dir, `${String(stepCount).padStart(2, '0')}-${slug}.png`) });

    const run: JourneyRun = {
      page,
      env,
      viewport: journey.viewport,
      async step(slug, fn) {
        stepCount += 1;
        currentStep = slug;
        try {
          await fn();
        } catch (err) {
          if (!(err instanceof JourneySkipped)) await shot(`${slug}-FAILED`).catch(() => undefined);
          throw err;
        }
        if (pageErrors.length > 0) throw new Error(`uncaught error in the page: ${pageErrors.join(' | ')}`);
        await shot(slug);
        currentStep = null;
      },
      skip(reason) {
        throw new JourneySkipped(reason);
      },
      async login(username, password = demoPassword) {
        await page.goto('/login');
        await page.getByLabel('用户名', { exact: true }).fill(username);
        await page.getByLabel('密码', { exact: true }).fill(password);
        const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/login');
        await button(page, '登录').click();
        const res = await answer;
        assert(res.status() === 200, `login of ${username} answered ${res.status()}: ${await res.text()}`);
        await page.waitForURL((url) => url.pathname !== '/login');
      },
      demoLogin(role) {
        const found = env.logins.find((l) => l.role === role);
        assert(found, `no demo login for ${role} in demo-logins.json`);
        return found;
      },
    };
    await journey.run(run);
    return { status: 'passed', steps: stepCount };
  } catch (err) {
    if (err instanceof JourneySkipped) return { status: 'skipped', reason: err.message };
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    return { status: 'failed', error: message, step: currentStep };
  } finally {
    await context?.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Wait until `overlay` (a modal, drawer or drop-down) has finished opening: rc-motion marks the moving elements with
 * `-appear` / `-enter` classes until their animation ends. A click on a button that is still zooming or sliding in
 * can land where the button no longer is (seen on a loaded two-core machine: the confirmation's button clicked,
 * and no request).
 */
export async function opened(overlay: Locator) {
  await overlay.waitFor({ state: 'attached' }); // a modal's root has no box of its own
  await overlay
    .locator('xpath=descendant-or-self::*[contains(@class, "-appear") or contains(@class, "-enter")]')
    .first()
    .waitFor({ state: 'detached' });
}

/** Pick a date in the antd DatePicker that is open: next month until the day is in view, then the day. */
export async function pickDate(page: Page, date: string) {
  const panel = page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
  await opened(panel);
  const cell = panel.locator(`td.ant-picker-cell-in-view[title="${date}"]`);
  for (let i = 0; i < 6 && (await cell.count()) === 0; i++) {
    await panel.locator('.ant-picker-header-next-btn').click();
  }
  await cell.click();
  await panel.waitFor({ state: 'hidden' });
}
