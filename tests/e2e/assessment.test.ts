/**
 * The indicator system and the quarterly assessment in a real browser: Debian's Chromium on the H5 build, served by
 * a local cloud running the real cloud functions (indicators, applications, assessment, dossier, park). A cadre
 * applies for an indicator that their section head and then the admin approve, and finds it in their checklist; a
 * leader reads last quarter's ranking and a cadre's breakdown; the admin breaks a weight group and is refused; a
 * section head evaluates a staff member; a leader draws spot-check targets from a recorded seed.
 * Screenshots are kept in artifacts/.
 */
import type { Browser } from 'playwright-core';
import { demoOpenid } from '../../demo/park';
import { drawNumbered, seedFingerprint } from '../../shared/assessment/draw';
import { dayjs, quarterOf, quarterRange } from '../../shared/common/time';
import type { ChecklistDoc } from '../../shared/indicators/checklist';
import type { TreeNodeDoc } from '../../shared/indicators/indicator';
import type { MemberDoc } from '../../shared/members/member';
import { expectText, shot, signInAs, browserSuite } from '../support/browser';
import { type TestCloud } from '../support/cloud';

let t: TestCloud;
let browser: Browser;

browserSuite((cloud, b) => {
  t = cloud;
  browser = b;
});

const find = async <T>(coll: string, q: object) => (await t.cloud.store.find(coll, q)) as T[];
const ADMIN = 'M002';
const LEADER = 'M001';
const current = quarterOf(Date.now());
const previous = quarterOf(dayjs(quarterRange(current).first).subtract(1, 'day').valueOf());

const signIn = (memberId: string, home?: string) => signInAs(browser, t.cloud.url, demoOpenid(memberId), home);

async function member(name: string): Promise<MemberDoc> {
  const [m] = await find<MemberDoc>('members', { name });
  if (!m) throw new Error(`demo data lacks ${name}`);
  return m;
}

async function headOf(m: MemberDoc): Promise<MemberDoc> {
  const [head] = await find<MemberDoc>('members', { sectionId: m.sectionId, roles: 'sectionHead' });
  if (!head) throw new Error('no section head');
  return head;
}

describe('a cadre applies for a new indicator', () => {
  it('passes the section head and the admin (weight 10) and lands in the cadre’s checklist', async () => {
    const hu = await member('胡广初');
    const head = await headOf(hu);
    const NAME = '协助企业申报省级专精特新';

    const cadre = await signIn(hu._id, '#dossier-page');
    await cadre.locator('#assess-entry-checklist').click();
    await cadre.locator('#checklist-items').waitFor();
    await cadre.locator('#checklist-apply').click();
    await cadre.locator('#apply-submit').click();
    // Checked on the phone with the server's own schema before anything is sent.
    await expectText(cadre.locator('#apply-error-name'), '名称至少2个字');
    await cadre.locator('#apply-name input').fill(NAME);
    await cadre.locator('#apply-target input').fill('3');
    await cadre.locator('#apply-unit input').fill('家');
    await cadre.locator('#apply-reason textarea').fill('本岗位负责科技型企业培育，今年重点推动三家企业申报');
    await shot(cadre, 'assess-01-apply');
    await cadre.locator('#apply-submit').click();
    await expectText(cadre.locator('#apply-list'), NAME);
    await expectText(cadre.locator('#apply-list'), '待股室负责人审核');
    const [app] = await find<{ _id: string }>('applications', { name: NAME });
    if (!app) throw new Error('application not stored');

    const headPage = await signIn(head._id, '#staff-page');
    await headPage.locator('#assess-entry-review').click();
    await headPage.locator(`#review-${app._id}`).waitFor();
    // Rejecting needs a reason: refused on the phone.
    await headPage.locator(`#review-${app._id}-reject`).click();
    await expectText(headPage.locator(`#review-${app._id}-error`), '驳回请填写理由');
    await headPage.locator(`#review-${app._id}-reason textarea`).fill('符合岗位职责，同意');
    await shot(headPage, 'assess-02-head-review');
    await headPage.locator(`#review-${app._id}-approve`).click();
    await expectText(headPage.locator(`#review-${app._id}-done`), '待组织员审核');

    const admin = await signIn(ADMIN, '#roster-page');
    await admin.locator('#assess-entry-review').click();
    await admin.locator(`#review-${app._id}-weight`).waitFor();
    expect(await admin.locator(`#review-${app._id}-weight input`).inputValue()).toBe('10');
    await shot(admin, 'assess-03-admin-review');
    await admin.locator(`#review-${app._id}-approve`).click();
    await expectText(admin.locator(`#review-${app._id}-done`), '已通过');

    await cadre.goto(`${t.cloud.url}/#/indicators/checklist/index`);
    const item = cadre.locator('#checklist-items .cell').filter({ hasText: NAME });
    await item.waitFor({ timeout: 15_000 });
    await expectText(item, '权重 10');
    await expectText(item, '个性');
    await expectText(cadre.locator('#checklist-total'), '权重合计 100');
    await shot(cadre, 'assess-04-checklist');
    await cadre.goto(`${t.cloud.url}/#/applications/apply/index`);
    await expectText(cadre.locator('#apply-list'), '已通过');
    await expectText(cadre.locator('#apply-list'), '组织员同意');
  });
});

