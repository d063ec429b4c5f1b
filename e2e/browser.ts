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
     * Chooses an option of an antd Select (the dropdown is rendered in the body), typing `typed`
     * first to filter or search, and waits until the select shows a choice it did not show before.
     * It starts only once no dialog is still zooming in: antd moves the focus into a dialog when its
     * animation ends, which closes a dropdown opened during it (on a busy machine that is seconds).
     * A click that still goes nowhere (the filtered list re-rendering under it) is made again.
     */
    async choose(select: Locator, option: string | RegExp, typed?: string): Promise<void> {
      const { page } = of();
      await page.waitForFunction(() => !document.querySelector('[class*="ant-zoom-appear"], [class*="ant-zoom-enter"]'), undefined, WAIT);
      const box = select.locator('xpath=ancestor::div[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
      // The open dropdown; others may still be sliding away (`…-leave`) after the last choice.
      const dropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden):not([class*="-leave"])');
      const before = await box.innerText();
      for (let attempt = 1; ; attempt++) {
        if (!(await dropdown.first().isVisible())) await select.click();
        if (typed !== undefined) await select.fill(typed);
        await (await visible(dropdown.locator('.ant-select-item-option').filter({ hasText: option }))).click();
        for (let waited = 0; waited < 5_000; waited += 100) {
          // Typing hides the placeholder (the text goes blank): only a label that was not there counts.
          const now = (await box.innerText()).trim();
          if (now !== '' && now !== before.trim()) return;
          await page.waitForTimeout(100);
        }
        if (attempt === 3) throw new Error(`下拉选项未选中：${String(option)}`);
      }
    },
    async openMenu(label: string): Promise<void> {
      const { page } = of();
      await (await visible(page.getByRole('menuitem', { name: label }))).click();
      await visible(page.locator('.ant-card-head-title', { hasText: label }));
    },
  };
}
