/**
 * 存证日志 (区块链存证) in real Chromium against an in-process server with a fresh embedded
 * database: the audit log as the audit administrator — the list, 校验 with its green verdict, an
 * entry with its inclusion proof, the checkpoints and keys — then, as the system administrator,
 * creating an SM3 log (a taken name first: the error in Chinese), an entry that waits for its
 * checkpoint, registering a witness and rotating a key; last, a tampered entry turning 校验 red.
 * The test server runs no background jobs, so the test anchors the audit rows and signs
 * checkpoints itself. Screenshots go to e2e/screenshots/ (git-ignored) for people to look at.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import { type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, consoleSteps, openConsole, WAIT, type Console } from './browser.ts';
import { checkReceipt } from '../server/src/modules/ledger/receipt.ts';

describe.skipIf(!fs.existsSync(CHROMIUM))('存证日志 in Chromium (needs /usr/bin/chromium)', () => {
  let server: Console;
  let page: Page;
  const { shot, visible, settled, signIn, openMenu, opened } = consoleSteps(() => server);

  async function openLog(name: string): Promise<void> {
    await openMenu('存证日志');
    await (await visible(page.locator(`.ant-table-row[data-row-key="${name}"]`))).click();
    await visible(page.locator('.ant-card-head-title', { hasText: `存证日志：${name}` }));
  }

  async function verify(): Promise<Locator> {
    await page.getByRole('button', { name: /校\s*验/ }).click();
    return visible(page.locator('.ant-alert').filter({ hasText: /日志完整|发现篡改/ }));
  }

  async function closeDrawer(drawer: Locator): Promise<void> {
    await drawer.locator('.ant-drawer-close').click();
    await page.locator('.ant-drawer-mask').first().waitFor({ state: 'hidden', ...WAIT });
  }

  beforeAll(async () => {
    server = await openConsole();
    ({ page } = server);
    // What `serve` does in the background: anchor the demo's audit rows and sign a checkpoint.
    expect(await server.tp.ledger.audit.anchor()).toBeGreaterThan(0);
    await server.tp.ledger.logs.checkpoint('audit');
  }, 300_000);

  afterAll(async () => {
    await server?.close();
  });

  it('lists the logs to auditadmin, without 新建日志', async () => {
    await signIn('auditadmin');
    await openMenu('存证日志');
    const row = await visible(page.locator('.ant-table-row[data-row-key="audit"]'));
    await visible(row.getByText('审计日志锚定：每批审计记录的指纹'));
    await visible(row.getByText('SHA-256'));
    await visible(row.getByText(/^第 1 条（(刚刚|\d+ 秒前)）$/));
    expect(await page.getByRole('button', { name: '新建日志' }).count()).toBe(0);
    await settled();
    await shot('ledger-logs');
  }, 120_000);

  it('verifies the audit log: 日志完整, with the audit rows checked', async () => {
    await openLog('audit');
    const result = await verify();
    expect(await result.getAttribute('class')).toContain('ant-alert-success');
    await visible(result.getByText('日志完整', { exact: true }));
    await visible(result.getByText(/条审计记录与存证指纹一致/));
    await settled();
    await shot('ledger-verify');
  }, 120_000);

  it('opens an audit entry with its content and inclusion proof', async () => {
    const row = await visible(page.locator('.ant-table-row[data-row-key="0"]'));
    await visible(row.getByText('审计记录指纹'));
    await row.click();
    const drawer = await opened(page.getByRole('dialog').filter({ hasText: '包含证明' }));
    await visible(drawer.getByText('已验证：该记录包含在第 1 条时签发的检查点中'));
    await visible(drawer.getByText(/这条记录保存了 \d+ 条审计记录（#1 至 #\d+）的指纹/));
    await visible(drawer.getByText('"audit.batch"', { exact: false }));
    // The receipt a third party gets checks offline with nothing but the log's public key.
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), drawer.getByRole('link', { name: /下载存证凭证/ }).click()]);
    const receipt = fs.readFileSync(await download.path(), 'utf8');
    const keys = (await server.tp.ledger.logs.keysOf('audit')).map((k) => k.vkey);
    expect(checkReceipt(receipt, keys)).toMatchObject({ valid: true, origin: 'tianping.local/audit' });
    await page.setViewportSize({ width: 1440, height: 1400 });
    await page.waitForTimeout(200);
    await shot('ledger-entry');
    await page.setViewportSize({ width: 1440, height: 900 });
    await closeDrawer(drawer);

    await page.getByRole('tab', { name: '检查点' }).click();
    const checkpoint = await visible(page.locator('.ant-table-row[data-row-key="1"]'));
    await checkpoint.click();
    await visible(page.locator('pre').filter({ hasText: 'tianping.local/audit\n1\n' }));
    await settled();
    await shot('ledger-checkpoints');

    await page.getByRole('tab', { name: '密钥与见证' }).click();
    await visible(page.getByText('使用中'));
    await visible(page.getByText('本节点的见证公钥'));
    await visible(page.getByText('尚未登记见证方'));
    // Read-only: no buttons that change the log.
    expect(await page.getByRole('button', { name: '轮换密钥' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '登记见证方' }).count()).toBe(0);
    await settled();
    await shot('ledger-keys-auditadmin');
  }, 120_000);

  it('lets sysadmin create an SM3 log, showing a taken name in Chinese', async () => {
    await signIn('sysadmin');
    await openMenu('存证日志');
    await page.getByRole('button', { name: '新建日志' }).click();
    const dialog = await opened(page.getByRole('dialog', { name: '新建存证日志' }));
    await dialog.getByLabel('名称').fill('Notary');
    await dialog.getByRole('button', { name: /新\s*建/ }).click();
    await visible(dialog.getByText(/名称须为小写字母开头/));
    await dialog.getByLabel('名称').fill('audit');
    await dialog.getByRole('button', { name: /新\s*建/ }).click();
    await visible(page.getByText('存证日志 audit 已存在'));
    await visible(dialog.getByText('已有同名的存证日志，请换一个名称'));
    await shot('ledger-create-error');

    await dialog.getByLabel('名称').fill('notary');
    await dialog.getByText('SM3 国密（另加 SM2 签名）').click();
    await dialog.getByLabel('用途').fill('公证书存证');
    await dialog.getByRole('button', { name: /新\s*建/ }).click();
    await visible(page.locator('.ant-card-head-title', { hasText: '存证日志：notary' }));
    await visible(page.getByText('SM3 国密', { exact: true }));
    await visible(page.getByText('暂无记录：业务系统写入存证后会显示在这里'));
  }, 120_000);

  it('shows an entry newer than the latest checkpoint, then its proof once one is signed', async () => {
    const { tp } = server;
    await tp.ledger.logs.append('notary', [{ type: 'notary.issued', submitter: 'e2e', payload: { certificate: '(2026)浙杭证字第1号', digest: 'ab'.repeat(32) } }]);
    await page.getByRole('button', { name: /刷\s*新/ }).click();
    await (await visible(page.locator('.ant-table-row[data-row-key="0"]'))).click();
    const drawer = await opened(page.getByRole('dialog').filter({ hasText: '包含证明' }));
    await visible(drawer.getByText('该记录晚于最新检查点，约 1 秒后可获得证明'));
    await shot('ledger-entry-pending');
    await tp.ledger.logs.checkpoint('notary');
    await visible(drawer.getByText('已验证：该记录包含在第 1 条时签发的检查点中'));
    await closeDrawer(drawer);
  }, 120_000);

  it('registers this node as a witness and rotates the SM2 key', async () => {
    await page.getByRole('tab', { name: '密钥与见证' }).click();
    await visible(page.getByText('SM2 国密签名'));
    const nodeKey = (await server.tp.ledger.witnesses.witnessKey()).trim();

    await page.getByRole('button', { name: '登记见证方' }).click();
    let dialog = await opened(page.getByRole('dialog', { name: '登记见证方：notary' }));
    await dialog.getByLabel('见证公钥').fill('not-a-key');
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    // The field's own message, which stays; the toast beside it lasts 3 s and was missed once on a loaded machine.
    await visible(dialog.getByText(/应为“名称\+密钥 ID\+公钥”.*请向见证方重新复制它的公钥/));
    await dialog.getByLabel('见证公钥').fill(nodeKey);
    await dialog.getByRole('button', { name: /登\s*记/ }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    await visible(page.locator('.ant-table-row[data-row-key="tianping.local/witness"]'));

    await page.getByRole('button', { name: '轮换密钥' }).click();
    dialog = await opened(page.getByRole('dialog', { name: '轮换签名密钥：notary' }));
    await dialog.getByText('SM2 国密签名').click();
    await dialog.getByRole('button', { name: /轮\s*换/ }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    await visible(page.getByText('已停用'));
    await visible(page.getByText('轮换（记录序号 1）'));
    await settled();
    await shot('ledger-keys-sysadmin');

    await page.getByRole('tab', { name: '记录' }).click();
    await visible(page.locator('.ant-table-row[data-row-key="1"]').getByText('签名密钥轮换'));
    const result = await verify();
    expect(await result.getAttribute('class')).toContain('ant-alert-success');
  }, 120_000);

  it('turns 校验 red when an entry and audit rows are changed behind the ledger’s back', async () => {
    const { db } = server.tp.database;
    await sql`update ledger_entries set submitter = 'someone-else' where idx = 0 and log_id = (select id from ledger_logs where name = 'audit')`.execute(db);
    // The audit trail refuses changes; someone with the database owner's rights can still switch that off.
    await sql`alter table audit_events disable trigger user`.execute(db);
    await sql`update audit_events set ip = '10.9.9.9' where id = 3`.execute(db);
    await sql`delete from audit_events where id = 5`.execute(db);
    await sql`alter table audit_events enable trigger user`.execute(db);
    await signIn('auditadmin');
    await openLog('audit');
    const result = await verify();
    expect(await result.getAttribute('class')).toContain('ant-alert-error');
    await visible(result.getByText('发现篡改', { exact: true }));
    await visible(result.locator('.ant-table-row').getByText('记录字段与内容不符'));
    await visible(result.getByText('被删除的审计记录（1 条）：'));
    await visible(result.getByText('#5', { exact: true }));
    await visible(result.getByText('被修改的审计记录（1 条）：'));
    await visible(result.getByText('#3', { exact: true }));
    await settled();
    await shot('ledger-tampered');
  }, 120_000);
});
