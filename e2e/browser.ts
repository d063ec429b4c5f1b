/**
 * What every browser flow starts from: the built console served by an in-process server on a fresh
 * embedded database, and Debian's Chromium with the flags this closed network needs (DESIGN §5).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { Tianping } from '../server/src/main.ts';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '..');
export const SHOTS = path.join(ROOT, 'e2e/screenshots');
export const DEMO_PASSWORD = 'Tianping@2026';
export const WAIT = { timeout: 30_000 };
/** A dialog (zoom) or drawer (panel motion) still opening. */
const OPENING = '[class*="ant-zoom-appear"], [class*="ant-zoom-enter"], [class*="-motion-"][class*="-appear"], [class*="-motion-"][class*="-enter"]';

/** Builds the console only when no build exists: the test itself builds nothing otherwise. */
async function ensureConsoleBuilt(): Promise<void> {
  if (fs.existsSync(path.join(ROOT, 'web/dist/index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
}

export interface Console {
  url: string;
  /** The server itself, for a test to reach into its database. */
  tp: Tianping;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * A server with the demo and a Chromium page (zh-CN, Asia/Shanghai, 1440×900) ready to browse it;
 * `demoLaws` has the demo import the sample laws (and the power list built on them).
 */
export async function openConsole(opts: { demoLaws?: boolean } = {}): Promise<Console> {
  await ensureConsoleBuilt();
  const { startTestServer } = await import('../server/test/harness.ts');
  const server = await startTestServer({ demoLaws: opts.demoLaws });
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-e2e-'));
  fs.mkdirSync(SHOTS, { recursive: true });
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    url: server.url,
    tp: server.tp,
    context,
    page,
    async close() {
      await context.close();
      await server.close();
      fs.rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/** Waits up to five seconds for `box` to show a non-blank text other than `before` (typing blanks the placeholder, which is no choice). */
async function shows(box: Locator, before: string): Promise<boolean> {
  for (let waited = 0; waited < 5_000; waited += 100) {
    const now = (await box.innerText()).trim();
    if (now !== '' && now !== before) return true;
    await box.page().waitForTimeout(100);
  }
  return false;
}

/**
 * The steps every browser flow repeats, bound to a console that beforeAll opens later (hence the
 * getter).
 */
export function consoleSteps(of: () => Console) {
  async function visible(locator: Locator, wait = WAIT): Promise<Locator> {
    await locator.first().waitFor({ state: 'visible', ...wait });
    return locator.first();
  }
  return {
    visible,
    async shot(name: string): Promise<void> {
      await of().page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
    },
    /** Waits until no request is in flight, so a screenshot shows the data, not a spinner. */
    async settled(): Promise<void> {
      const { page } = of();
      await page.waitForLoadState('networkidle', WAIT);
      await page.locator('.ant-spin-spinning').first().waitFor({ state: 'hidden', ...WAIT });
    },
    /** Signs out whoever is signed in (the session cookie) and signs in from the login page; waits for the menu unless told not to. */
    async signIn(username: string, password = DEMO_PASSWORD, opts = { awaitMenu: true }): Promise<void> {
      const { page, context, url } = of();
      await context.clearCookies();
      await page.goto(`${url}/login`);
      await (await visible(page.getByPlaceholder('用户名'))).fill(username);
      await page.getByPlaceholder('密码').fill(password);
      await page.getByRole('button', { name: /登\s*录/ }).click();
      if (opts.awaitMenu) await visible(page.getByRole('menuitem').first());
    },
    /**
     * Waits for a dialog or drawer to be shown and done opening: antd moves the focus into it when
     * its animation ends (on a busy machine, seconds later), which closes a dropdown opened and
     * blurs a field typed into meanwhile.
     */
    async opened(dialog: Locator): Promise<Locator> {
      const shown = await visible(dialog);
      await of().page.waitForFunction((opening) => !document.querySelector(opening), OPENING, WAIT);
      return shown;
    },
    /**
     * Chooses an option of an antd Select (the dropdown is rendered in the body), typing `typed`
     * first to filter or search, waits until the select shows a choice it did not show before, and
     * leaves the select closed. Its own dropdown is found by the listbox the input names
     * (`<id>_list`), and whether it is open by the input's aria-expanded, never by "some dropdown
     * is visible": the last select's dropdown may not have closed yet. A click that still goes
     * nowhere (the filtered list re-rendering under it) is made again.
     */
    async choose(select: Locator, option: string | RegExp, typed?: string): Promise<void> {
      const { page } = of();
      await page.waitForFunction((opening) => !document.querySelector(opening), OPENING, WAIT);
      const id = await select.getAttribute('id');
      if (!id) throw new Error('下拉框没有 id，无法找到它的选项列表');
      const box = select.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
      // Others may still be sliding away (`…-leave`) after the last choice.
      const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"])').filter({ has: page.locator(`[id="${id}_list"]`) });
      const isOpen = async (): Promise<boolean> => (await select.getAttribute('aria-expanded')) === 'true';
      const before = (await box.innerText()).trim();
      for (let attempt = 1; ; attempt++) {
        if (!(await isOpen())) await select.click();
        if (typed !== undefined) await select.fill(typed);
        await (await visible(dropdown.locator('.ant-select-item-option').filter({ hasText: option }))).click();
        if (await shows(box, before)) break;
        if (attempt === 3) throw new Error(`下拉选项未选中：${String(option)}`);
      }
      // A multiple select stays open after a choice. Escape closes it here, while it is open: once
      // it is closed, the same key closes the dialog around it.
      if (await isOpen()) {
        await select.press('Escape');
        await page.waitForFunction((input) => (input as Element).getAttribute('aria-expanded') !== 'true', await select.elementHandle(), WAIT);
      }
    },
    async openMenu(label: string): Promise<void> {
      const { page } = of();
      await (await visible(page.getByRole('menuitem', { name: label }))).click();
      await visible(page.locator('.ant-card-head-title', { hasText: label }));
    },
  };
}
