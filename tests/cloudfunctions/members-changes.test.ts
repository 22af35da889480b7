/**
 * People through the year (人员变动), through the local cloud on the demo park: a cadre moved to another section, a
 * cadre made head of a section (the sitting head becomes its cadre), someone who leaves, someone who joins in the
 * middle of the quarter — and what each does to the open quarter, its close, and the year's results.
 *
 * The rules (cloudfunctions/members/src/change.ts, shared/members/changes.ts): the section someone is in when the
 * quarter closes scores them (考人 by its head, 考事 10% of it) and files their result; the checklist fixed when the
 * quarter opened stays theirs; someone who left is in no result of a quarter closed after, on no open roll, and in
 * no grade of the year; the year grades each cadre under the section of their last quarter, every quarter counted.
 */
import type { QuarterResultDoc } from '../../shared/assessment/assessment';
import { DEFAULT_QUARTER_SETTINGS } from '../../shared/assessment/quarter';
import { dayOf, quarterOf } from '../../shared/common/time';
import type { ChecklistDoc } from '../../shared/indicators/checklist';
import type { TreeNodeDoc } from '../../shared/indicators/indicator';
import type { MemberDoc } from '../../shared/members/member';
import type { SectionDoc } from '../../shared/park/park';
import type { AnnualResultDoc } from '../../cloudfunctions/annual/src/lib';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
let admin: string;
const now = Date.now();
const today = dayOf(now);
const current = quarterOf(now);
const year = Number(current.slice(0, 4));

const find = <T>(coll: string, q: object = {}) => t.cloud.store.find(coll, q) as unknown as T[];
const member = (id: string) => t.cloud.store.peek('members', id) as unknown as MemberDoc;
const section = (id: string) => t.cloud.store.peek('sections', id) as unknown as SectionDoc;
const staffOf = (sectionId: string) => find<MemberDoc>('members', { sectionId, active: true }).filter((m) => m.roles.includes('cadre'));
const headOf = (sectionId: string) => staffOf(sectionId).find((m) => m.roles.includes('sectionHead')) as MemberDoc;
const plain = (sectionId: string, n = 0) => staffOf(sectionId).filter((m) => !m.roles.includes('sectionHead') && m.bound)[n] as MemberDoc;

beforeAll(async () => {
  t = await startTestCloud({ now });
  admin = await t.as('M002');
}, 60_000);
afterAll(() => t.stop());

let moved: MemberDoc;
let promoted: MemberDoc;
let displaced: MemberDoc;
let leaver: MemberDoc;
let joiner = '';
let recruit: MemberDoc;

describe('a cadre moved to another section in the middle of the quarter', () => {
  it('goes with their open checklist and dossier to the new section, from the day given, with the reason on record', async () => {
    moved = plain('S03');
    const r = data(
      await t.call(admin, 'members', 'change', { memberId: moved._id, on: today, reason: '工作需要，调往经济发展部', sectionId: 'S04' }),
    );
    expect(r.person).toMatchObject({ memberId: moved._id, sectionId: 'S04', sectionName: '经济发展部' });
    expect((t.cloud.store.peek('checklists', `${current}_${moved._id}`) as unknown as ChecklistDoc).sectionId).toBe('S04');
    expect(find('memberChanges', { memberId: moved._id })).toEqual([
      expect.objectContaining({ on: today, from: expect.objectContaining({ sectionId: 'S03' }), to: expect.objectContaining({ sectionId: 'S04' }) }),
    ]);
    expect(find('auditLog', { kind: 'members.change' })).toEqual([expect.objectContaining({ reason: '工作需要，调往经济发展部' })]);
  });

  it('is scored by their new head, no longer by the old one', async () => {
    const oldHead = await t.as(headOf('S03')._id);
    expect(await t.call(oldHead, 'assessment', 'evaluateStaff', { memberId: moved._id, score: 80 })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.call(await t.as(headOf('S04')._id), 'assessment', 'evaluateStaff', { memberId: moved._id, score: 86 })).code).toBe(0);
  });

  it('cannot be dated in a closed quarter, ahead of today, or be nothing at all', async () => {
    const other = plain('S03');
    const refused = async (input: object, message: RegExp) =>
      expect(await t.call(admin, 'members', 'change', { memberId: other._id, reason: '测试', ...input } as never)).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringMatching(message),
      });
    await refused({ on: `${year}-01-15`, sectionId: 'S04' }, /已结束考核/);
    await refused({ on: `${year + 1}-01-15`, sectionId: 'S04' }, /不能晚于今天/);
    await refused({ on: today, sectionId: 'S03' }, /没有变化/);
  });
});

