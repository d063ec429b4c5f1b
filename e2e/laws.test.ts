/**
 * 法规库 and 权责清单 in real Chromium against an in-process server whose demo imported the sample
 * laws (/work/shared/data/laws-sample) and the power list built on them, as the district staff
 * member (xihu_staff): the library by level, 中华人民共和国行政处罚法 with its outline and text,
 * 第五十一条 with who cites it, a citation that could not be resolved, full-text search for 罚款
 * with highlighted hits, filtered by level, and a one-character search; importing a (made-up) new
 * version of 律师法; then the power list — an item with its bases and 裁量基准, a new item whose
 * benchmark breaks ADP-23 (the Chinese message under the field) until fixed, the review of bases
 * after the new 律师法 version (one by one where the words changed, in one step where they did
 * not), and the items shown beside the article they are based on; last, the provincial leader
 * (zj_leader) sees both read-only. Screenshots go to e2e/screenshots/ (git-ignored) for people to
 * look at.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, consoleSteps, openConsole, SHOTS, WAIT, type Console } from './browser.ts';
import { SAMPLE_LAWS_DIR } from '../server/test/samples.ts';

const CFL = '行政处罚法/2021-01-22';
const LAWYERS = '律师法/2017-09-01';
/** The made-up revision the test imports: 律师法 with 第四十七条's fine raised from 五千元 to 一万元. */
const NEW_LAWYERS = '律师法/2024-06-01';

function newLawyersFile(dir: string): string {
  const text = fs
    .readFileSync(path.join(SAMPLE_LAWS_DIR ?? '', '行政法/律师法(2017-09-01).md'), 'utf8')
    .replace('<!-- INFO END -->', '2024年6月1日 测试用虚构修正：第四十七条罚款上限调整\n\n<!-- INFO END -->')
    .replace('给予警告，可以处五千元以下的罚款；有违法所得的，没收违法所得；情节严重的，给予停止执业三个月以下的处罚', '给予警告，可以处一万元以下的罚款；有违法所得的，没收违法所得；情节严重的，给予停止执业三个月以下的处罚');
  const file = path.join(dir, '律师法(2024-06-01).md');
  fs.writeFileSync(file, text);
  return file;
}

