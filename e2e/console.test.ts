/**
 * The console in real Chromium against an in-process server with a fresh embedded database:
 * sign-in, the org tree, importing a division file (GBK, and one with mistakes), creating a user
 * who must change the password at first login, the 三员 accounts the console leaves alone, the
 * audit trail of that creation, and the lockout after five wrong passwords. Screenshots of every page
 * go to e2e/screenshots/ (git-ignored) for people to look at: Chinese must render, not boxes.
 */
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, DEMO_PASSWORD, consoleSteps, openConsole, WAIT, type Console } from './browser.ts';

/** A division file as Excel on Chinese Windows saves it: GBK, CRLF. */
function gbkCsv(lines: string[]): Buffer {
  return iconv.encode(`${lines.join('\r\n')}\r\n`, 'gbk');
}

const NEW_USER = { username: 'e2e_clerk', displayName: '测试科员', initial: 'Init#2026a', changed: 'Changed#2026b' };

describe.skipIf(!fs.existsSync(CHROMIUM))('console in Chromium (needs /usr/bin/chromium)', () => {
  let server: Console;
  let page: Page;
  const steps = consoleSteps(() => server);
  const { shot, visible, openMenu, opened } = steps;
  const signIn = (username: string, password: string) => steps.signIn(username, password, { awaitMenu: false });

  /**
   * Chooses an org in a form's 所属机构 tree select and waits until the form shows it. On a busy
   * machine a click can land while the filtered tree is still re-rendering; then it is retried.
   */
  async function pickOrg(scope: Locator, name: string): Promise<void> {
    const field = scope.getByLabel('所属机构');
    const chosen = scope.locator('.ant-select-content, .ant-select-selection-item').filter({ hasText: name });
    for (let attempt = 1; ; attempt++) {
      await field.click();
      await field.fill(name);
      await (await visible(page.locator(`.ant-select-tree-node-content-wrapper[title$="${name}"]`))).click();
      try {
        await chosen.first().waitFor({ state: 'visible', timeout: 5_000 });
        return;
      } catch (err) {
        if (attempt === 3) throw err;
      }
    }
  }

  beforeAll(async () => {
    server = await openConsole();
    ({ page } = server);
  }, 300_000);

  afterAll(async () => {
    await server?.close();
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

  it('imports a GBK division file and shows the new bureaus in the tree', async () => {
    const tree = page.locator('.ant-tree');
    await page.getByRole('button', { name: '导入行政区划' }).click();
    const dialog = await opened(page.getByRole('dialog', { name: '导入行政区划' }));
    await visible(dialog.getByText('code,name,parentCode').first());
    const csv = gbkCsv(['code,name,parentCode', '320000,江苏省,', '320100,南京市,320000', '320102,玄武区,320100']);
    expect(csv.includes(Buffer.from('江苏省', 'utf8'))).toBe(false); // really GBK, not UTF-8
    await dialog.locator('input[type=file]').setInputFiles({ name: '江苏省区划.csv', mimeType: 'text/csv', buffer: csv });
    await dialog.getByRole('button', { name: /^导\s*入$/ }).click();
    await visible(dialog.locator('.ant-alert-success').getByText('新建 3 / 更名 0 / 未变 0'));
    // The new bureaus are expanded and the top one selected, behind the dialog.
    await visible(tree.getByTitle('南京市玄武区司法局', { exact: true }));
    await visible(page.locator('.ant-card-head-title', { hasText: '江苏省司法厅' }));
    await shot('org-import');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/ }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    await (await visible(tree.getByTitle('南京市玄武区司法局', { exact: true }))).click();
    await visible(page.locator('.ant-descriptions').getByText('320102'));
    await visible(page.locator('.ant-descriptions').getByText('南京市司法局'));
    await shot('org-imported');

    // A file with mistakes imports nothing and lists each one by row, to fix in the spreadsheet.
    await page.getByRole('button', { name: '导入行政区划' }).click();
    const again = await opened(page.getByRole('dialog', { name: '导入行政区划' }));
    const bad = gbkCsv(['code,name,parentCode', '320200,无锡市,320000', '320205,锡山区,320100', '32021,滨湖区,320200', '320211,,320200']);
    await again.locator('input[type=file]').setInputFiles({ name: '无锡市区划.csv', mimeType: 'text/csv', buffer: bad });
    await again.getByRole('button', { name: /^导\s*入$/ }).click();
    await visible(again.locator('.ant-alert-error').getByText('未导入任何数据'));
    const rows = again.locator('.ant-table-row');
    await visible(rows.filter({ hasText: '第 3 行' }).filter({ hasText: '上级区划代码' }).filter({ hasText: '320200' }));
    await visible(rows.filter({ hasText: '第 4 行' }).filter({ hasText: '区划代码（code）' }).filter({ hasText: '32021' }));
    await visible(rows.filter({ hasText: '第 5 行' }).filter({ hasText: '名称（name）' }));
    expect(await rows.count()).toBe(3);
    await shot('org-import-errors');
    await again.locator('.ant-modal-footer').getByRole('button', { name: /取\s*消/ }).click();
    expect(await tree.getByTitle('无锡市司法局', { exact: true }).count()).toBe(0);
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
    // 三员分立: the console neither disables nor moves an administrator account; ordinary ones it does.
    const auditRow = await visible(page.locator('.ant-table-row').filter({ hasText: 'auditadmin' }));
    await visible(auditRow.getByText('三员账号'));
    expect(await auditRow.getByRole('button', { name: /停\s*用/ }).count()).toBe(0);
    await visible(page.locator('.ant-table-row').filter({ hasText: 'xihu_staff' }).getByRole('button', { name: /停\s*用/ }));
    await shot('users');
    await auditRow.getByRole('button', { name: /编\s*辑/ }).click();
    const edit = await opened(page.getByRole('dialog', { name: '编辑用户：auditadmin' }));
    await visible(edit.locator('.ant-select-disabled'));
    await visible(edit.getByText('由运维人员在服务器上'));
    await shot('user-edit-admin');
    await edit.getByRole('button', { name: /取\s*消/ }).click();

    await page.getByRole('button', { name: '新建用户' }).click();
    const dialog = await opened(page.getByRole('dialog', { name: '新建用户' }));
    await dialog.getByLabel('用户名').fill(NEW_USER.username);
    await dialog.getByLabel('姓名').fill(NEW_USER.displayName);
    await pickOrg(dialog, '西湖区司法局');
    // 三员分立: the system administrator creates the account; roles are granted by the security post.
    await visible(dialog.getByText('由安全管理员在“分配角色”中授权'));
    await dialog.getByLabel('初始密码').fill(NEW_USER.initial);
    await dialog.getByLabel('手机号').fill('13800001234');
    await shot('user-create');
    await dialog.getByRole('button', { name: /创\s*建/ }).click();
    await visible(page.getByText('首次登录时必须修改密码'));
    await shot('user-created');
    await page.getByRole('button', { name: '知道了' }).click();

    await signIn(NEW_USER.username, NEW_USER.initial);
    await visible(page.getByText('请先修改密码后再使用系统'));
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

  it('shows the users and the roles to the security administrator', async () => {
    await signIn('secadmin', DEMO_PASSWORD);
    // 三员分立: no grants to, or password resets of, an administrator account from the console.
    await openMenu('用户管理');
    const auditRow = await visible(page.locator('.ant-table-row').filter({ hasText: 'auditadmin' }));
    await visible(auditRow.getByText('三员账号'));
    expect(await auditRow.getByRole('button', { name: /分配角色|重置密码/ }).count()).toBe(0);
    await visible(page.locator('.ant-table-row').filter({ hasText: 'xihu_staff' }).getByRole('button', { name: '重置密码' }));
    await shot('users-secadmin');

    // Ends on 角色管理: the next test leaves it for 用户管理.
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