describe('a leader reads last quarter’s ranking', () => {
  it('shows cadres and sections, and a cadre’s breakdown with each item’s why', async () => {
    const leader = await signIn(LEADER, '#staff-page');
    await leader.locator('#assess-entry-ranking').click();
    await leader.locator(`#rank-quarter-${previous}`).click();
    await leader.locator('#rank-members').waitFor({ timeout: 15_000 });
    const rows = leader.locator('#rank-members .rank-row');
    expect(await rows.count()).toBeGreaterThan(10);
    await shot(leader, 'assess-05-ranking');
    await leader.locator('#rank-tab-sections').click();
    await leader.locator('#rank-sections .rank-row').first().waitFor();
    await shot(leader, 'assess-06-ranking-sections');
    await leader.locator('#rank-tab-members').click();

    const first = rows.first();
    const id = (await first.getAttribute('id'))?.replace('rank-m-', '') ?? '';
    const name = (await first.locator('.cell-title').innerText()).trim();
    await first.click();
    await expectText(leader.locator('#result-card'), name);
    await expectText(leader.locator('#result-rank'), /排名 1 \/ \d+/);
    const why = leader.locator('#result-items .why');
    await why.first().waitFor();
    expect(await why.count()).toBeGreaterThan(3);
    const texts = await why.allInnerTexts();
    expect(texts.some((x) => /得[\d.]+分/.test(x))).toBe(true);
    await expectText(leader.locator('#result-staff'), '30%');
    await shot(leader, 'assess-07-breakdown');
    expect(id).toMatch(/^M\d+$/);
  });
});

describe('the admin edits the indicator tree', () => {
  it('refuses weights that no longer add up to 100, and writes nothing', async () => {
    const admin = await signIn(ADMIN, '#roster-page');
    await admin.locator('#assess-entry-tree').click();
    const g1 = admin.locator('#w-G1 input');
    await g1.waitFor({ timeout: 15_000 });
    expect(await g1.inputValue()).toBe('40');
    await g1.fill('35');
    // Marked at once on the phone…
    await expectText(admin.locator('#problem-G1'), '权重合计 95，应为 100');
    await admin.locator('#tree-save').click();
    // …and refused by the server, with its reason.
    await expectText(admin.locator('#tree-error'), '园区目标权重合计 95，应为 100');
    await shot(admin, 'assess-08-tree-refused');
    const [g] = await find<TreeNodeDoc>('treeNodes', { _id: 'G1' });
    expect(g?.weight).toBe(40);

    // Moving 5 from one goal to another keeps the group whole: saved.
    await admin.locator('#w-G2 input').fill('30');
    await admin.locator('#tree-save').click();
    await admin.waitForFunction(() => !document.querySelector('#tree-problems'), undefined, { timeout: 15_000 });
    // The marks clear on the phone at once; the save lands a moment later.
    const weightOf = async (id: string) => (await find<TreeNodeDoc>('treeNodes', { _id: id }))[0]?.weight;
    for (let i = 0; i < 100 && (await weightOf('G1')) !== 35; i += 1) await admin.waitForTimeout(100);
    const saved = await find<TreeNodeDoc>('treeNodes', { level: 'goal' });
    expect(saved.find((x) => x._id === 'G1')?.weight).toBe(35);
    expect(saved.find((x) => x._id === 'G2')?.weight).toBe(30);
  });
});