describe('a cadre made head of a section that has one (接任)', () => {
  it('makes the sitting head a cadre of it in the same change', async () => {
    displaced = headOf('S05');
    promoted = plain('S05');
    const r = data(
      await t.call(admin, 'members', 'change', { memberId: promoted._id, on: today, reason: '任命为股室负责人', roles: ['sectionHead'] }),
    );
    expect(r.person.roles).toEqual(['cadre', 'sectionHead']);
    expect(r.displaced).toMatchObject({ memberId: displaced._id, roles: ['cadre'] });
    expect(member(displaced._id).roles).toEqual(['cadre']);
  });

  it('the new head scores the former one; the leader who oversees the section scores the new head, no other leader', async () => {
    expect((await t.call(await t.as(promoted._id), 'assessment', 'evaluateStaff', { memberId: displaced._id, score: 84 })).code).toBe(0);
    const overseer = section('S05').leaderId as string;
    const other = ['M001', 'M004', 'M005', 'M006', 'M007'].find((l) => l !== overseer) as string;
    expect(await t.call(await t.as(other), 'assessment', 'evaluateStaff', { memberId: promoted._id, score: 90 })).toMatchObject({
      code: 'FORBIDDEN',
      message: '股室负责人由分管该股室的领导评价',
    });
    expect((await t.call(await t.as(overseer), 'assessment', 'evaluateStaff', { memberId: promoted._id, score: 90 })).code).toBe(0);
  });
});

describe('someone who leaves during an open democratic evaluation', () => {
  it('is struck off its roll: the turnout is counted against one person fewer, and they cast nothing', async () => {
    const campaign = data(await t.call(admin, 'votes', 'create', { title: '人员变动测试互评', kind: 'peer', year }));
    data(await t.call(admin, 'votes', 'open', { campaignId: campaign.id }));
    const before = data(await t.call(admin, 'votes', 'turnout', { campaignId: campaign.id }));
    leaver = plain('S06');
    data(await t.call(admin, 'members', 'leave', { memberId: leaver._id, on: today, reason: '调往市直单位' }));
    const after = data(await t.call(admin, 'votes', 'turnout', { campaignId: campaign.id }));
    // one cadre fewer on the roll of the 干部 category: the 2/3 turnout is of those still in the park
    expect(after.roll).toBe(before.roll - 1);
    expect(t.cloud.store.peek('voteRolls', `${campaign.id}_${leaver._id}`)).toMatchObject({ struck: true, voted: false });
  });
});

describe('someone who joins in the middle of the quarter', () => {
  it('is assessed this quarter on their post’s decomposition once the quarter is opened again for them', async () => {
    const p = data(
      await t.call(admin, 'members', 'savePerson', {
        name: '新进干部',
        staffNo: 'M900',
        roles: ['cadre'],
        sectionId: 'S04',
        post: '一级主办',
        joinedOn: today,
      }),
    );
    joiner = p.memberId;
    const status = data(await t.call(admin, 'assessment', 'status', { periodId: current }));
    expect(status.checklistsMissing).toBe(1);
    data(await t.call(admin, 'assessment', 'openPeriod', { periodId: current }));
    const cl = t.cloud.store.peek('checklists', `${current}_${joiner}`) as unknown as ChecklistDoc;
    const postNodes = find<TreeNodeDoc>('treeNodes', { level: 'post', sectionId: 'S04', post: '一级主办' });
    const sectionNodes = find<TreeNodeDoc>('treeNodes', { level: 'section', sectionId: 'S04' });
    // the post's nodes when the tree has the post in that section, else the section's
    expect(cl.items.map((i) => i.nodeId).sort()).toEqual((postNodes.length ? postNodes : sectionNodes).map((n) => n._id).sort());
  });
});