describe.skipIf(!fs.existsSync(CHROMIUM) || !SAMPLE_LAWS_DIR)('法规库与权责清单 in Chromium (needs /usr/bin/chromium and the sample laws)', () => {
  let server: Console;
  let page: Page;
  let fixtures: string;
  const { shot, visible, settled, signIn, openMenu, choose, opened } = consoleSteps(() => server);

  async function closeDrawer(drawer: Locator): Promise<void> {
    await drawer.locator('.ant-drawer-close').click();
    await page.locator('.ant-drawer-mask').first().waitFor({ state: 'hidden', ...WAIT });
  }

  /** What is on the screen, for a drawer or a dialog (a full-page shot would cut their mask in two). */
  async function viewShot(name: string): Promise<void> {
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  }

  /** Drawers slide in: wait for the animation so a screenshot shows it in place. */
  async function drawerShot(name: string): Promise<void> {
    await settled();
    await page.waitForTimeout(400);
    await viewShot(name);
  }

  /** 保存 in the item dialog, and the server's answer to it. */
  /** Clicks 保存; answers the status and the codes of the rules the server found broken, so a refused save says why. */
  async function save(dialog: Locator): Promise<string> {
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/v1/power-list/items') && ['POST', 'PUT'].includes(r.request().method()), WAIT),
      dialog.getByRole('button', { name: /保\s*存/ }).click(),
    ]);
    if (res.ok()) return String(res.status());
    const body = (await res.json()) as { code: string; details?: { code?: string; message: string }[] };
    return `${res.status()} ${body.code}: ${(body.details ?? []).map((d) => d.code ?? d.message).join(', ')}`;
  }

  /** The power list is wired into the server by the lead; until then its steps are skipped. */
  async function powerListServed(): Promise<boolean> {
    const res = await page.request.get(`${server.url}/api/v1/power-list/items?pageSize=1`);
    return res.status() !== 404;
  }

  beforeAll(async () => {
    server = await openConsole({ demoLaws: true });
    ({ page } = server);
    fixtures = fs.mkdtempSync(path.join(os.tmpdir(), 'tp-laws-e2e-'));
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    if (fixtures) fs.rmSync(fixtures, { recursive: true, force: true });
  });

  it('lists the sample laws by level', async () => {
    await signIn('xihu_staff');
    await openMenu('法规库');
    const levels = page.getByRole('navigation', { name: '效力层级' });
    await visible(levels.getByRole('menuitem', { name: /^全部\s*13$/ }));
    await visible(levels.getByRole('menuitem', { name: /^法律\s*11$/ }));
    await visible(page.locator(`.ant-table-row[data-row-key="${CFL}"]`).getByText('中华人民共和国行政处罚法'));
    await visible(page.locator('.ant-table-row[data-row-key="监狱法/2012-10-26"]').getByText('有效'));
    await settled();
    await shot('laws-list');

    await levels.getByRole('menuitem', { name: /行政法规/ }).click();
    await visible(page.locator('.ant-table-row[data-row-key="法规规章备案审查条例/2024-08-30"]'));
    await page.locator(`.ant-table-row[data-row-key="${CFL}"]`).waitFor({ state: 'detached', ...WAIT });
    expect(await page.locator('.ant-table-row').count()).toBe(1);
    await levels.getByRole('menuitem', { name: /全部/ }).click();
  }, 120_000);

  it('opens 中华人民共和国行政处罚法 with its outline and text', async () => {
    await (await visible(page.locator(`.ant-table-row[data-row-key="${CFL}"]`))).click();
    await visible(page.locator('.ant-card-head-title', { hasText: '中华人民共和国行政处罚法' }));
    await visible(page.getByText('86 条，8 章，4 节'));
    await visible(page.locator('.tp-law-outline').getByText('第二章　行政处罚的种类和设定'));
    await visible(page.locator('article h3', { hasText: '第一章　总则' }));
    await visible(page.getByRole('button', { name: '第一条', exact: true }).getByText('为了规范行政处罚的设定和实施'));
    await settled();
    await viewShot('law-page');
  }, 120_000);

  it('opens 第五十一条 with the articles that cite it', async () => {
    // The outline marks what it scrolls the text to; an article opens on click in the text.
    await page.locator('.tp-law-outline').getByText('第九条', { exact: true }).click();
    await visible(page.locator('.tp-law-outline .ant-tree-treenode-selected', { hasText: '第九条' }));
    await page.getByRole('button', { name: '第五十一条', exact: true }).click();
    const drawer = await opened(page.getByRole('dialog').filter({ hasText: '被引用' }));
    await visible(drawer.getByText('中华人民共和国行政处罚法 第五十一条'));
    await visible(drawer.getByText(/对公民处以二百元以下/));
    const citedBy = drawer.locator('.ant-list-item').filter({ hasText: '《中华人民共和国行政处罚法》第五十四条第一款' });
    await visible(citedBy);
    expect(await citedBy.locator('mark').textContent()).toBe('本法第五十一条');
    await visible(drawer.locator('.ant-list-item').filter({ hasText: '第六十九条第一款' }));
    await drawerShot('law-article-51');

    // A citing 款 opens its own article, whose citations are links back.
    await drawer.getByRole('link', { name: '《中华人民共和国行政处罚法》第六十九条第一款' }).click();
    const art69 = await opened(page.getByRole('dialog').filter({ hasText: '中华人民共和国行政处罚法 第六十九条' }));
    await visible(art69.getByRole('link', { name: '本法第五十一条' }));
    await visible(art69.locator('.ant-list-item').filter({ hasText: '“第五十七条”' }).getByRole('link', { name: '《中华人民共和国行政处罚法》第五十七条' }));
    await drawerShot('law-article-69');
    await closeDrawer(art69);
  }, 120_000);

  it('shows a citation the library cannot resolve, with the reason', async () => {
    await page.goto(`${server.url}/laws/view?id=${encodeURIComponent(CFL)}&el=${encodeURIComponent(`${CFL}/art61`)}`);
    const drawer = await opened(page.getByRole('dialog').filter({ hasText: '本条引用' }));
    const row = await visible(drawer.locator('.ant-list-item').filter({ hasText: '《中华人民共和国民事诉讼法》' }));
    await visible(row.getByText('未能解析'));
    await visible(row.getByText('法规库中没有《民事诉讼法》'));
    await drawer.getByText('《中华人民共和国民事诉讼法》', { exact: true }).first().hover();
    await visible(page.getByRole('tooltip').getByText('未能解析：法规库中没有《民事诉讼法》'));
    await drawerShot('law-article-unresolved');
    await closeDrawer(drawer);
  }, 120_000);

  it('searches 罚款 with the hits highlighted, by level, and a single character', async () => {
    await openMenu('法规检索');
    await visible(page.getByText('一个字也能检索'));
    await page.locator('#lawQuery').fill('罚款');
    await page.locator('#lawQuery').press('Enter');
    const summary = await visible(page.getByText(/^“罚款” 共找到 \d+ 条结果$/));
    const all = Number(/共找到 (\d+) 条/.exec((await summary.textContent()) ?? '')?.[1]);
    expect(all).toBeGreaterThan(20);
    await visible(page.locator('.ant-list-item mark', { hasText: /^罚款$/ }));
    await visible(page.locator('.ant-list-item').getByRole('link', { name: /中华人民共和国行政处罚法 第.+条/ }));
    await settled();
    await shot('laws-search');

    await choose(page.locator('#searchLevel'), /^行政法规$/);
    const narrowed = await visible(page.getByText(/^“罚款” 共找到 \d+ 条结果$/).filter({ hasNotText: `${all} 条` }));
    expect(Number(/共找到 (\d+) 条/.exec((await narrowed.textContent()) ?? '')?.[1])).toBeLessThan(all);
    for (const tag of await page.locator('.ant-list-item .ant-tag').filter({ hasText: /^(法律|行政法规|地方性法规)$/ }).allTextContents()) expect(tag).toBe('行政法规');
    const levelSelect = page.locator('.ant-select', { has: page.locator('#searchLevel') });
    await levelSelect.hover();
    await levelSelect.locator('.ant-select-clear').click();

    await page.locator('#lawQuery').fill('罚');
    await page.locator('#lawQuery').press('Enter');
    await visible(page.getByText(/^“罚” 共找到 \d+ 条结果$/));
    await visible(page.locator('.ant-list-item mark', { hasText: /^罚$/ }));
    await settled();
    await shot('laws-search-one-character');

    // A hit opens its article on the law's page.
    await page.locator('.ant-list-item').getByRole('link', { name: /第.+条$/ }).first().click();
    const drawer = await opened(page.getByRole('dialog').filter({ hasText: '被引用' }));
    await closeDrawer(drawer);
  }, 120_000);

  it('imports a new version of 律师法 with its report', async () => {
    await openMenu('法规库');
    await page.getByRole('button', { name: '导入法规' }).click();
    const dialog = await opened(page.getByRole('dialog', { name: '导入法规' }));
    await dialog.locator('input[type=file]').setInputFiles(newLawyersFile(fixtures));
    await visible(dialog.getByText('等待上传'));
    await dialog.getByRole('button', { name: '开始导入' }).click();
    await visible(dialog.getByText('已导入', { exact: true }));
    await visible(dialog.getByRole('link', { name: '中华人民共和国律师法（2024-06-01）' }));
    await visible(dialog.getByText('60 条、7 章'));
    await viewShot('laws-import');
    await dialog.locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/ }).click();
    await visible(page.locator(`.ant-table-row[data-row-key="${LAWYERS}"]`).getByText('已修改'));
    await visible(page.locator(`.ant-table-row[data-row-key="${NEW_LAWYERS}"]`).getByText('有效'));

    // The old version's page links to the new one.
    await page.locator(`.ant-table-row[data-row-key="${LAWYERS}"]`).click();
    await visible(page.getByRole('link', { name: '2024-06-01' }));
    await settled();
    await viewShot('law-page-versions');
  }, 120_000);

  it('shows an enforcement item with its bases and 裁量基准', async (ctx) => {
    if (!(await powerListServed())) ctx.skip();
    await openMenu('权责清单');
    await (await visible(page.locator('.ant-table-row').filter({ hasText: 'SF-LS-101' }))).click();
    const drawer = await opened(page.getByRole('dialog').filter({ hasText: '裁量基准' }));
    await visible(drawer.getByText('执法事项：对律师以不正当手段承揽业务的处罚'));
    await visible(drawer.getByRole('link', { name: '《中华人民共和国律师法》第四十七条第一款第（二）项' }));
    await visible(drawer.getByText('（二）以不正当手段承揽业务的；'));
    await visible(drawer.getByText(/律师有下列行为之一的.*可以处五千元以下的罚款/));
    const tier = await visible(drawer.locator('.ant-table-row').filter({ hasText: '较重' }));
    await visible(tier.getByText('3,000 至 5,000 元'));
    await visible(tier.getByText('没收违法所得', { exact: true }));
    // The 2017 text it cites has a newer version now.
    await visible(drawer.getByText(/条依据待复核/));
    await drawerShot('power-item');
    await closeDrawer(drawer);
  }, 120_000);

  it('refuses a benchmark whose fine range is upside down, in Chinese, then saves the fixed item', async (ctx) => {
    if (!(await powerListServed())) ctx.skip();
    await page.getByRole('button', { name: '新增事项' }).click();
    const dialog = await opened(page.getByRole('dialog', { name: '新增执法事项' }));
    await dialog.getByLabel('事项编码').fill('SF-XH-901');
    await dialog.getByLabel('事项名称').fill('对律师以不正当手段承揽业务的处罚（西湖区试行）');
    await choose(dialog.getByLabel('事项类别'), /^行政处罚$/);
    await choose(dialog.getByLabel('实施主体'), /^县级司法局$/, '县级');
    await choose(dialog.getByLabel('依据类型'), /^处罚依据$/);
    // A basis is searched in the library, then narrowed to the 项.
    await choose(dialog.locator('#powerItem_bases_0_elementId'), /《中华人民共和国律师法》第四十七条（有效）/, '以不正当手段承揽业务');
    await choose(dialog.getByLabel('款项'), /^第一款第（二）项/);
    await dialog.getByRole('button', { name: '添加阶次' }).click();
    await choose(dialog.locator('#powerItem_benchmarks_0_penalties'), /^罚款$/, '罚款');
    await dialog.getByLabel('罚款下限').fill('5000');
    await dialog.getByLabel('罚款上限').fill('1000');
    await dialog.getByLabel('情形').fill('初次违法，未造成危害后果');
    expect(await save(dialog)).toBe('400 POWER_ITEM_INVALID: POWER_AMOUNT_RANGE');
    await visible(dialog.getByText(/“轻微”阶次的罚款下限 5000 元大于上限 1000 元/));
    await visible(page.locator('.ant-message').getByText(/执法事项不符合规则，未保存/));
    await viewShot('power-item-invalid');

    await dialog.getByLabel('罚款下限').fill('1000');
    await dialog.getByLabel('罚款上限').fill('5000');
    expect(await save(dialog)).toBe('200');
    await visible(page.getByText('已新增执法事项 SF-XH-901'));
    const drawer = await opened(page.getByRole('dialog').filter({ hasText: '执法事项：对律师以不正当手段承揽业务的处罚（西湖区试行）' }));
    await visible(drawer.getByRole('link', { name: '《中华人民共和国律师法》第四十七条第一款第（二）项' }));
    await visible(drawer.locator('.ant-table-row').filter({ hasText: '轻微' }).getByText('1,000 至 5,000 元'));
    await drawerShot('power-item-created');
    await closeDrawer(drawer);
  }, 120_000);

  it('reviews the bases citing the old 律师法: the changed fine marked, the rest rebound in one step', async (ctx) => {
    if (!(await powerListServed())) ctx.skip();
    await page.getByRole('tab', { name: /待复核/ }).click();
    const review = await visible(page.locator('.ant-card .ant-card').filter({ hasText: 'SF-LS-101' }).filter({ hasText: '处罚依据' }));
    await visible(review.getByText('文字有修改'));
    await visible(review.locator('span', { hasText: /^五千$/ }));
    await visible(review.locator('span', { hasText: /^一万$/ }));
    await settled();
    await review.scrollIntoViewIfNeeded();
    await viewShot('power-reviews');
    await review.getByRole('button', { name: '改引新条文' }).click();
    await visible(page.getByText('SF-LS-101 已改引新版本条文'));
    await review.waitFor({ state: 'detached', ...WAIT });

    // The bases whose words did not change at all go together; SF-LS-106 cites a 项 of the same 款, whose fine changed.
    const batch = await visible(page.getByRole('button', { name: /^文字未变的 \d+ 条一键改引$/ }));
    await batch.click();
    await page.locator('.ant-popover').getByRole('button', { name: /改\s*引/ }).click();
    await visible(page.getByText(/^已将 \d+ 条文字未变的依据改引新版本$/));
    const left = await visible(page.locator('.ant-card .ant-card').filter({ hasText: 'SF-LS-106' }));
    await visible(left.getByText('文字有修改'));
    await batch.waitFor({ state: 'detached', ...WAIT });
    expect(await page.locator('.ant-card .ant-card').count()).toBe(1);
    await settled();
    await viewShot('power-reviews-after');
  }, 120_000);

  it('lists the items based on an article beside it', async (ctx) => {
    if (!(await powerListServed())) ctx.skip();
    await page.goto(`${server.url}/laws/view?id=${encodeURIComponent(NEW_LAWYERS)}&el=${encodeURIComponent(`${NEW_LAWYERS}/art47`)}`);
    const drawer = await opened(page.getByRole('dialog').filter({ hasText: '执法事项' }));
    const item = await visible(drawer.locator('.ant-list-item').filter({ hasText: 'SF-LS-101' }));
    await visible(item.getByText('处罚依据：第四十七条第一款第（二）项'));
    await visible(drawer.locator('.ant-list-item').filter({ hasText: 'SF-XH-901' }));
    await drawerShot('law-article-power-items');
    await item.getByRole('link', { name: '对律师以不正当手段承揽业务的处罚' }).click();
    await opened(page.getByRole('dialog').filter({ hasText: '裁量基准' }).getByText('执法事项：对律师以不正当手段承揽业务的处罚'));
  }, 120_000);

  it('shows the provincial leader the library and the list read-only', async (ctx) => {
    await signIn('zj_leader');
    await openMenu('法规库');
    await visible(page.locator(`.ant-table-row[data-row-key="${CFL}"]`));
    expect(await page.getByRole('button', { name: '导入法规' }).count()).toBe(0);
    if (!(await powerListServed())) ctx.skip();
    await openMenu('权责清单');
    await (await visible(page.locator('.ant-table-row').filter({ hasText: 'SF-LS-101' }))).click();
    const drawer = await opened(page.getByRole('dialog').filter({ hasText: '裁量基准' }));
    expect(await drawer.getByRole('button', { name: /编\s*辑/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '新增事项' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: '导入' }).count()).toBe(0);
    await closeDrawer(drawer);
    await page.getByRole('tab', { name: /待复核/ }).click();
    await visible(page.locator('.ant-card .ant-card').filter({ hasText: 'SF-LS-106' }));
    expect(await page.getByRole('button', { name: '改引新条文' }).count()).toBe(0);
  }, 120_000);
});
