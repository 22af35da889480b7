/**
 * Timed reminders through the local cloud: the timer trigger fires the reminders function, which sends subscribe
 * messages through the platform's openapi — one per acceptance, never twice, never to someone who did not accept —
 * and a failed run is recorded and run again at the next tick without sending anything twice.
 *
 * The park is seeded as of 2026-12-26 and the timer fires for 2026-12-28 10:00 (the event's Time): three days before
 * the fourth quarter closes, when dossiers and evaluations are due.
 */
import { demoOpenid } from '../../demo/park';
import type { SqliteStore } from '../../localcloud/src/store';
import { parkInstant } from '../../shared/common/time';
import type { MemberDoc } from '../../shared/members/member';
import { TEMPLATES } from '../../shared/reminders/templates';
import { data, postJson, startTestCloud, type TestCloud } from '../support/cloud';

const SEEDED = parkInstant('2026-12-26', '09:00');
const AT = parkInstant('2026-12-28', '10:00');
const HOUR = 3600_000;
let t: TestCloud;
let cadres: MemberDoc[];
let admin: MemberDoc;

const find = async <T>(coll: string, q: object = {}) => (await t.cloud.store.find(coll, q)) as T[];
const write = (coll: string, id: string, doc: object | null) =>
  (t.cloud.store as SqliteStore).applyWrites([{ coll, id, doc: doc ? { _id: id, ...doc } : null }]);
const tick = async (at: number) => {
  const r = await t.cloud.fireTimer('reminders', 'tick', at);
  if (!r.ok) throw new Error(`timer failed: ${r.message}`);
  return (r.result as { code: number; data: unknown }).data as {
    status: string;
    sent: number;
    failed: number;
    waiting: number;
    error: string | null;
  } | null;
};
const messagesTo = (memberId: string) => t.cloud.sentMessages().filter((m) => m.touser === demoOpenid(memberId));

/** What WeChat's dialog answered, to the platform (the gateway) and then to the product, as the client does. */
async function subscribe(memberId: string, keys: (keyof typeof TEMPLATES)[], opts: { platform?: boolean } = {}) {
  const token = await t.as(memberId);
  if (opts.platform !== false) {
    const tmplIds = keys.map((k) => TEMPLATES[k].id);
    const answers = Object.fromEntries(tmplIds.map((id) => [id, 'accept']));
    const r = await postJson(`${t.cloud.url}/api/subscribe`, { tmplIds, answers }, { 'x-session': token });
    expect(r.errMsg).toBe('requestSubscribeMessage:ok');
  }
  return data(await t.call(token, 'reminders', 'subscribe', { answers: Object.fromEntries(keys.map((k) => [k, 'accept'])) }));
}

beforeAll(async () => {
  t = await startTestCloud({ now: SEEDED });
  const members = await find<MemberDoc>('members', { bound: true, active: true });
  cadres = members.filter((m) => m.roles.includes('cadre') && !m.roles.includes('sectionHead'));
  admin = members.find((m) => m.roles.includes('admin')) as MemberDoc;
});
afterAll(() => t.stop());

describe('subscriptions', () => {
  it('count one message per acceptance, and a timer event from a client is refused', async () => {
    const [a] = cadres as [MemberDoc];
    const mine = await subscribe(a._id, ['todo']);
    expect(mine.templates.find((x) => x.key === 'todo')).toMatchObject({ credits: 1, title: '待办任务提醒' });
    expect(t.cloud.subscribeCredits(demoOpenid(a._id), TEMPLATES.todo.id)).toBe(1);
    // a client dressing up as the timer is turned away before anything runs
    const forged = await t.raw(await t.as(admin._id), 'reminders', { Type: 'Timer', TriggerName: 'tick', Time: new Date(AT).toISOString() });
    expect(forged.result).toMatchObject({ code: 'FORBIDDEN', message: '定时任务只能由平台触发' });
    expect(await find('reminderRuns')).toEqual([]);
    // the platform's half: a template it does not have, or more than three at once
    const token = await t.as(a._id);
    expect(await postJson(`${t.cloud.url}/api/subscribe`, { tmplIds: ['nope'], answers: {} }, { 'x-session': token })).toMatchObject({
      errCode: 20001,
    });
    expect(await postJson(`${t.cloud.url}/api/subscribe`, { tmplIds: ['a', 'b', 'c', 'd'] }, { 'x-session': token })).toMatchObject({
      errCode: 20003,
    });
    expect(await postJson(`${t.cloud.url}/api/subscribe`, { tmplIds: [TEMPLATES.todo.id] }, {})).toMatchObject({ errCode: -1 });
    // the outbox is one's own
    const box = await fetch(`${t.cloud.url}/api/outbox`);
    expect(box.status).toBe(401);
  });
});

