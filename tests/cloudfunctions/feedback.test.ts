/**
 * Feedback reports through the local cloud: a section head drafts a cadre's report for the last closed quarter from
 * the records, edits and sends it once; the cadre reads and acknowledges it; the talk is recorded with its plan and
 * follow-up date; nobody else writes to or reads another section's cadre.
 */
import { shiftQuarter, quarterOf } from '../../shared/common/time';
import type { MemberDoc } from '../../shared/members/member';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
let head: MemberDoc;
let cadre: MemberDoc;
let other: MemberDoc;
const PERIOD = shiftQuarter(quarterOf(Date.now()), -1);
const find = async <T>(coll: string, q: object = {}) => (await t.cloud.store.find(coll, q)) as T[];
const state = async () => JSON.stringify(await find('feedbackReports'));

beforeAll(async () => {
  t = await startTestCloud();
  const members = await find<MemberDoc>('members', { bound: true, active: true });
  const heads = members.filter((m) => m.roles.includes('sectionHead') && !m.roles.includes('leader'));
  const inSection = (h: MemberDoc) =>
    members.filter((m) => m.sectionId === h.sectionId && m.roles.includes('cadre') && !m.roles.includes('sectionHead'));
  const h = heads.find((x) => inSection(x).length > 0);
  if (!h) throw new Error('no section head with a bound cadre');
  head = h;
  cadre = inSection(h)[0] as MemberDoc;
  other = heads.find((x) => x.sectionId !== h.sectionId) as MemberDoc;
});
afterAll(() => t.stop());

describe('a feedback report', () => {
  it('is drafted from the quarter’s records, edited, sent once, read and acknowledged by the cadre, and talked over', async () => {
    const tok = await t.as(head._id);
    const d = data(await t.call(tok, 'feedback', 'draft', { memberId: cadre._id, periodId: PERIOD }));
    expect(d).toMatchObject({ memberId: cadre._id, memberName: cadre.name, periodId: PERIOD, sent: null });
    // the quarter's own line is in it, went well or lagging
    expect([...d.draft.wentWell, ...d.draft.lags].some((l) => l.startsWith('本季度考核得分'))).toBe(true);
    expect(d.draft.plan.length).toBeGreaterThan(0);
    const before = await state();
    expect(
      await t.call(tok, 'feedback', 'send', { memberId: cadre._id, periodId: PERIOD, wentWell: d.draft.wentWell, lags: d.draft.lags, plan: [] }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
      message: '请填写改进计划',
    });
    expect(
      await t.call(await t.as(other._id), 'feedback', 'send', { memberId: cadre._id, periodId: PERIOD, wentWell: [], lags: [], plan: ['x'] }),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await t.call(tok, 'feedback', 'draft', { memberId: head._id, periodId: PERIOD })).toMatchObject({
      code: 'FORBIDDEN',
      message: '不能给自己写反馈报告',
    });
    expect(await state()).toBe(before);

    const plan = [...d.draft.plan, '每月底向股室负责人汇报一次'];
    const sent = data(
      await t.call(tok, 'feedback', 'send', { memberId: cadre._id, periodId: PERIOD, wentWell: d.draft.wentWell, lags: d.draft.lags, plan }),
    );
    expect(sent).toMatchObject({ memberId: cadre._id, plan, sentByName: head.name, acknowledgedAt: null, talks: [] });
    expect(
      await t.call(tok, 'feedback', 'send', { memberId: cadre._id, periodId: PERIOD, wentWell: [], lags: [], plan: ['再发一次'] }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: '该季度的反馈报告已发送',
    });
    expect(data(await t.call(tok, 'feedback', 'draft', { memberId: cadre._id, periodId: PERIOD })).sent?.id).toBe(sent.id);

    const me = await t.as(cadre._id);
    expect(data(await t.call(me, 'feedback', 'reports', {})).reports.map((r) => r.id)).toEqual([sent.id]);
    expect(await t.call(tok, 'feedback', 'acknowledge', { reportId: sent.id })).toMatchObject({ code: 'FORBIDDEN' });
    const ack = data(await t.call(me, 'feedback', 'acknowledge', { reportId: sent.id }));
    expect(ack.acknowledgedAt).toEqual(expect.any(Number));
    // twice keeps the first time
    expect(data(await t.call(me, 'feedback', 'acknowledge', { reportId: sent.id })).acknowledgedAt).toBe(ack.acknowledgedAt);

    expect(
      await t.call(tok, 'feedback', 'recordTalk', {
        reportId: sent.id,
        date: '2026-10-12',
        notes: '一起分析项目滞后原因',
        plan: '每周报告进展',
        followUpOn: '2026-10-01',
      }),
    ).toMatchObject({ code: 'INVALID_INPUT', message: '回访日期不能早于谈话日期' });
    expect(
      await t.call(await t.as(other._id), 'feedback', 'recordTalk', {
        reportId: sent.id,
        date: '2026-10-12',
        notes: '谈话',
        plan: '改进',
        followUpOn: '2026-11-12',
      }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const talked = data(
      await t.call(tok, 'feedback', 'recordTalk', {
        reportId: sent.id,
        date: '2026-10-12',
        notes: '一起分析项目滞后原因',
        plan: '每周报告进展',
        followUpOn: '2026-11-12',
      }),
    );
    expect(talked.talks).toEqual([
      expect.objectContaining({ date: '2026-10-12', byName: head.name, notes: '一起分析项目滞后原因', followUpOn: '2026-11-12' }),
    ]);
    // another section's head may not read it
    expect(await t.call(await t.as(other._id), 'feedback', 'reports', { memberId: cadre._id })).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the quarterly bulletin', () => {
  it('is drafted from the closed quarter, published once by a leader, and read by every member of staff', async () => {
    const leader = await t.as('M001');
    const d = data(await t.call(leader, 'feedback', 'bulletinDraft', { periodId: PERIOD }));
    expect(d.title).toMatch(/季度绩效考核情况通报$/);
    expect(d.paragraphs[0]).toMatch(/^一、总体情况。本季度参加考核\d+人/);
    expect(d.published).toBeNull();
    // the commendation names only those graded 好
    const results = await find<{ periodId: string; members: { name: string; grade: string }[] }>('quarterResults', { periodId: PERIOD });
    const notGood = results.flatMap((r) => r.members).filter((m) => m.grade !== 'good');
    expect(notGood.some((m) => (d.paragraphs[1] ?? '').includes(m.name))).toBe(false);
    expect(await t.call(leader, 'feedback', 'bulletinDraft', { periodId: quarterOf(Date.now()) })).toMatchObject({
      code: 'NOT_READY',
      message: '该季度考核尚未结束，不能起草通报',
    });
    expect(
      await t.call(await t.as(cadre._id), 'feedback', 'publishBulletin', { periodId: PERIOD, title: d.title, paragraphs: d.paragraphs }),
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    const published = data(
      await t.call(leader, 'feedback', 'publishBulletin', { periodId: PERIOD, title: d.title, paragraphs: [...d.paragraphs, '六、下一步要求。'] }),
    );
    expect(published).toMatchObject({ periodId: PERIOD, publishedByName: '刘欣' });
    expect(await t.call(leader, 'feedback', 'publishBulletin', { periodId: PERIOD, title: d.title, paragraphs: d.paragraphs })).toMatchObject({
      code: 'CONFLICT',
      message: '该季度的通报已发布',
    });
    expect(data(await t.call(await t.as(cadre._id), 'feedback', 'bulletins', {})).bulletins).toEqual([published]);
  });
});
