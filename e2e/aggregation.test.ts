/**
 * 数据资源中心 in real Chromium against an in-process server with a fresh embedded database: the
 * lawyer standard library and its import template, registering a source system, uploading a GBK
 * lawyer file with two bad rows and following it to its result, the error report download, the
 * batch's lineage, a correction of one lawyer and that record's lineage and history in 归集记录,
 * and 归集率 — as the district staff member (xihu_staff), then read-only as the
 * provincial leader. Screenshots go to e2e/screenshots/ (git-ignored) for people to look at.
 */
import fs from 'node:fs';
import { type Download, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, consoleSteps, openConsole, WAIT, type Console } from './browser.ts';
import { LAWYER_HEADERS, lawyerRow, writeCsv } from '../server/src/modules/aggregation/test-fixtures.ts';

/** An import runs in the background; on a busy two-core machine give it time. */
const IMPORT_WAIT = { timeout: 120_000 };

const SOURCE = { code: 'xihu-lawyer', name: '西湖区律师管理系统' };

/** Ten lawyers as Excel on Chinese Windows saves them (GBK): two cannot be accepted. */
function lawyerFile(): string {
  const rows = Array.from({ length: 10 }, (_, i) => {
    const n = i + 1;
    if (n === 6) return lawyerRow(n, { 性别: '男' }); // the ID number says female
    if (n === 9) return lawyerRow(n, { 执业状态: '休假' }); // not a practice status
    return lawyerRow(n);
  });
  return writeCsv('西湖区律师名册.csv', LAWYER_HEADERS, rows, 'gbk');
}