describe('the quarter closes and the year is computed', () => {
  it('files each person under the section they are in at the close, scored with its 考事; the one who left has no result', async () => {
    const leaders = ['M001', 'M002', 'M003', 'M004', 'M005', 'M006', 'M007'];
    const tokens = new Map<string, string>();
    const as = async (id: string): Promise<string> => {
      const kept = tokens.get(id);
      if (kept) return kept;
      const token = await t.as(id);
      tokens.set(id, token);
      return token;
    };
    const given = new Set(find<{ memberId: string }>('staffEvaluations', { periodId: current }).map((e) => e.memberId));
    for (const m of find<MemberDoc>('members', { active: true }).filter((x) => x.roles.includes('cadre') && !given.has(x._id))) {
      const by = m.roles.includes('sectionHead') ? (section(m.sectionId ?? '').leaderId ?? 'M001') : headOf(m.sectionId ?? '')._id;
      const r = await t.call(await as(by), 'assessment', 'evaluateStaff', { memberId: m._id, score: 80 });
      expect(r.code).toBe(0);
    }
    for (const s of find<SectionDoc>('sections')) {
      for (const l of leaders.slice(0, 2))
        expect((await t.call(await as(l), 'assessment', 'evaluateSection', { sectionId: s._id, score: 88 })).code).toBe(0);
    }
    data(await t.call(admin, 'assessment', 'close', { periodId: current }));

    const results = find<QuarterResultDoc>('quarterResults', { periodId: current });
    const where = (id: string) => results.find((d) => d.members.some((m) => m.memberId === id));
    expect(where(moved._id)?.sectionId).toBe('S04');
    expect(where(joiner)?.sectionId).toBe('S04');
    expect(where(leaver._id)).toBeUndefined();
    const doc = where(moved._id) as QuarterResultDoc;
    const r = doc.members.find((m) => m.memberId === moved._id);
    // the score is indicators × 60% + 考人 × 30% + the section's 考事 × 10% − deductions, the 考事 being S04's
    // (88 from each leader, no deductions: 88), the 考人 the new head's 86
    const w = DEFAULT_QUARTER_SETTINGS.weights;
    expect(r?.staffEvaluation).toBe(86);
    expect(r?.sectionEvaluation).toBe(doc.section?.score);
    expect(doc.section?.score).toBe(88);
    if (!r) throw new Error('no result');
    const expected = r.indicators * w.indicators + 86 * w.staffEvaluation + 88 * w.sectionEvaluation - r.deductions;
    expect(r.score).toBeCloseTo(Math.max(0, Math.min(100, expected)), 2);
  });

  it('grades the moved cadre under the section they ended the year in, every quarter counted; the one who left has no grade', async () => {
    // a cadre in the probation year of a new recruit: assessed, no grade (只写评语，不确定等次)
    recruit = plain('S07');
    const marked = data(
      await t.call(admin, 'members', 'yearStatus', { memberId: recruit._id, year, kind: 'probation', note: '2026年新录用，试用期一年' }),
    );
    expect(marked.yearStatus).toEqual({ year, kind: 'probation', note: '2026年新录用，试用期一年' });
    data(await t.call(admin, 'annual', 'compute', { year }));
    const y = t.cloud.store.peek('annualYears', String(year)) as unknown as { runId: string };
    const docs = find<AnnualResultDoc>('annualResults', { year, runId: y.runId });
    const entry = (id: string) => docs.flatMap((d) => d.members.map((m) => ({ sectionId: d.sectionId, m }))).find((x) => x.m.score.memberId === id);
    // Q1–Q3 in 规划工程部 (the demo's closed quarters), Q4 in 经济发展部
    expect(entry(moved._id)).toMatchObject({ sectionId: 'S04', m: { score: { quarters: 4 } } });
    expect(entry(leaver._id)).toBeUndefined();
    const graded = docs.reduce((n, d) => n + d.members.length, 0);
    // the 优秀 quota is of those graded: the one who left and the recruit are outside its base
    expect(docs.flatMap((d) => d.members).filter((m) => m.proposal.grade === 'excellent').length).toBeLessThanOrEqual(Math.floor(graded * 0.2));
    expect(entry(recruit._id)).toBeUndefined();
    expect(docs.flatMap((d) => d.ungraded ?? [])).toEqual([
      { memberId: recruit._id, name: recruit.name, reason: expect.stringMatching(/^新录用人员试用期内：.*不确定等次/) },
    ]);
    expect((t.cloud.store.peek('annualYears', String(year)) as unknown as { assessed: number }).assessed).toBe(graded);
    expect(await t.call(admin, 'annual', 'explain', { year, memberId: recruit._id })).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/试用期内.*不确定等次/),
    });
  });

  it('the park may say a status does not keep the grade back: then it is graded as anyone', async () => {
    data(
      await t.call(admin, 'park', 'saveSettings', {
        parkName: '吉州工业园区',
        headScoring: 'overseeing',
        noGrade: { probation: false, leave: true, investigation: true },
      }),
    );
    data(await t.call(admin, 'annual', 'compute', { year }));
    const y = t.cloud.store.peek('annualYears', String(year)) as unknown as { runId: string };
    const docs = find<AnnualResultDoc>('annualResults', { year, runId: y.runId });
    expect(docs.flatMap((d) => d.members).some((m) => m.score.memberId === recruit._id)).toBe(true);
  });
});
