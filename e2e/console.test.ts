/**
 * The console in real Chromium against an in-process server with a fresh embedded database:
 * sign-in, the org tree, creating a user who must change the password at first login, the audit
 * trail of that creation, and the lockout after five wrong passwords. Screenshots of every page
 * go to e2e/screenshots/ (git-ignored) for people to look at: Chinese must render, not boxes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = path.resolve(import.meta.dirname, '..');
const SHOTS = path.join(ROOT, 'e2e/screenshots');
const DEMO_PASSWORD = 'Tianping@2026';
const WAIT = { timeout: 30_000 };

const NEW_USER = { username: 'e2e_clerk', displayName: '测试科员', initial: 'Init#2026a', changed: 'Changed#2026b' };

/** Builds the console only when no build exists: the test itself builds nothing otherwise. */
async function ensureConsoleBuilt(): Promise<void> {
  if (fs.existsSync(path.join(ROOT, 'web/dist/index.html'))) return;
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
}

describe.skipIf(!fs.existsSync(CHROMIUM))('console in Chromium (needs /usr/bin/chromium)', () => {
  let server: Awaited<ReturnType<typeof import('../server/test/harness.ts').startTestServer>>;
  let context: BrowserContext;
  let page: Page;
  let profileDir: string;

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  }

  async function visible(locator: Locator): Promise<Locator> {
    await locator.first().waitFor({ state: 'visible', ...WAIT });
    return locator.first();
  }

  /** Signs out whoever is signed in (the session cookie) and signs in from the login page. */
  async function signIn(username: string, password: string): Promise<void> {
    await context.clearCookies();
    await page.goto(`${server.url}/login`);
    await (await visible(page.getByPlaceholder('用户名'))).fill(username);
    await page.getByPlaceholder('密码').fill(password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
  }

  async function openMenu(label: string): Promise<void> {
    await (await visible(page.getByRole('menuitem', { name: label }))).click();
    await visible(page.locator('.ant-card-head-title', { hasText: label }));
  }

  beforeAll(async () => {
    await ensureConsoleBuilt();
    const { startTestServer } = await import('../server/test/harness.ts');
    server = await startTestServer();
    profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-e2e-'));
    fs.mkdirSync(SHOTS, { recursive: true });
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      viewport: { width: 1440, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
  });

  it('signs in as sysadmin and browses the org tree down to 西湖区司法局', async () => {
    await signIn('sysadmin', DEMO_PASSWORD);
    await visible(page.getByText('系统管理员', { exact: false }));
    await shot('home-sysadmin');

    await openMenu('组织机构');
    const tree = page.locator('.ant-tree');
    const node = (name: string | RegExp) => tree.locator('.ant-tree-treenode', { has: page.getByTitle(name, { exact: true }) });
    await visible(node('浙江省司法厅'));
    // The root starts expanded; open it only if it is not.
    if (!(await node('杭州市司法局').isVisible())) await node('浙江省司法厅').locator('.ant-tree-switcher').click();
    await (await visible(node('杭州市司法局'))).locator('.ant-tree-switcher').click();
    // Org names are written out in full: 杭州市西湖区司法局.
    await (await visible(node(/西湖区司法局$/))).getByTitle(/西湖区司法局$/).click();
    const details = page.locator('.ant-descriptions');
    await visible(details.getByText('330106'));
    expect(await details.getByText('杭州市司法局').count()).toBeGreaterThan(0);
    await shot('orgs');
  }, 120_000);

  it('shows the code sets and the work calendar to sysadmin', async () => {
    await openMenu('数据字典');
    await (await visible(page.getByRole('cell', { name: 'org_type', exact: true }))).click();
    await visible(page.getByRole('cell', { name: '县级司法局', exact: true }));
    await shot('dictionary');

    await openMenu('工作日历');
    await visible(page.locator('[data-kind="holiday"]'));
    await visible(page.locator('[data-kind="workday"]').getByText('班'));
    await shot('calendar');
  }, 120_000);

  it('creates a user, who must change the password at first login', async () => {
    await openMenu('用户管理');
    await visible(page.locator('.ant-table-row'));
    await shot('users');

    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = await visible(page.getByRole('dialog', { name: '新建用户' }));
    await dialog.getByLabel('用户名').fill(NEW_USER.username);
    await dialog.getByLabel('姓名').fill(NEW_USER.displayName);
    await dialog.getByLabel('所属机构').click();
    await dialog.getByLabel('所属机构').fill('西湖区司法局');
    await (await visible(page.locator('.ant-select-tree-node-content-wrapper[title$="西湖区司法局"]'))).click();
    await dialog.getByLabel('角色').click();
    await (await visible(page.locator('.ant-select-item-option', { hasText: '工作人员' }))).click();
    await dialog.getByLabel('初始密码').fill(NEW_USER.initial);
    await dialog.getByLabel('手机号').fill('13800001234');
    await shot('user-create');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await visible(page.getByText('首次登录时必须修改密码'));
    await shot('user-created');
    await page.getByRole('button', { name: '知道了' }).click();

    await signIn(NEW_USER.username, NEW_USER.initial);
    await visible(page.getByText('首次登录或密码已被重置'));
    await shot('password-forced');
    await page.getByLabel('当前密码').fill(NEW_USER.initial);
    await page.getByLabel('新密码', { exact: true }).fill(NEW_USER.changed);
    await page.getByLabel('确认新密码').fill(NEW_USER.changed);
    await page.getByRole('button', { name: '确认修改' }).click();
    await visible(page.locator('header').getByText(NEW_USER.displayName));
    await visible(page.locator('header').getByText('西湖区司法局'));
    await shot('home-new-user');
  }, 180_000);

  it('shows the user.create event to the audit administrator', async () => {
    await signIn('auditadmin', DEMO_PASSWORD);
    await openMenu('登录日志');
    await visible(page.locator('.ant-table-row').filter({ hasText: NEW_USER.username }));
    await shot('login-events');

    await openMenu('审计日志');
    await page.getByLabel('操作', { exact: true }).fill('user.create');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    const row = await visible(page.locator('.ant-table-row').filter({ hasText: 'user.create' }).filter({ hasText: 'sysadmin' }));
    await row.locator('.ant-table-row-expand-icon').click();
    await visible(page.locator('.ant-table-expanded-row').getByText(NEW_USER.username));
    await shot('audit-events');
  }, 120_000);

  it('shows the roles to the security administrator', async () => {
    await signIn('secadmin', DEMO_PASSWORD);
    await openMenu('角色管理');
    await visible(page.locator('.ant-table-row').filter({ hasText: '审计管理员' }));
    await shot('roles');
  }, 120_000);

  it('returns to the login page with 登录已超时 once the server ends an idle session', async () => {
    await visible(page.getByRole('menuitem', { name: '用户管理' }));
    // Thirty idle minutes, without waiting for them: the server ends sessions it last saw that long ago.
    await sql`update sessions set last_seen_at = now() - interval '31 minutes' where ended_at is null`.execute(server.tp.database.db);
    await page.getByRole('menuitem', { name: '用户管理' }).click();
    await visible(page.locator('.ant-alert-warning').getByText('登录已超时，请重新登录'));
    await visible(page.getByPlaceholder('用户名'));
    await shot('login-expired');
  }, 120_000);

  it('locks the account after five wrong passwords and says until when', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn('xihu_staff', `Wrong#${attempt}pass`);
      await visible(page.locator('.ant-alert-error'));
    }
    await visible(page.locator('.ant-alert-error').getByText('账号已锁定'));
    await visible(page.locator('.ant-alert-error').getByText('预计解锁时间'));
    await shot('login-locked');
  }, 180_000);
});
