/**
 * 行政处罚案件 in real Chromium, as the district staff member (xihu_staff): a clue registered with
 * two officers through the form and found in the list; in its drawer moved to 立案 and 调查取证;
 * the move to 案件审查 refused while no act is recorded (ADP-03, named in the dialog); an act
 * recorded with two officers; the move then made, with the steps and the 全过程记录 showing it.
 * Screenshots go to e2e/screenshots/ (git-ignored) for people to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import { type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, consoleSteps, openConsole, SHOTS, WAIT, type Console } from './browser.ts';

const CAUSE = '律师以不正当手段承揽业务（E2E）';

describe.skipIf(!fs.existsSync(CHROMIUM))('行政处罚案件 in Chromium (needs /usr/bin/chromium)', () => {
  let server: Console;
  let page: Page;
  let drawer: Locator;
  /** Two certificates of 西湖区司法局 in force today, as the officer selects label them. */
  let certificates: [string, string];
  const { visible, settled, signIn, openMenu, opened, choose } = consoleSteps(() => server);

  /** What is on the screen, for a drawer or a dialog (a full-page shot would cut their mask in two). */
  async function viewShot(name: string): Promise<void> {
    await settled();
    // The last toast would cover the drawer's title.
    await page.locator('.ant-message-notice').first().waitFor({ state: 'hidden', ...WAIT });
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }

  /** The dialog (not the drawer behind it) whose title holds `title`. */
  const modal = (title: string) => page.getByRole('dialog').filter({ has: page.locator('.ant-modal-title', { hasText: title }) });

  /** Opens the move dialog of `label`, confirms it with an opinion and waits for the server's answer. */
  async function move(label: string, opinion: string): Promise<{ status: number; dialog: Locator }> {
    await drawer.getByRole('button', { name: `推进到「${label}」` }).click();
    const dialog = await opened(modal(`推进到「${label}」`));
    await dialog.getByLabel('办理意见').fill(opinion);
    const [res] = await Promise.all([
      page.waitForResponse((r) => /\/api\/v1\/enforcement\/cases\/\d+\/moves$/.test(r.url()) && r.request().method() === 'POST', WAIT),
      dialog.getByRole('button', { name: /确认推进/ }).click(),
    ]);
    return { status: res.status(), dialog };
  }

  async function moved(label: string, opinion: string): Promise<void> {
    const { status, dialog } = await move(label, opinion);
    expect(status).toBe(200);
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    await visible(page.locator('.ant-message', { hasText: `已进入“${label}”` }));
    await visible(drawer.locator('.ant-drawer-extra .ant-tag', { hasText: label }));
  }

  beforeAll(async () => {
    server = await openConsole();
    ({ page } = server);
  }, 300_000);

  afterAll(async () => {
    await server?.close();
  });

  it('registers a clue with two officers and finds it in the list', async () => {
    await signIn('xihu_staff');
    await openMenu('行政处罚案件');
    const officers = (await page.evaluate(async () => {
      const r = await fetch('/api/v1/enforcement/officers?standing=valid&pageSize=500');
      return ((await r.json()) as { items: { certificateNo: string }[] }).items.map((o) => o.certificateNo);
    })).filter((c) => c.startsWith('浙330106'));
    expect(officers.length).toBeGreaterThanOrEqual(2);
    certificates = [officers[0] ?? '', officers[1] ?? ''];

    await page.getByRole('button', { name: /登记线索/ }).click();
    const dialog = await opened(modal('登记线索'));
    await visible(dialog.locator('.ant-form-item', { hasText: '办案机构' }).getByText('杭州市西湖区司法局'));
    await dialog.getByLabel('案由').fill(CAUSE);
    await dialog.getByLabel('当事人名称').fill('王某某');
    const ended = dialog.getByLabel('违法行为终了日');
    await ended.click();
    await ended.fill(new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10));
    await ended.press('Enter');
    await choose(dialog.getByLabel('承办人员'), certificates[0], certificates[0]);
    await choose(dialog.getByLabel('承办人员'), certificates[1], certificates[1]);
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/enforcement/cases') && r.request().method() === 'POST', WAIT),
      dialog.getByRole('button', { name: /登\s*记/ }).click(),
    ]);
    expect(res.status(), await res.text()).toBe(200);
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    // The new case opens by itself; close it and find the case in the list.
    drawer = await opened(page.getByRole('dialog').filter({ hasText: '办案进度' }));
    await drawer.locator('.ant-drawer-close').click();
    await page.locator('.ant-drawer-mask').first().waitFor({ state: 'hidden', ...WAIT });
    const row = await visible(page.locator('.ant-table-row', { hasText: CAUSE }));
    await visible(row.locator('.ant-tag', { hasText: '线索' }));
  }, 120_000);

  it('moves the case to 立案 and 调查取证 from its drawer', async () => {
    await page.locator('.ant-table-row', { hasText: CAUSE }).click();
    drawer = await opened(page.getByRole('dialog').filter({ hasText: '办案进度' }));
    await visible(drawer.getByText('登记线索'));
    await moved('立案', '符合立案条件');
    await moved('调查取证', '开始调查');
  }, 120_000);

  it('refuses 案件审查 without an act, naming ADP-03', async () => {
    await visible(drawer.getByText(/尚无调查取证记录/));
    const { status, dialog } = await move('案件审查', '调查终结');
    expect(status).toBe(409);
    await visible(dialog.locator('.ant-alert-error', { hasText: '尚无调查取证记录' }));
    await visible(dialog.locator('.ant-alert-error', { hasText: 'ADP-03' }));
    await viewShot('case-move-refused');
    await dialog.getByRole('button', { name: /取\s*消/ }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });
  }, 120_000);

  it('records an act with two officers, then moves to 案件审查', async () => {
    await drawer.getByRole('button', { name: '记录调查取证' }).click();
    const dialog = await opened(modal('记录调查取证：'));
    await dialog.getByLabel('种类').fill('询问');
    // The case's 承办人员 are there already; both are this act's.
    for (const c of certificates) await visible(dialog.locator('.ant-select-selection-item', { hasText: c.slice(-4) }));
    await dialog.getByLabel('说明').fill('询问当事人，制作询问笔录');
    const [res] = await Promise.all([
      page.waitForResponse((r) => /\/api\/v1\/enforcement\/cases\/\d+\/record$/.test(r.url()) && r.request().method() === 'PATCH', WAIT),
      dialog.getByRole('button', { name: /保\s*存/ }).click(),
    ]);
    expect(res.status(), await res.text()).toBe(200);
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    await visible(drawer.locator('.ant-table-row', { hasText: '询问当事人' }));
    await visible(drawer.getByText('记录「调查取证」'));

    await moved('案件审查', '调查终结，移送审查');
    await visible(drawer.locator('.ant-steps-item-process', { hasText: '案件审查' }));
    await visible(drawer.getByText('调查取证 → 案件审查'));
    await viewShot('case-drawer');
    await drawer.getByRole('heading', { name: '全过程记录' }).scrollIntoViewIfNeeded();
    await viewShot('case-drawer-events');
  }, 120_000);
});
