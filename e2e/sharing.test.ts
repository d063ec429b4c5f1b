/**
 * 共享交换 in real Chromium against an in-process server with a fresh embedded database: as a
 * district clerk (xihu_staff), the catalog and the lawyer resource with its fields, registering an
 * HMAC consumer (its secret shown once, behind a "saved it" tick), and a demand for lawyer data
 * (an empty one first: the errors in Chinese); then, as the provincial leader (zj_leader) whose
 * department owns the catalog, approving it; and the grant it became, seen from both sides. Last,
 * the court's system calls the gateway with the secret it was shown (RFC 9421, HMAC), and the
 * calls appear in 调用统计 and, for the lawyer looked up, in 数据主体查询.
 * Screenshots go to e2e/screenshots/ (git-ignored) for people to look at.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { sql } from 'kysely';
import { type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, consoleSteps, openConsole, WAIT, type Console } from './browser.ts';
import { signRequest } from '../server/src/modules/sharing/signatures/sign.ts';

const CONSUMER = { name: '西湖区人民法院审判系统', agency: '杭州市西湖区人民法院' };
const PURPOSE = '核实诉讼代理人的律师执业身份';

describe.skipIf(!fs.existsSync(CHROMIUM))('共享交换 in Chromium (needs /usr/bin/chromium)', () => {
  let server: Console;
  let page: Page;
  const { shot, visible, settled, signIn, openMenu, opened } = consoleSteps(() => server);
  let secret = '';
  let keyId = '';
  let requestId = 0;
  let grantId = 0;

  /** A modal dialog by its title, once open. */
  const dialog = (title: string): Promise<Locator> => opened(page.getByRole('dialog', { name: title }));

  /** Ticks the checkbox of a field by its 数据元 name (a masked one carries a 脱敏 tag after it). */
  const tick = (scope: Locator, field: string): Promise<void> => scope.locator('.ant-checkbox-wrapper').filter({ hasText: new RegExp(`^${field}(脱敏)?$`) }).click();

  beforeAll(async () => {
    server = await openConsole();
    ({ page } = server);
  }, 300_000);

  afterAll(async () => {
    await server?.close();
  });

  it('shows xihu_staff the catalog and the lawyer resource with its fields', async () => {
    await signIn('xihu_staff');
    await openMenu('资源目录');
    const row = await visible(page.locator('.ant-table-row[data-row-key="lawyer"]'));
    await visible(row.getByText('有条件共享'));
    await visible(row.getByText(/执业证号/).first());
    await settled();
    await shot('sharing-catalog');

    // The province owns the catalog, so its leader approves demands for it. Where an installation
    // left the owner empty, the clerk (sharing:manage) sets it, as an administrator would.
    const province = (await server.tp.identity.orgs.listAllForOperator()).find((o) => o.regionCode === '330000' && o.type === 'province_dept');
    expect(province).toBeDefined();
    const lawyer = await server.tp.sharing.resources.get('lawyer');
    if (lawyer.owner_org_id !== province?.id) {
      const current = (await (await page.request.get(`${server.url}/api/v1/sharing/resources/lawyer`)).json()) as Record<string, unknown>;
      const { code: _c, fields, updatedAt: _u, ...rest } = current as { code: string; fields: { id: string }[]; updatedAt: string };
      const res = await page.request.put(`${server.url}/api/v1/sharing/resources/lawyer`, { data: { ...rest, fields: fields.map((f) => f.id), ownerOrgId: province?.id } });
      expect(res.status()).toBe(200);
    }

    await row.click();
    const drawer = await opened(page.getByRole('dialog').filter({ hasText: '共享资源：律师信息' }));
    await visible(drawer.getByText('执业证号', { exact: true }));
    await visible(drawer.getByText('公民身份号码', { exact: true }));
    await visible(drawer.getByText('脱敏', { exact: true }).first());
    await visible(drawer.getByText('个人信息保护法', { exact: false }).first());
    await page.setViewportSize({ width: 1440, height: 1200 }); // the whole drawer in the screenshot
    await shot('sharing-resource');
    await page.setViewportSize({ width: 1440, height: 900 });
    await drawer.locator('.ant-drawer-close').click();
    await page.locator('.ant-drawer-mask').first().waitFor({ state: 'hidden', ...WAIT });
  }, 120_000);

  it('registers an HMAC consumer and shows its secret once', async () => {
    await openMenu('调用方');
    await page.getByRole('button', { name: '登记调用方' }).click();
    let modal = await dialog('登记调用方');
    await modal.getByRole('button', { name: /登\s*记/ }).click();
    await visible(modal.getByText('请输入调用方名称'));
    await modal.getByLabel('调用方名称').fill(CONSUMER.name);
    await modal.getByLabel('使用部门').fill(CONSUMER.agency);
    await visible(modal.getByText('杭州市西湖区司法局', { exact: true })); // 对接单位: the clerk's own, to start with
    await modal.getByText('请输入调用方名称').waitFor({ state: 'detached', ...WAIT });
    await shot('sharing-consumer-form');
    await modal.getByRole('button', { name: /登\s*记/ }).click();

    modal = await dialog(`调用方已登记：${CONSUMER.name}`);
    await visible(modal.getByText('密钥只显示这一次'));
    secret = ((await (await visible(modal.getByTestId('consumer-secret'))).textContent()) ?? '').trim();
    keyId = ((await modal.getByTestId('consumer-key-id').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const done = modal.getByRole('button', { name: /完\s*成/ });
    expect(await done.isDisabled()).toBe(true);
    await modal.getByText('我已复制并妥善保存密钥').click();
    await shot('sharing-consumer-secret');
    await done.click();
    await modal.waitFor({ state: 'hidden', ...WAIT });

    // Listed with its key id; the secret is nowhere on the page any more, nor in the API.
    const row = await visible(page.locator('.ant-table-row').filter({ hasText: CONSUMER.name }));
    await visible(row.getByText('HMAC-SHA256'));
    await visible(row.getByText('启用'));
    expect(await page.getByText(secret).count()).toBe(0);
    const listed = await (await page.request.get(`${server.url}/api/v1/sharing/consumers`)).text();
    expect(listed).not.toContain(secret);
    await settled();
    await shot('sharing-consumers');
  }, 120_000);

  it('makes a demand for lawyer data, with the errors in Chinese first', async () => {
    await openMenu('资源目录');
    await (await visible(page.locator('.ant-table-row[data-row-key="lawyer"]'))).click();
    await (await visible(page.getByRole('button', { name: '申请使用' }))).click();
    const modal = await dialog('提出共享申请');
    // The clerk's only consumer is chosen already, and the lawyer resource.
    await visible(modal.locator('.ant-select').getByText(`${CONSUMER.name}（HMAC-SHA256）`));
    await visible(modal.getByText(/有条件共享：由提供单位（.+）在 10 个工作日内审批/));
    await modal.getByRole('button', { name: /提交申请/ }).click();
    await visible(modal.getByText('请至少选择一个信息项'));
    await visible(modal.getByText('请写明用途'));
    await visible(modal.getByText('请写明法律依据（履行哪项法定职责）'));
    await shot('sharing-demand-errors');

    for (const field of ['姓名', '执业证号', '机构名称', '执业状态', '公民身份号码']) await tick(modal, field);
    await modal.getByLabel('用途').fill(PURPOSE);
    await modal.getByLabel('法律依据').fill('民事诉讼法 第六十一条；律师法 第二条');
    await shot('sharing-demand');
    await modal.getByRole('button', { name: /提交申请/ }).click();
    const notice = await visible(page.getByText(/申请 #\d+ 已提交，等待提供单位审批/));
    requestId = Number(/#(\d+)/.exec((await notice.textContent()) ?? '')?.[1]);
    expect(requestId).toBeGreaterThan(0);
    await modal.waitFor({ state: 'hidden', ...WAIT });

    await openMenu('共享申请');
    const row = await visible(page.locator(`.ant-table-row[data-row-key="${requestId}"]`));
    await visible(row.getByText('待审批'));
    await visible(row.getByText(PURPOSE));
    await visible(row.getByText(/公民身份号码（脱敏）/));
    // The province's resource: nothing for the district to approve.
    await page.getByRole('tab', { name: /待我审批/ }).click();
    await visible(page.getByText('没有申请本单位资源的共享申请'));
    await page.getByRole('tab', { name: /我的申请/ }).click();
    await settled();
    await shot('sharing-requests-mine');
  }, 120_000);

  it('lets zj_leader approve it: a grant with the ID number in plain', async () => {
    await signIn('zj_leader');
    await openMenu('共享申请');
    // A leader approves (and asks for nothing): the approvals tab comes first, with the due date.
    await visible(page.getByRole('tab', { name: /待我审批/, selected: true }));
    const row = await visible(page.locator(`.ant-table-row[data-row-key="${requestId}"]`));
    await visible(row.getByText(CONSUMER.name));
    await settled();
    await shot('sharing-approvals');

    await row.getByRole('button', { name: /审\s*批/ }).click();
    const modal = await dialog(`审批共享申请 #${requestId}`);
    await visible(modal.getByText(PURPOSE));
    await modal.getByText('驳回', { exact: true }).click();
    await modal.getByRole('button', { name: /驳\s*回/ }).click();
    await visible(modal.getByText('驳回须写明理由'));
    await modal.getByText('通过（生成授权）').click();
    await tick(modal, '公民身份号码');
    await modal.getByLabel('审批意见').fill('同意，用于诉讼代理人身份核实');
    await page.waitForTimeout(300);
    await shot('sharing-decision');
    await modal.getByRole('button', { name: /通过并授权/ }).click();
    const notice = await visible(page.getByText(new RegExp(`已通过申请 #${requestId}，生成授权 #\\d+`)));
    grantId = Number(/授权 #(\d+)/.exec((await notice.textContent()) ?? '')?.[1]);
    expect(grantId).toBeGreaterThan(0);
    await visible(row.getByText('已通过'));
    await visible(row.getByText(`授权 #${grantId}`));
  }, 120_000);

  it('shows the grant to the approver and to the clerk', async () => {
    await openMenu('授权');
    let row = await visible(page.locator(`.ant-table-row[data-row-key="${grantId}"]`));
    await visible(row.getByText(`申请 #${requestId} 通过`));
    await visible(row.getByText(/公民身份号码（明文）/));
    await visible(row.getByText('有效'));
    await visible(row.getByRole('button', { name: /撤\s*销/ }));
    await settled();
    await shot('sharing-grants');

    await signIn('xihu_staff');
    await openMenu('授权');
    row = await visible(page.locator(`.ant-table-row[data-row-key="${grantId}"]`));
    await visible(row.getByText(CONSUMER.name));
    await settled();
    await shot('sharing-grants-clerk');
    const grant = (await server.tp.sharing.grants.listGrants(null, {})).find((g) => g.id === grantId);
    expect(grant).toMatchObject({ fields: ['name', 'idNumber', 'licenceNo', 'firmName', 'practiceStatus'], plain_fields: ['idNumber'], request_id: requestId });
  }, 120_000);

  it('counts the calls made with the secret, and tells a person who looked them up', async () => {
    const { tp } = server;
    const lawyer = (await sql<{ data: { idNumber: string; licenceNo: string } }>`
      select data from agg_records where library_id = 'lawyer' and data ->> 'idNumber' is not null order by business_key limit 1`.execute(tp.database.db)).rows[0]?.data;
    expect(lawyer).toBeDefined();
    const host = 'share.tianping.test';
    const call = async (query: string, nonce = crypto.randomBytes(12).toString('base64url')) => {
      const url = `/api/v1/share/lawyer?${query}`;
      const headers: Record<string, string> = { host, 'tp-purpose': encodeURIComponent(PURPOSE) };
      const sig = signRequest({ method: 'GET', url: `http://${host}${url}`, headers }, { key: { alg: 'hmac-sha256', secret: Buffer.from(secret, 'utf8') }, keyId, nonce });
      return tp.app.inject({ method: 'GET', url, headers: { ...headers, ...sig } });
    };
    const first = await call(`idNumber=${lawyer?.idNumber}`);
    expect(first.statusCode).toBe(200);
    // Plain, as approved; only the granted fields.
    expect(first.json()).toMatchObject({ data: [{ idNumber: lawyer?.idNumber, licenceNo: lawyer?.licenceNo }] });
    expect((await call(`licenceNo=${lawyer?.licenceNo}`)).statusCode).toBe(200);
    const nonce = crypto.randomBytes(12).toString('base64url');
    expect((await call(`licenceNo=${lawyer?.licenceNo}`, nonce)).statusCode).toBe(200);
    expect((await call(`licenceNo=${lawyer?.licenceNo}`, nonce)).statusCode).toBe(401); // a replay

    await openMenu('调用统计');
    await visible(page.locator('.ant-statistic').filter({ hasText: '调用次数' }).getByText('4', { exact: true }));
    await visible(page.locator('.ant-statistic').filter({ hasText: '拒绝' }).getByText('1', { exact: true }));
    await visible(page.getByRole('img', { name: '每日调用次数' }));
    await visible(page.locator('.ant-table-row').filter({ hasText: CONSUMER.name }));
    await settled();
    await page.waitForTimeout(1200); // ECharts' entry animation, for the screenshot
    await shot('sharing-stats');
    await page.getByRole('tab', { name: '按资源' }).click();
    await visible(page.locator('.ant-table-row').filter({ hasText: '律师信息' }));

    await openMenu('数据主体查询');
    await page.getByLabel('公民身份号码').fill('3301061980');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await visible(page.getByText('应为 18 位（末位可为 X）或 15 位数字'));
    await page.getByLabel('公民身份号码').fill(lawyer?.idNumber ?? '');
    await page.getByRole('button', { name: /查\s*询/ }).click();
    // The lookups by licence number found this person too: every lookup that touched them is listed.
    await visible(page.getByText(/该人的数据共被查询或核验 \d+ 次/));
    const rows = page.locator('.ant-table-row').filter({ hasText: CONSUMER.name });
    await visible(rows.first().getByText(PURPOSE));
    expect(await rows.count()).toBeGreaterThanOrEqual(1);
    await settled();
    await shot('sharing-subject-log');
  }, 120_000);
});
