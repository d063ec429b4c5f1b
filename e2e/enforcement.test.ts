/**
 * 执法人员 and 执法主体 in real Chromium, as the district staff member (xihu_staff): the officers of
 * 西湖区司法局 with the standing of their 执法证 (an expired one tagged 已过期, one 即将到期), a new
 * officer registered through the form (the ID number checked by the server), that officer's
 * certificate suspended with a reason (tagged 暂扣, kept in the history), and the entrusted 司法所
 * with its 委托书; officers imported from an XLSX file, refused with the problem's row and column
 * first. Screenshots go to e2e/screenshots/ (git-ignored) for people to look at.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckDigit } from '../server/src/modules/standards/index.ts';
import { CHROMIUM, consoleSteps, openConsole, SHOTS, WAIT, type Console } from './browser.ts';

const ID_NUMBER = `33010619880808123${idCheckDigit('33010619880808123')}`;
const CERTIFICATE = '浙E2E-330106-0001';
const IMPORTED_ID = `33010619900101123${idCheckDigit('33010619900101123')}`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** An XLSX file with one sheet 执法人员 holding `rows` (the first the headers), as a user would upload. */
async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('执法人员').addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe.skipIf(!fs.existsSync(CHROMIUM))('执法主体与执法人员 in Chromium (needs /usr/bin/chromium)', () => {
  let server: Console;
  let page: Page;
  const { shot, visible, settled, signIn, openMenu, opened } = consoleSteps(() => server);

  /** What is on the screen, for a drawer or a dialog (a full-page shot would cut their mask in two). */
  async function viewShot(name: string): Promise<void> {
    await settled();
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }

  beforeAll(async () => {
    server = await openConsole();
    ({ page } = server);
  }, 300_000);

  afterAll(async () => {
    await server?.close();
  });

  it('lists the officers of 西湖区司法局 with the standing of their certificates', async () => {
    await signIn('xihu_staff');
    await openMenu('执法人员');
    await visible(page.locator('.ant-table-row').first());
    await visible(page.locator('.ant-table-row .ant-tag', { hasText: '已过期' }));
    await visible(page.locator('.ant-table-row .ant-tag', { hasText: '即将到期' }));
    await visible(page.locator('.ant-table-row .ant-tag', { hasText: '暂扣' }));
    await settled();
    await shot('enforcement-officers');

    // 证件状态 › 已过期: only expired certificates remain.
    await page.locator('#officerStanding').click();
    await (await visible(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '已过期' }))).click();
    await settled();
    const tags = await page.locator('.ant-table-row .ant-tag').filter({ hasText: /有效|即将到期|已过期|暂扣|注销/ }).allTextContents();
    expect(tags.length).toBeGreaterThan(0);
    expect(tags.every((t) => t === '已过期')).toBe(true);
    await page.locator('#officerStanding').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]').hover();
    await page.locator('.ant-form-item', { hasText: '证件状态' }).locator('.ant-select-clear').click();
    await settled();
  }, 120_000);

  it('registers a new officer through the form', async () => {
    await page.getByRole('button', { name: /登记人员/ }).click();
    const dialog = await opened(page.getByRole('dialog').filter({ hasText: '登记执法人员' }));
    await dialog.getByLabel('姓名').fill('测试执法员');
    await dialog.getByLabel('公民身份号码').fill(ID_NUMBER);
    // 所属机构 starts as the user's own org.
    await visible(dialog.locator('.ant-form-item', { hasText: '所属机构' }).getByText('杭州市西湖区司法局'));
    await dialog.getByLabel('执法证号').fill(CERTIFICATE);
    const range = dialog.locator('.ant-picker-range input');
    await range.nth(0).click();
    await range.nth(0).fill('2025-01-01');
    await range.nth(1).click();
    await range.nth(1).fill('2030-12-31');
    await range.nth(1).press('Enter');
    await viewShot('enforcement-officer-form');
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/api/v1/enforcement/officers') && r.request().method() === 'POST', WAIT),
      dialog.getByRole('button', { name: /保\s*存/ }).click(),
    ]);
    expect(res.status(), await res.text()).toBe(200);
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    await page.locator('#officerQ').fill(CERTIFICATE);
    await page.locator('#officerQ').press('Enter');
    const row = await visible(page.locator('.ant-table-row', { hasText: CERTIFICATE }));
    await visible(row.locator('.ant-tag', { hasText: '有效' }));
  }, 120_000);

  it('suspends the new officer\'s certificate with a reason', async () => {
    const row = page.locator('.ant-table-row', { hasText: CERTIFICATE });
    await row.getByText('暂扣', { exact: true }).click();
    const dialog = await opened(page.getByRole('dialog').filter({ hasText: '暂扣执法证' }));
    await dialog.getByLabel('暂扣原因').fill('涉嫌违规执法，停职调查');
    await viewShot('enforcement-suspend');
    await dialog.getByRole('button', { name: /确认暂扣/ }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    await visible(row.locator('.ant-tag', { hasText: '暂扣' }));

    await row.getByText('测试执法员').click();
    const drawer = await opened(page.getByRole('dialog').filter({ hasText: '执法证历史' }));
    await visible(drawer.getByText('原因：涉嫌违规执法，停职调查'));
    await viewShot('enforcement-officer-history');
    await drawer.locator('.ant-drawer-close').click();
    await page.locator('.ant-drawer-mask').first().waitFor({ state: 'hidden', ...WAIT });
  }, 120_000);

  it('imports officers from an XLSX file: a bad row listed with its column, the fixed file imported', async () => {
    const file = (idNumber: string) => xlsxOf([['姓名', '公民身份号码', '所属机构', '执法证号', '执法领域', '发证日期', '有效期至', '法律职业资格'], ['导入执法员', idNumber, '杭州市西湖区司法局', '浙E2E-330106-0002', '司法行政', '2025-03-01', '2030-02-28', '否']]);
    await page.getByRole('button', { name: /导\s*入/ }).click();
    const dialog = await opened(page.getByRole('dialog').filter({ hasText: '导入执法人员' }));
    await dialog.locator('input[type=file]').setInputFiles({ name: '执法人员.xlsx', mimeType: XLSX, buffer: await file('330106198813451234') });
    await dialog.getByRole('button', { name: '开始导入' }).click();
    const problem = await visible(dialog.locator('.ant-table-row', { hasText: '公民身份号码' }));
    await visible(problem.getByText('2', { exact: true }));
    await viewShot('enforcement-import-refused');

    await dialog.locator('input[type=file]').setInputFiles({ name: '执法人员.xlsx', mimeType: XLSX, buffer: await file(IMPORTED_ID) });
    await dialog.getByRole('button', { name: '开始导入' }).click();
    await visible(dialog.getByText('导入完成：新增 1 人，更新 0 人，未变化 0 人'));
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/ }).click();
    await page.locator('#officerQ').fill('浙E2E-330106-0002');
    await page.locator('#officerQ').press('Enter');
    await visible(page.locator('.ant-table-row', { hasText: '导入执法员' }));
  }, 120_000);

  it('shows the entrusted 司法所 with its 委托书', async () => {
    await openMenu('执法主体');
    await page.locator('#subjectKind').click();
    await (await visible(page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: '受委托组织' }))).click();
    const row = await visible(page.locator('.ant-table-row', { hasText: '西湖区司法局 委托' }));
    await row.click();
    const drawer = await opened(page.getByRole('dialog').filter({ hasText: '委托书' }));
    await visible(drawer.getByText('西司委〔2024〕1号'));
    await viewShot('enforcement-subject-entrusted');
  }, 120_000);
});