describe('a section head evaluates a staff member (考人)', () => {
  it('lists only their non-head staff, grades each qualitative item, enters actuals; marked 已评 and shown again', async () => {
    const hu = await member('胡广初');
    const head = await headOf(hu);
    const page = await signIn(head._id, '#staff-page');
    await page.locator('#assess-entry-evaluate').click();
    await page.locator(`#ev-staff-${hu._id}`).waitFor({ timeout: 15_000 });

    // Only the section's staff the head may evaluate: not themself, not another head.
    const section = await find<MemberDoc>('members', { sectionId: hu.sectionId, active: true });
    const expected = section.filter((m) => m.roles.includes('cadre') && !m.roles.includes('sectionHead')).map((m) => m._id);
    const rowIds = async () =>
      (await page.locator('#assess-staff-list .cell').evaluateAll((els) => els.map((e) => e.id))).map((id) => id.replace('ev-staff-', ''));
    expect((await rowIds()).sort()).toEqual([...expected].sort());
    expect(await rowIds()).not.toContain(head._id);
    const evaluatedBefore = (await find<{ memberId: string }>('staffEvaluations', { periodId: current })).filter((e) =>
      expected.includes(e.memberId),
    );
    expect(evaluatedBefore.map((e) => e.memberId)).not.toContain(hu._id);
    await expectText(page.locator(`#ev-staff-${hu._id}-mark`), '未评');
    await expectText(page.locator('#assess-staff-count'), `已评 ${evaluatedBefore.length} / ${expected.length}`);

    await page.locator(`#ev-staff-${hu._id}`).click();
    await page.locator('#es-title').waitFor({ timeout: 15_000 });
    await page.locator('#es-submit').click();
    await expectText(page.locator('#es-error-score'), '0到100');

    const [cl] = await find<ChecklistDoc>('checklists', { _id: `${current}_${hu._id}` });
    if (!cl) throw new Error('no checklist this quarter');
    await page.locator('#es-score input').fill('88');
    for (const i of cl.items) {
      if (i.kind === 'qualitative') await page.locator(`#es-grade-${i.nodeId}-B`).click();
      else if (!i.metric) await page.locator(`#es-actual-${i.nodeId} input`).fill(String(i.target ?? 1));
    }
    await shot(page, 'assess-09-evaluate-staff');
    await page.locator('#es-submit').click();
    await page.locator('#es-done').waitFor({ timeout: 15_000 });
    const [ev] = await find<{ score: number; grades: Record<string, string> }>('staffEvaluations', { _id: `${current}_${hu._id}` });
    expect(ev?.score).toBe(88);
    expect(Object.keys(ev?.grades ?? {}).length).toBe(cl.items.filter((i) => i.kind === 'qualitative').length);

    // Back on the list: marked 已评, counted.
    await page.goto(`${t.cloud.url}/#/assessment/staff/index`);
    await expectText(page.locator(`#ev-staff-${hu._id}-mark`), '已评');
    await expectText(page.locator('#assess-staff-count'), `已评 ${evaluatedBefore.length + 1} / ${expected.length}`);
    await shot(page, 'assess-09b-staff-evaluated');

    // Reopened, the form shows what was saved, to be changed.
    await page.locator(`#ev-staff-${hu._id}`).click();
    await expectText(page.locator('#es-prefilled'), '已保存，可修改');
    expect(await page.locator('#es-score input').inputValue()).toBe('88');
    const firstQualitative = cl.items.find((i) => i.kind === 'qualitative');
    if (firstQualitative) expect(await page.locator(`#es-grade-${firstQualitative.nodeId}-B`).getAttribute('class')).toContain('seg-on');
    await expectText(page.locator('#es-submit'), '重新提交');
  });
});

describe('a leader draws spot-check targets (不定期抽查)', () => {
  it('shows the quarter’s seed fingerprint, numbers each draw, and checks last quarter’s draws from its revealed seed', async () => {
    // last quarter (closed in the demo park): two draws were made from its committed seed, now revealed
    const prev = quarterOf(dayjs().subtract(3, 'month').valueOf());
    const seed = 'c0ffee'.repeat(10) + 'beef';
    const candidates = (await find<MemberDoc>('members', { roles: 'cadre', active: true })).map((m) => m._id).sort();
    const at = dayjs().subtract(100, 'day').valueOf();
    t.cloud.store.insertMany('spotSeeds', [{ _id: prev, seed, seedHash: seedFingerprint(seed), committedAt: at, draws: 2 }]);
    t.cloud.store.insertMany(
      'spotDraws',
      [1, 2].map((n) => ({
        _id: `DRAW-${prev}-${n}`,
        periodId: prev,
        n,
        pool: 'member',
        candidates,
        count: 2,
        picked: drawNumbered(seed, prev, n, candidates, 2),
        by: LEADER,
        at,
      })),
    );

    const page = await signIn(LEADER, '#staff-page');
    await page.locator('#assess-entry-spot').click();
    await expectText(page.locator(`#spot-commitment-${quarterOf(Date.now())}`), /指纹（SHA-256）[0-9a-f]{16}…/);
    await expectText(page.locator(`#spot-commitment-${quarterOf(Date.now())}`), '季度结束后公开种子');
    await expectText(page.locator(`#spot-verify-${prev}`), '已用公开的种子复算全部 2 次抽取：结果一致 ✓');
    await expectText(page.locator(`#spot-commitment-${prev}`), `种子已公开：${seed}`);

    await page.locator('#spot-pool-section').click();
    await page.locator('#spot-count input').fill('2');
    await page.locator('#spot-draw').click();
    await expectText(page.locator('#spot-drawn'), '本季度第 1 次抽取（从 12 个股室中抽 2 个');
    const picked = await page.locator('#spot-picked .cell-bd').allInnerTexts();
    expect(picked).toHaveLength(2);
    // drawing again is a new, numbered draw, and both stay on the record
    await page.locator('#spot-draw').click();
    await expectText(page.locator('#spot-drawn'), '本季度第 2 次抽取');
    await expectText(page.locator(`#spot-log-${quarterOf(Date.now())}`), '第2次');
    await expectText(page.locator(`#spot-log-${quarterOf(Date.now())}`), '第1次');

    await page.locator('#spot-picked .cell').first().click();
    await page.locator('#spot-findings textarea').fill('台账不全，走访记录缺少照片');
    await page.locator('#spot-deduction input').fill('2');
    await page.locator('#spot-submit').click();
    await expectText(page.locator('#spot-recorded'), '扣 2 分');
    await shot(page, 'assess-10-spot');
    const checks = await find<{ deduction: number; drawId: string | null }>('spotChecks', {});
    expect(checks.some((c) => c.deduction === 2 && c.drawId)).toBe(true);
  });
});

