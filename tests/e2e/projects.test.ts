/**
 * Key projects (重点项目) in a real browser: leaders see the lagging ones flagged on their home; an owner records
 * the trial run reached on time and it shows 按期完成 and counts in the owner's dossier; the admin adds a milestone
 * to a project's plan.
 */
import type { Browser } from 'playwright-core';
import { demoOpenid } from '../../demo/park';
import { quarterOf } from '../../shared/common/time';
import { dossierId, type DossierDoc } from '../../shared/dossier/dossier';
import type { MemberDoc } from '../../shared/members/member';
import { PROJECTS } from '../../shared/projects/config';
import { parkLanding } from '../../shared/projects/dashboard';
import type { ProjectDoc } from '../../shared/projects/project';
import { expectText, shot, signInAs, browserSuite } from '../support/browser';
import { type TestCloud } from '../support/cloud';

let t: TestCloud;
let browser: Browser;

browserSuite((cloud, b) => {
  t = cloud;
  browser = b;
});

const project = (name: string) => (t.cloud.store.find('projects', { name }) as ProjectDoc[])[0] as ProjectDoc;
const progress = (memberId: string) =>
  (t.cloud.store.find('dossiers', { _id: dossierId(quarterOf(Date.now()), memberId) }) as DossierDoc[])[0]?.progress.project_milestone ?? 0;

describe('key projects', () => {
  it('flags lagging projects to leaders on their home', async () => {
    const leader = await signInAs(browser, t.cloud.url, demoOpenid('M001'), '#lagging-notice');
    await expectText(leader.locator('#lagging-notice'), '个重点项目进展滞后');
    await leader.locator('#lagging-notice .cell').click();
    const sand = project('砂石码头项目');
    await expectText(leader.locator(`#project-${sand._id}-status`), '滞后');
    await shot(leader, 'projects-01-lagging');
  }, 120_000);

  it('shows leaders the landing cycle against the baseline on the park dashboard, from the milestones', async () => {
    const projects = t.cloud.store.find('projects') as ProjectDoc[];
    const landing = parkLanding(projects, PROJECTS.landingBaselineDays);
    expect(landing.landed).toBeGreaterThan(0);
    const leader = await signInAs(browser, t.cloud.url, demoOpenid('M001'), '#assess-entry-dashboard');
    await leader.locator('#assess-entry-dashboard').click();
    await expectText(leader.locator('#dashboard-landing'), `${landing.meanDays} 天（${landing.landed} 个项目）`);
    await expectText(leader.locator('#dashboard-landing-change'), `缩短 ${landing.shorterPercent}%`);
    await expectText(leader.locator('#dashboard-projects'), '砂石码头项目');
    await shot(leader, 'projects-03-dashboard');
  }, 120_000);

  it('an owner records the trial run reached on time, and it counts in their dossier', async () => {
    const [song] = t.cloud.store.find('members', { name: '宋博华' }) as MemberDoc[];
    if (!song) throw new Error('demo park lacks 宋博华');
    const p = project('预制构件厂房项目');
    const before = progress(song._id);
    const owner = await signInAs(browser, t.cloud.url, demoOpenid(song._id), '#assess-entry-projects');
    await owner.locator('#assess-entry-projects').click();
    await owner.locator('#projects-filter-mine').click();
    await owner.locator(`#project-${p._id} .cell-bd`).click();
    await expectText(owner.locator('#milestone-trial-state'), '还剩');
    await owner.locator('#reach-note textarea').fill('试运行一次成功');
    await owner.locator('#reach-submit').click();
    await expectText(owner.locator('#milestone-trial-state'), '按期完成');
    await expectText(owner.locator('#project-log'), '试运行一次成功');
    await shot(owner, 'projects-02-reached');
    expect(progress(song._id)).toBe(before + 1);
    expect(project('预制构件厂房项目').milestones.find((m) => m.key === 'trial')?.actual).not.toBeNull();
  }, 120_000);

  it('the admin takes back the trial run recorded by mistake, saying why, and the owner’s dossier follows', async () => {
    const [song] = t.cloud.store.find('members', { name: '宋博华' }) as MemberDoc[];
    if (!song) throw new Error('demo park lacks 宋博华');
    const p = project('预制构件厂房项目');
    const before = progress(song._id);
    const admin = await signInAs(browser, t.cloud.url, demoOpenid('M002'), '#assess-entry-projects');
    await admin.goto(`${t.cloud.url}/#/projects/detail/index?id=${p._id}`);
    await admin.locator('#correct-open').click();
    await expectText(admin.locator('#correct-milestone'), '试生产');
    await admin.locator('#correct-undo').click();
    await admin.locator('#correct-submit').click();
    await expectText(admin.locator('#correct-error'), '请填写理由');
    await admin.locator('#correct-reason textarea').fill('试运行未通过验收，撤回填报');
    await shot(admin, 'projects-03-correct');
    await admin.locator('#correct-submit').click();
    await expectText(admin.locator('#milestone-trial-state'), '还剩');
    await expectText(admin.locator('#project-log'), '试运行未通过验收，撤回填报');
    expect(progress(song._id)).toBe(before - 1);
    expect(project('预制构件厂房项目').milestones.find((m) => m.key === 'trial')?.actual).toBeNull();
  }, 120_000);

  it('the admin adds a milestone to a project’s plan', async () => {
    const p = project('伊戈尔电气智能制造二期');
    const admin = await signInAs(browser, t.cloud.url, demoOpenid('M002'), '#assess-entry-projects');
    await admin.goto(`${t.cloud.url}/#/projects/detail/index?id=${p._id}`);
    await admin.locator('#plan-edit').click();
    await admin.locator('#plan-add').click();
    const added = p.milestones.length - 1;
    await admin.locator(`#plan-name-${added} input`).fill('环保验收');
    await admin.locator('#plan-save').click();
    await expectText(admin.locator('#project-milestones'), '环保验收');
    expect(project('伊戈尔电气智能制造二期').milestones.map((m) => m.name)).toContain('环保验收');
  }, 120_000);
});