describe.skipIf(!fs.existsSync(CHROMIUM))('数据资源中心 in Chromium (needs /usr/bin/chromium)', () => {
  let server: Console;
  let page: Page;
  const { shot, visible, settled, signIn, openMenu, choose, opened } = consoleSteps(() => server);

  /** Chooses an option of an antd Select by its exact text (the dropdown is rendered in the body). */
  async function downloaded(click: () => Promise<void>): Promise<{ download: Download; bytes: Buffer }> {
    const [download] = await Promise.all([page.waitForEvent('download', WAIT), click()]);
    const file = await download.path();
    return { download, bytes: fs.readFileSync(file) };
  }

  /** The value of the statistic titled `title` inside `scope`. */
  function statistic(scope: Locator, title: string): Locator {
    return scope.locator('.ant-statistic').filter({ has: page.locator('.ant-statistic-title', { hasText: new RegExp(`^${title}$`) }) }).locator('.ant-statistic-content-value');
  }

  beforeAll(async () => {
    server = await openConsole();
    ({ page } = server);
  }, 300_000);

  afterAll(async () => {
    await server?.close();
  });

  it('shows the lawyer library, its template and the data elements to xihu_staff', async () => {
    await signIn('xihu_staff');
    await openMenu('标准库');
    const lawyer = await visible(page.locator('.ant-table-row[data-row-key="lawyer"]'));
    expect(await page.locator('.ant-table-row').count()).toBe(14);
    await lawyer.click();
    const detail = await visible(page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: '律师（lawyer）' }) }));
    // By its field key: 执业证号 is also the list's 业务主键 column now.
    const licence = await visible(detail.locator('.ant-table-row[data-row-key="licenceNo"]'));
    await visible(licence.getByText('业务主键'));
    await visible(detail.getByText('性别须与公民身份号码'));
    await settled();
    await shot('standards-lawyer');

    // The import template is made in the browser: the library's headers, UTF-8 with a BOM for Excel.
    const { download, bytes } = await downloaded(() => detail.getByRole('button', { name: '下载导入模板' }).click());
    expect(download.suggestedFilename()).toBe('律师导入模板.csv');
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.subarray(3).toString('utf8').trim()).toBe(LAWYER_HEADERS.join(','));

    await page.getByRole('tab', { name: '数据元' }).click();
    await visible(page.locator('.ant-table-row').filter({ hasText: 'GB 11643-1999' }));
    await settled();
    await shot('data-elements');
  }, 120_000);

  it('registers a source system for the lawyer library', async () => {
    await openMenu('归集率');
    await page.getByRole('tab', { name: /来源系统/ }).click();
    await visible(page.getByText('尚未登记来源系统'));
    await page.getByRole('button', { name: '登记来源系统' }).click();
    const dialog = await opened(page.getByRole('dialog', { name: '登记来源系统' }));
    await dialog.getByLabel('编码').fill(SOURCE.code);
    await dialog.getByLabel('名称').fill(SOURCE.name);
    await choose(dialog.getByLabel('标准库'), /^律师$/, '律师');
    await dialog.getByLabel('应归集记录数').fill('10');
    await shot('source-register');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    const row = await visible(page.locator('.ant-table-row').filter({ hasText: SOURCE.code }));
    await visible(row.getByText('律师 · 每日 · 10 条'));
    await visible(row.getByText('西湖区司法局'));
    await settled();
    await shot('sources');
  }, 120_000);

  it('uploads a GBK lawyer file with two bad rows and downloads the error report', async () => {
    await openMenu('数据归集');
    await visible(page.getByText('暂无归集批次'));
    await page.getByRole('button', { name: '上传文件' }).click();
    const dialog = await opened(page.getByRole('dialog', { name: '上传文件归集' }));
    await choose(dialog.getByLabel('标准库'), /^律师$/, '律师');
    // The one source that delivers lawyers is chosen by itself.
    await visible(dialog.locator('.ant-select').getByText(`${SOURCE.name}（${SOURCE.code}）`));
    await visible(dialog.getByText('合格行入库，问题行进入错误报告'));
    await dialog.locator('input[type=file]').setInputFiles(lawyerFile());
    await visible(dialog.getByText('西湖区律师名册.csv'));
    await shot('upload-form');
    await dialog.getByRole('button', { name: '开始导入' }).click();

    await visible(dialog.locator('.ant-alert-warning').getByText('归集完成：8 行入库，2 行未通过校验'), IMPORT_WAIT);
    expect(await statistic(dialog, '已读').textContent()).toBe('10');
    expect(await statistic(dialog, '入库').textContent()).toBe('8');
    expect(await statistic(dialog, '拒收').textContent()).toBe('2');
    await shot('upload-result');

    // The report: the rejected rows as sent, with 行号 and 错误原因, UTF-8 with a BOM.
    const { bytes } = await downloaded(() => dialog.getByRole('link', { name: /下载错误报告（CSV）/ }).click());
    const report = bytes.toString('utf8').replace(/^\ufeff/, '');
    const [header, ...lines] = report.trim().split(/\r?\n/);
    expect(header).toContain('错误原因');
    expect(header).toContain('行号');
    expect(lines).toHaveLength(2);
    expect(report).toContain('休假');

    await dialog.locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/ }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });
    const row = await visible(page.locator('.ant-table-row').filter({ hasText: '西湖区律师名册.csv' }));
    await visible(row.getByText('完成'));
    await settled();
    await shot('batches');

    await row.click();
    const drawer = await opened(page.getByRole('dialog').filter({ hasText: '数据血缘' }));
    await visible(drawer.getByText('数据血缘'));
    await visible(drawer.getByText('律师（lawyer），第 1 版'));
    await visible(drawer.getByText(`${SOURCE.name}（${SOURCE.code}）`));
    await visible(drawer.getByRole('link', { name: /下载错误报告（Excel）/ }));
    await shot('batch-drawer');
    await drawer.locator('.ant-drawer-close').click();
    await page.locator('.ant-drawer-mask').first().waitFor({ state: 'hidden', ...WAIT });
  }, 240_000);

  it('finds an uploaded lawyer in 归集记录 with its lineage and the version it replaced', async () => {
    // A correction of lawyer 1 from the same source: now suspended, typed as people type (a space
    // in the name, 2015/7/1), so the record has a history and cleansed values to show.
    const licence = lawyerRow(1)[LAWYER_HEADERS.indexOf('执业证号')] ?? '';
    const idNumber = lawyerRow(1)[LAWYER_HEADERS.indexOf('公民身份号码')] ?? '';
    const correction = writeCsv('西湖区律师变更.csv', LAWYER_HEADERS, [lawyerRow(1, { 姓名: '张 芳一', 执业状态: '暂停执业', 首次执业日期: '2015/7/1' })], 'gbk');
    await openMenu('数据归集');
    await page.getByRole('button', { name: '上传文件' }).click();
    const dialog = await opened(page.getByRole('dialog', { name: '上传文件归集' }));
    await settled(); // the source systems are read again as the dialog opens: choose once they are in
    await choose(dialog.getByLabel('标准库'), /^律师$/, '律师');
    await visible(dialog.locator('.ant-select').getByText(`${SOURCE.name}（${SOURCE.code}）`));
    await dialog.locator('input[type=file]').setInputFiles(correction);
    await dialog.getByRole('button', { name: '开始导入' }).click();
    await visible(dialog.getByText('归集完成：1 行全部入库'), IMPORT_WAIT);
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/ }).click();
    await dialog.waitFor({ state: 'hidden', ...WAIT });

    await openMenu('归集记录');
    const first = await visible(page.locator('.ant-table-row').filter({ hasText: licence }));
    expect(await page.locator('.ant-table-row').count()).toBe(8);
    await visible(page.getByText('共 8 条'));
    // Codes as labels, ID numbers masked, the cleansed name marked.
    await visible(first.getByText('张芳一'));
    await visible(first.getByText('男性', { exact: true }));
    await visible(first.getByText(/^\d{3}\*+\d{3}[\dX]$/));
    await visible(first.getByText('已清洗'));
    expect(await page.locator('.ant-table-tbody').textContent()).not.toContain(idNumber);
    await settled();
    await shot('records');

    await page.getByPlaceholder('输入执业证号或其开头几位').fill(licence);
    await page.getByPlaceholder('输入执业证号或其开头几位').press('Enter');
    await visible(page.getByText('共 1 条'));
    const row = await visible(page.locator('.ant-table-row').filter({ hasText: licence }));
    await row.click();

    const drawer = await opened(page.getByRole('dialog').filter({ hasText: '数据血缘' }));
    await visible(drawer.getByText(`律师记录：张芳一（${licence}）`));
    await visible(drawer.getByText(/^\d{3}\*+\d{3}[\dX]$/));
    await visible(drawer.getByText('暂停执业'));
    await visible(drawer.getByText('2015/7/1', { exact: true }));
    await visible(drawer.getByText(`${SOURCE.name}（${SOURCE.code}）`));
    await visible(drawer.getByText('第 2 行', { exact: true }));
    await visible(drawer.locator('li').filter({ hasText: '执业状态：正常 → 暂停执业' }));
    expect(await drawer.textContent()).not.toContain(idNumber);

    // The batch of the current version opens over the record, with the file it came in.
    await drawer.locator('.ant-descriptions-item-content a').filter({ hasText: /^[0-9a-f-]{36}$/ }).click();
    const batch = await opened(page.getByRole('dialog').filter({ hasText: '西湖区律师变更.csv' }));
    await visible(batch.getByText('归集完成：1 行全部入库'));
    await batch.locator('.ant-drawer-close').click();
    await batch.waitFor({ state: 'hidden', ...WAIT });

    // Tall enough for the whole drawer: fields, lineage and history.
    await page.setViewportSize({ width: 1440, height: 1500 });
    await page.waitForTimeout(400); // the page laid out again at the new size, for the screenshot
    await shot('record-drawer');
    await page.setViewportSize({ width: 1440, height: 900 });
    await drawer.locator('.ant-drawer-close').click();
    await page.locator('.ant-drawer-mask').first().waitFor({ state: 'hidden', ...WAIT });

    // A key no lawyer has: the empty list says what was searched.
    await page.getByPlaceholder('输入执业证号或其开头几位').fill('9999');
    await page.getByPlaceholder('输入执业证号或其开头几位').press('Enter');
    await visible(page.getByText('没有执业证号以“9999”开头的律师记录'));
  }, 240_000);

  it('shows 归集率 with the new delivery', async () => {
    await openMenu('归集率');
    const row = await visible(page.locator('.ant-table-row').filter({ hasText: SOURCE.code }));
    await visible(row.getByText('80%'));
    await visible(row.getByText('正常'));
    await settled();
    await shot('coverage');
  }, 120_000);

  it('shows the province batches and coverage read-only to zj_leader', async () => {
    await signIn('zj_leader');
    await openMenu('数据归集');
    await visible(page.locator('.ant-table-row').filter({ hasText: '律师' }));
    expect(await page.getByRole('button', { name: '上传文件' }).count()).toBe(0);
    await settled();
    await shot('batches-leader');

    await openMenu('归集率');
    await visible(page.locator('.ant-table-row').filter({ hasText: '杭州市人民调解信息系统' }).getByText('超期未归集'));
    await settled();
    await shot('coverage-leader');
    await page.getByRole('tab', { name: /来源系统/ }).click();
    await visible(page.locator('.ant-table-row').filter({ hasText: 'zj-lawyer' }));
    expect(await page.getByRole('button', { name: '登记来源系统' }).count()).toBe(0);
    await shot('sources-leader');
  }, 120_000);
});