describe('a timed run', () => {
  it('sends what is due to those who accepted, one message each, and never again', async () => {
    const [a, b, c] = cadres as [MemberDoc, MemberDoc, MemberDoc];
    // b claims an acceptance WeChat never recorded; c never subscribed
    await subscribe(b._id, ['todo'], { platform: false });
    // outside office hours the timer does nothing
    expect(await tick(parkInstant('2026-12-28', '07:45'))).toBeNull();

    const run = await tick(AT);
    expect(run).toMatchObject({ status: 'done', sent: 1, failed: 1 });
    expect(run?.waiting).toBeGreaterThan(0);
    const toA = messagesTo(a._id);
    expect(toA).toHaveLength(1);
    expect(toA[0]).toMatchObject({ title: '待办任务提醒', page: 'dossier/mine/index' });
    expect(toA[0]?.fields.map((f) => f.value)).toEqual(['2026年第四季度绩效档案', '2026年12月31日 23:59', expect.stringMatching(/目标完成\d+%/)]);
    expect(messagesTo(b._id)).toEqual([]);
    expect(messagesTo(c._id)).toEqual([]);
    // a used up its acceptance, on both sides; b's claim was refused by the platform (43101) and is now 0
    expect(t.cloud.subscribeCredits(demoOpenid(a._id), TEMPLATES.todo.id)).toBe(0);
    const mineA = data(await t.call(await t.as(a._id), 'reminders', 'mine', {}));
    expect(mineA.templates.find((x) => x.key === 'todo')?.credits).toBe(0);
    expect(mineA.recent).toEqual([expect.objectContaining({ kind: 'dossier', status: 'sent', title: '2026年第四季度绩效档案' })]);
    const mineB = data(await t.call(await t.as(b._id), 'reminders', 'mine', {}));
    expect(mineB.templates.find((x) => x.key === 'todo')?.credits).toBe(0);
    expect(mineB.recent).toEqual([expect.objectContaining({ kind: 'dossier', status: 'failed' })]);

    // the next tick finds the day done; the admin's run sends nothing twice, even after a new acceptance
    expect(await tick(AT + HOUR / 4)).toBeNull();
    await subscribe(a._id, ['todo']);
    const again = data(await t.call(await t.as(admin._id), 'reminders', 'run', {}));
    expect(again.status).toBe('done');
    expect(messagesTo(a._id)).toHaveLength(1);
    expect(t.cloud.subscribeCredits(demoOpenid(a._id), TEMPLATES.todo.id)).toBe(1);
  });

  it('reminds voters who have not voted before the close, and feedback not acknowledged', async () => {
    const [, , c, d] = cadres as [MemberDoc, MemberDoc, MemberDoc, MemberDoc];
    const day = parkInstant('2026-12-29', '10:00');
    write('voteCampaigns', 'VREMIND1', {
      title: '2026年度干部互评',
      kind: 'peer',
      year: 2026,
      status: 'open',
      opensAt: null,
      closesAt: day + 30 * HOUR,
      closedAt: null,
      ready: true,
    });
    for (const [m, voted] of [
      [c, false],
      [d, true],
    ] as const)
      write('voteRolls', `VREMIND1_${m._id}`, { campaignId: 'VREMIND1', memberId: m._id, category: 'cadre', group: null, voted, closed: false });
    write('feedbackReports', `2026Q3_${c._id}`, {
      memberId: c._id,
      memberName: c.name,
      periodId: '2026Q3',
      sentAt: day - 3 * 24 * HOUR,
      acknowledgedAt: null,
      talks: [],
    });
    await subscribe(c._id, ['vote', 'feedback']);
    await subscribe(d._id, ['vote']);

    expect(await tick(day)).toMatchObject({ status: 'done', sent: 2 });
    const toC = messagesTo(c._id);
    expect(toC.map((m) => m.title).sort()).toEqual(['反馈结果通知', '投票提醒']);
    const vote = toC.find((m) => m.title === '投票提醒');
    expect(vote?.page).toBe('votes/ballot/index?campaignId=VREMIND1');
    expect(vote?.fields.map((f) => f.value)).toEqual(['2026年度干部互评', '2026年12月30日 16:00', '您尚未投票，请在截止前完成']);
    expect(toC.find((m) => m.title === '反馈结果通知')?.fields[1]?.value).toBe('待确认');
    // d voted: nothing, and their acceptance is kept for another time
    expect(messagesTo(d._id)).toEqual([]);
    expect(t.cloud.subscribeCredits(demoOpenid(d._id), TEMPLATES.vote.id)).toBe(1);
    // the ballot's reminder keeps its day, not its hour (the roll keeps no time of voting)
    const sub = (await find<{ sent: Record<string, { at: number }> }>('reminderSubs', { _id: demoOpenid(c._id) }))[0];
    expect(sub?.sent.ballot_VREMIND1?.at).toBe(parkInstant('2026-12-29'));
  });

  it('reminds the one who recorded a talk of its follow-up, until a talk follows it', async () => {
    const head = (await find<MemberDoc>('members', { bound: true, active: true })).find(
      (m) => m.roles.includes('sectionHead') && !m.roles.includes('leader'),
    );
    const g = cadres[6] as MemberDoc;
    if (!head) throw new Error('no section head');
    const talk = {
      date: '2026-12-20',
      by: head._id,
      byName: head.name,
      notes: '查找差距原因',
      plan: '每周汇报',
      followUpOn: '2026-12-29',
      at: parkInstant('2026-12-20', '15:00'),
    };
    write('feedbackReports', `2026Q3_${g._id}`, {
      memberId: g._id,
      memberName: g.name,
      periodId: '2026Q3',
      sentAt: parkInstant('2026-12-19'),
      acknowledgedAt: parkInstant('2026-12-19', '12:00'),
      talks: [talk],
    });
    await subscribe(head._id, ['todo']);
    // two days after the date agreed, nothing recorded since: the recorder is reminded, before anything else of 待办
    expect(await tick(parkInstant('2026-12-31', '11:00'))).toMatchObject({ status: 'done' });
    const sent = messagesTo(head._id);
    expect(sent.map((m) => m.fields[0]?.value)).toEqual([`与${g.name}的谈心谈话回访`]);
    expect(sent[0]?.page).toBe(`feedback/write/index?memberId=${g._id}&periodId=2026Q3`);
    expect(sent[0]?.fields[1]?.value).toBe('2026年12月29日 18:00');
  });

  it('that fails says why, and the next tick runs it again without sending twice', async () => {
    const e = cadres[4] as MemberDoc;
    const f = cadres[5] as MemberDoc;
    const day = parkInstant('2026-12-30', '10:00');
    await subscribe(e._id, ['todo']);
    await subscribe(f._id, ['todo']);
    // a run that died after claiming e's message (the instance was killed): its lease still holds the day
    write('reminderRuns', '2026-12-30', {
      day: '2026-12-30',
      status: 'running',
      trigger: 'timer',
      attempts: 1,
      startedAt: day - 60_000,
      finishedAt: null,
      leaseUntil: day + 15_000,
      due: 0,
      sent: 0,
      waiting: 0,
      alreadySent: 0,
      deferred: 0,
      failed: 0,
      error: null,
    });
    const subE = (await find<Record<string, unknown>>('reminderSubs', { _id: demoOpenid(e._id) }))[0] as Record<string, unknown>;
    write('reminderSubs', demoOpenid(e._id), {
      ...subE,
      credits: { todo: 0 },
      sent: { dossier_2026Q4: { kind: 'dossier', template: 'todo', title: '2026年第四季度绩效档案', at: day - 30_000, status: 'sending' } },
    });
    expect(await tick(day)).toBeNull();
    // a broken record makes the next run fail: it says why
    write('dossiers', `2026Q4_${f._id}`, { periodId: '2026Q4', memberId: f._id, sectionId: f.sectionId, targets: 'broken', progress: {} });
    const failed = await tick(day + HOUR / 4);
    expect(failed).toMatchObject({ status: 'failed', sent: 0 });
    expect(failed?.error).toMatch(/^运行出错/);
    expect((await find('reminderRuns', { _id: '2026-12-30' }))[0]).toMatchObject({ status: 'failed', attempts: 2 });
    write('dossiers', `2026Q4_${f._id}`, null);
    // fixed, the next tick runs: f is reminded, e's claimed message is not sent again
    const before = t.cloud.sentMessages().length;
    expect(await tick(day + HOUR / 2)).toMatchObject({ status: 'done' });
    expect(messagesTo(f._id)).toHaveLength(1);
    expect(messagesTo(e._id)).toEqual([]);
    expect(t.cloud.sentMessages().length).toBe(before + 1);
  });

  it('that stopped short goes on at the next tick, and the day’s record adds up what went out', async () => {
    // 2027-01-04: the fourth quarter ended and is still open, so evaluations still missing are due
    const day = parkInstant('2027-01-04', '10:00');
    write('reminderRuns', '2027-01-04', {
      day: '2027-01-04',
      status: 'partial',
      trigger: 'timer',
      attempts: 1,
      startedAt: day - 3600_000,
      finishedAt: day - 3560_000,
      leaseUntil: 0,
      due: 9,
      sent: 3,
      waiting: 0,
      alreadySent: 0,
      deferred: 0,
      failed: 0,
      error: '本次时间用尽，余下1条提醒在下次定时任务继续发送',
    });
    await subscribe('M001', ['todo']);
    const run = await tick(day);
    expect(run).toMatchObject({ status: 'done', sent: 4, error: null });
    expect(messagesTo('M001').map((m) => m.fields[0]?.value)).toEqual([expect.stringMatching(/^2026年第四季度考[人事]评分$/)]);
  });
});