describe('the other pages open with real data', () => {
  it('cadre: record, projects, summary, result; leader: 考事; admin: library with history, period', async () => {
    const hu = await member('胡广初');
    const cadre = await signIn(hu._id, '#dossier-page');
    await cadre.locator('#assess-entry-record').click();
    await cadre.locator('#record-projects-link').click();
    const claim = cadre.locator('#projects-list .btn').first();
    await claim.waitFor({ timeout: 15_000 });
    await claim.click();
    await expectText(cadre.locator('#projects-list'), '取消认领');
    await cadre.goto(`${t.cloud.url}/#/dossier/summary/index`);
    await cadre.locator('#summary-text textarea').fill('太短');
    await cadre.locator('#summary-save').click();
    await expectText(cadre.locator('#summary-error'), '至少10个字');
    await cadre.locator('#summary-text textarea').fill('本季度走访企业二十余家，协调解决用工和用地诉求，推进两个项目开工。');
    await cadre.locator('#summary-save').click();
    await cadre.locator('#summary-updated').waitFor({ timeout: 15_000 });
    await cadre.goto(`${t.cloud.url}/#/assessment/result/index`);
    // This quarter is still open: the last closed one is shown, saying so.
    await expectText(cadre.locator('#result-note'), '尚未结束');
    await expectText(cadre.locator('#result-card'), hu.name);

    const leader = await signIn(LEADER, '#staff-page');
    await leader.locator('#assess-entry-section').click();
    await leader.locator('#sec-list input').first().fill('92');
    await leader.locator('#secs-submit').click();
    await expectText(leader.locator('#sec-list'), '已保存 92');
    // Reopened: the score given is filled in.
    await leader.goto(`${t.cloud.url}/#/assessment/evaluate-section/index`);
    await expectText(leader.locator('#secs-prefilled'), '已保存，可修改');
    expect(await leader.locator('#sec-list input').first().inputValue()).toBe('92');

    const admin = await signIn(ADMIN, '#roster-page');
    await admin.locator('#assess-entry-library').click();
    await admin.locator('#ind-IND-ES-01').click();
    await expectText(admin.locator('#edit-version-note'), '已关闭的季度不受影响');
    await admin.locator('#edit-rule-tiers').click();
    await admin.locator('#edit-save').click();
    await expectText(admin.locator('#edit-error-rule'), '计分规则');
    await admin.locator('#edit-tier-0-atLeast input').fill('30');
    await admin.locator('#edit-tier-0-points input').fill('100');
    await admin.locator('#edit-save').click();
    await expectText(admin.locator('#ind-IND-ES-01-version'), 'v2');
    await admin.locator('#ind-IND-ES-01').click();
    await admin.locator('#history-v1').waitFor({ timeout: 15_000 });
    await shot(admin, 'assess-11-library-history');
    await admin.goto(`${t.cloud.url}/#/assessment/period/index`);
    await expectText(admin.locator('#period-staff-count'), /\d+ \/ \d+ 人/);
    await admin.locator('#period-close').waitFor();
    expect(await admin.locator('#period-open').count()).toBe(0);
    // Next quarter: nobody opened it yet.
    await admin.locator(`#period-quarter-${quarterOf(dayjs(quarterRange(current).last).add(1, 'day').valueOf())}`).click();
    await expectText(admin.locator('#period-status'), '未开启');
    await admin.locator('#period-open').waitFor();
    expect(await admin.locator('#period-staff-count').count()).toBe(0);
    await admin.locator(`#period-quarter-${previous}`).click();
    await expectText(admin.locator('#period-status'), '已结束');
    await shot(admin, 'assess-12-period');
  });
});
