/**
 * Building the decomposition tree (指标分解) in a real browser: Chromium on the H5 build, the demo park behind it. The
 * 组织员 adds a park goal — refused on the phone, under the row and for the group, until the weights add up to 100 —
 * then puts a new indicator of the library into a section's group under that goal, picked from the wheels. Each save
 * is one weight group, whole. Screenshots are kept in artifacts/.
 */
import type { Browser } from 'playwright-core';
import { demoOpenid } from '../../demo/park';
import type { IndicatorDoc, TreeNodeDoc } from '../../shared/indicators/indicator';
import type { SectionDoc } from '../../shared/park/park';
import { browserSuite, eventually, expectText, pickOption, shot, signInAs } from '../support/browser';
import { type TestCloud } from '../support/cloud';

let t: TestCloud;
let browser: Browser;

browserSuite((cloud, b) => {
  t = cloud;
  browser = b;
});

const find = <T>(coll: string, q: object = {}) => t.cloud.store.find(coll, q) as unknown as T[];
const ADMIN = 'M002';
const GOAL = '安全生产零事故';

describe('the admin builds the tree a group at a time', () => {
  it('adds a park goal: refused on the phone until the goals add up to 100, then saved whole', async () => {
    const admin = await signInAs(browser, t.cloud.url, demoOpenid(ADMIN), '#roster-page');
    await admin.locator('#assess-entry-tree').click();
    await admin.locator('#tree-edit-goal').waitFor({ timeout: 15_000 });
    await expectText(admin.locator('#tree-note'), '已开启季度的考核清单保持开启时的内容');
    await admin.locator('#tree-edit-goal').click();
    await expectText(admin.locator('#ge-title'), '园区目标');
    const goals = find<TreeNodeDoc>('treeNodes', { level: 'goal' }).sort((a, b) => a.order - b.order);
    const n = goals.length;
    expect(await admin.locator(`#ge-row-${n - 1}`).count()).toBe(1);
    await admin.locator('#ge-add').click();
    await admin.locator(`#ge-row-${n}`).waitFor();

    // nothing typed yet: the row says what it lacks
    await admin.locator('#ge-save').click();
    await expectText(admin.locator(`#ge-row-${n}-error`), `第${n + 1}项：请填写权重`);
    await admin.locator(`#ge-row-${n}-weight input`).fill('10');
    await admin.locator('#ge-save').click();
    await expectText(admin.locator(`#ge-row-${n}-error`), `第${n + 1}项：请填写目标名称（至少2个字）`);
    await admin.locator(`#ge-row-${n}-label input`).fill(GOAL);
    // 40 + 25 + 20 + 15 + 10 = 110
    await expectText(admin.locator('#ge-sum'), '110 / 100');
    await admin.locator('#ge-save').click();
    await expectText(admin.locator('#ge-error'), '园区目标权重合计 110，应为 100');
    await shot(admin, 'tree-01-goal-refused');
    expect(find<TreeNodeDoc>('treeNodes', { level: 'goal' })).toHaveLength(n);

    const first = goals[0] as TreeNodeDoc;
    await admin.locator('#ge-row-0-weight input').fill(String(first.weight - 10));
    await expectText(admin.locator('#ge-sum'), '100 / 100');
    await admin.locator('#ge-save').click();
    await admin.locator('#tree-page').waitFor({ timeout: 15_000 });
    await eventually(() => find<TreeNodeDoc>('treeNodes', { level: 'goal' }).length === n + 1);
    expect(find<TreeNodeDoc>('treeNodes', { level: 'goal', label: GOAL })).toEqual([expect.objectContaining({ weight: 10, parentId: null })]);
    expect(find<TreeNodeDoc>('treeNodes', { _id: first._id })[0]?.weight).toBe(first.weight - 10);
    expect(find<{ kind: string }>('auditLog', { kind: 'indicators.tree' })).toHaveLength(1);
    // the tree shows it, with its weight to edit inline as before
    const [added] = find<TreeNodeDoc>('treeNodes', { label: GOAL });
    expect(await admin.locator(`#w-${added?._id ?? ''} input`).inputValue()).toBe('10');
  }, 120_000);

  it('puts an indicator of the library into a section’s group, under the new goal, picked from the wheels', async () => {
    const [section] = find<SectionDoc>('sections', { _id: 'S05' });
    if (!section) throw new Error('demo data lacks S05');
    const group = find<TreeNodeDoc>('treeNodes', { level: 'section', sectionId: section._id }).sort((a, b) => a.order - b.order);
    const inGroup = new Set(group.map((x) => x.indicatorId));
    const names = find<IndicatorDoc>('indicators').map((i) => i.name);
    // an active indicator the section does not carry yet, whose name no other starts with
    const pick = find<IndicatorDoc>('indicators', { active: true }).find(
      (i) => !inGroup.has(i._id) && names.filter((x) => x.startsWith(i.name)).length === 1,
    );
    if (!pick) throw new Error('no indicator to add');
    const [goal] = find<TreeNodeDoc>('treeNodes', { label: GOAL });

    const admin = await signInAs(browser, t.cloud.url, demoOpenid(ADMIN), '#roster-page');
    await admin.locator('#assess-entry-tree').click();
    await admin.locator('#tree-edit-goal').waitFor({ timeout: 15_000 });
    await pickOption(admin, '#tree-section-picker', section.name);
    await expectText(admin.locator('#tree-edit-section'), `${section.name} 股室指标`);
    await admin.locator('#tree-edit-section').click();
    await expectText(admin.locator('#ge-title'), `${section.name} 股室指标`);
    const n = group.length;
    await admin.locator('#ge-add').click();
    await pickOption(admin, `#ge-row-${n}-indicator`, `${pick.name}（`);
    await expectText(admin.locator(`#ge-row-${n}-indicator-value`), pick.name);
    await pickOption(admin, `#ge-row-${n}-parent`, GOAL);
    await admin.locator(`#ge-row-${n}-weight input`).fill('10');
    const first = group[0] as TreeNodeDoc;
    await admin.locator('#ge-row-0-weight input').fill(String(first.weight - 10));
    await expectText(admin.locator('#ge-sum'), '100 / 100');
    await shot(admin, 'tree-02-section-group');
    await admin.locator('#ge-save').click();
    await admin.locator('#tree-page').waitFor({ timeout: 15_000 });
    await eventually(() => find<TreeNodeDoc>('treeNodes', { level: 'section', sectionId: section._id }).length === n + 1);
    expect(find<TreeNodeDoc>('treeNodes', { level: 'section', sectionId: section._id, indicatorId: pick._id })).toEqual([
      expect.objectContaining({ parentId: goal?._id, weight: 10, label: pick.name }),
    ]);
    expect(find<TreeNodeDoc>('treeNodes', { _id: first._id })[0]?.weight).toBe(first.weight - 10);
    await shot(admin, 'tree-03-saved');
  }, 120_000);
});
