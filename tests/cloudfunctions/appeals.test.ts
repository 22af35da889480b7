/**
 * Enterprise appeals (企业诉求) through the local cloud and the real SDK: filing goes to the liaison cadre with a
 * working-day deadline, only the assignee acts on it and only the filing enterprise confirms and rates, a confirmed
 * resolution moves the cadre's dossier by itself (once, even when confirmed twice at once), a bad rating opens its
 * follow-up, a re-rating is allowed once, and a contested rating set aside by the admin counts for nothing.
 */
import { LIBRARY_CALENDARS, statutoryCalendar } from '../../shared/common/holidays';
import { inPark, parkInstant, parkTimeText, quarterOf } from '../../shared/common/time';
import { WorkCalendar, type YearCalendar } from '../../shared/common/workdays';
import { filedAppeal, type AppealDoc } from '../../shared/appeals/appeal';
import { dossierId, type DossierDoc, type ReportDoc } from '../../shared/dossier/dossier';
import type { MemberDoc } from '../../shared/members/member';
import type { EnterpriseDoc } from '../../shared/park/park';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
const find = async <T>(coll: string, q: object = {}) => (await t.cloud.store.find(coll, q)) as T[];
const one = async <T>(coll: string, q: object) => {
  const [doc] = await find<T>(coll, q);
  if (!doc) throw new Error(`nothing in ${coll} for ${JSON.stringify(q)}`);
  return doc;
};

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());

/** The contact of E002, the enterprise's liaison, another cadre, the liaison's section head, a leader, the admin. */
async function cast() {
  const enterprise = await one<EnterpriseDoc>('enterprises', { _id: 'E002' });
  const liaison = await one<MemberDoc>('members', { _id: enterprise.liaisonId ?? '' });
  const other = await one<MemberDoc>('members', { roles: ['cadre'], bound: true, sectionId: { $ne: liaison.sectionId } });
  const head = await one<MemberDoc>('members', { roles: 'sectionHead', sectionId: liaison.sectionId });
  return {
    liaison,
    contact: await t.as('C002'),
    cadre: await t.as(liaison._id),
    other: await t.as(other._id),
    head: await t.as(head._id),
    leader: await t.as('M001'),
    admin: await t.as('M002'),
  };
}

async function filed(contact: string, text = '扩大生产急需招工，希望园区帮忙对接') {
  return data(await t.call(contact, 'appeals', 'file', { category: 'labour', text }));
}

const calendar = () => {
  const y = inPark(Date.now()).year();
  return new WorkCalendar([y, y + 1].map((k) => LIBRARY_CALENDARS.get(k)).filter((c): c is YearCalendar => c !== undefined));
};

describe('filing an appeal', () => {
  it('goes to the enterprise’s liaison, due by the end of the next working day, and shows in their list', async () => {
    const p = await cast();
    const before = Date.now();
    const a = await filed(p.contact);
    expect(a).toMatchObject({ status: 'filed', statusLabel: '待受理', assigneeName: p.liaison.name, enterpriseName: expect.any(String) });
    expect(a.can).toEqual([]);
    expect(a.acceptBy).toBe(calendar().deadline(before, 1));
    const inbox = data(await t.call(p.cadre, 'appeals', 'inbox', {}));
    expect(inbox.items.map((x) => x.id)).toContain(a.id);
    const mine = data(await t.call(p.contact, 'appeals', 'mine', {}));
    expect(mine.items[0]?.id).toBe(a.id);
    // the section head sees it too; a cadre of another section neither lists nor opens it
    expect(data(await t.call(p.head, 'appeals', 'inbox', {})).items.map((x) => x.id)).toContain(a.id);
    expect(data(await t.call(p.other, 'appeals', 'inbox', {})).items.map((x) => x.id)).not.toContain(a.id);
    expect(await t.call(p.other, 'appeals', 'get', { appealId: a.id })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses a short text and another person’s photo, storing nothing', async () => {
    const p = await cast();
    const count = t.cloud.store.count('appeals');
    expect(await t.call(p.contact, 'appeals', 'file', { category: 'labour', text: '招工' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '请把诉求写清楚（至少5个字）',
    });
    const photo = `cloud://yardstick-local.bucket/reports/${p.liaison._id}/x.jpg`;
    expect(await t.call(p.contact, 'appeals', 'file', { category: 'land', text: '厂房用地指标尚未落实', photoFileIds: [photo] })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(t.cloud.store.count('appeals')).toBe(count);
  });
});

describe('the course of an appeal', () => {
  it('accepted, progressed and resolved by the assignee only; confirmed by the enterprise, moving the assignee’s dossier once', async () => {
    const p = await cast();
    const a = await filed(p.contact);
    const id = { appealId: a.id };
    // nobody but the assignee takes its steps, and a refusal changes nothing
    expect(await t.call(p.other, 'appeals', 'accept', id)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.call(p.head, 'appeals', 'accept', id)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.call(p.cadre, 'appeals', 'resolve', { ...id, note: '已办结' })).toMatchObject({ code: 'CONFLICT', message: '请先受理该诉求' });
    expect((await one<AppealDoc>('appeals', { _id: a.id })).status).toBe('filed');

    expect(data(await t.call(p.cadre, 'appeals', 'accept', id))).toMatchObject({ status: 'accepted', can: ['progress', 'resolve'] });
    expect(await t.call(p.cadre, 'appeals', 'accept', id)).toMatchObject({ code: 'CONFLICT', message: '该诉求已受理' });
    data(await t.call(p.cadre, 'appeals', 'progress', { ...id, note: '已联系人社部门' }));
    expect(await t.call(p.contact, 'appeals', 'confirm', id)).toMatchObject({ code: 'CONFLICT' });
    const resolved = data(await t.call(p.cadre, 'appeals', 'resolve', { ...id, note: '已对接两家劳务公司' }));
    expect(resolved).toMatchObject({ status: 'resolved', resolution: '已对接两家劳务公司' });
    expect(resolved.events.map((e) => e.kind)).toEqual(['filed', 'accepted', 'progress', 'resolved']);

    const dossier = dossierId(quarterOf(Date.now()), p.liaison._id);
    const before = (await one<DossierDoc>('dossiers', { _id: dossier })).progress.appeal_resolved;
    // the enterprise presses 确认 on two phones at once: one confirmation, one count
    const both = await Promise.all([t.call(p.contact, 'appeals', 'confirm', id), t.call(p.contact, 'appeals', 'confirm', id)]);
    expect(both.map((r) => r.code).sort()).toEqual([0, 'CONFLICT']);
    expect((await one<DossierDoc>('dossiers', { _id: dossier })).progress.appeal_resolved).toBe(before + 1);
    expect(await find<ReportDoc>('reports', { _id: `RPT-APL-${a.id}`, kind: 'appeal_resolved', memberId: p.liaison._id })).toHaveLength(1);
    const done = data(await t.call(p.contact, 'appeals', 'get', id));
    expect(done).toMatchObject({ status: 'confirmed', can: ['rate'] });
  });

  it('goes back to the assignee when the enterprise reopens it, and cannot be reported resolved by the cadre themself', async () => {
    const p = await cast();
    const a = await filed(p.contact);
    const id = { appealId: a.id };
    data(await t.call(p.cadre, 'appeals', 'accept', id));
    data(await t.call(p.cadre, 'appeals', 'resolve', { ...id, note: '已协调' }));
    expect(await t.call(p.cadre, 'appeals', 'reopen', { ...id, note: '没有解决' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(data(await t.call(p.contact, 'appeals', 'reopen', { ...id, note: '招工问题仍未解决' }))).toMatchObject({ status: 'accepted', reopens: 1 });
    const r = await t.call(p.cadre, 'dossier', 'record', {
      kind: 'appeal_resolved',
      date: '2026-12-01',
      note: '自报诉求办结',
      enterpriseId: 'E002',
    } as never);
    expect(r).toMatchObject({ code: 'INVALID_INPUT', message: '企业诉求办结、重点项目节点由系统按记录自动计入，无需自行填报' });
  });
});

describe('好差评 and its follow-up', () => {
  it('a bad rating opens a call-back within 1 working day and a rectification within 15; a re-rating once after it', async () => {
    const p = await cast();
    const a = await filed(p.contact);
    const id = { appealId: a.id };
    data(await t.call(p.cadre, 'appeals', 'accept', id));
    data(await t.call(p.cadre, 'appeals', 'resolve', { ...id, note: '已协调' }));
    expect(await t.call(p.cadre, 'appeals', 'rate', { ...id, level: 5 })).toMatchObject({ code: 'FORBIDDEN' });
    const at = Date.now();
    const rated = data(await t.call(p.contact, 'appeals', 'rate', { ...id, level: 1, comment: '处理拖延' }));
    expect(rated.rating).toMatchObject({ level: 1, label: '非常不满意' });
    expect(rated.followUpOpen).toBe(true);
    expect(rated.followUp?.callBackBy).toBe(calendar().deadline(at, 1));
    expect(rated.followUp?.rectifyBy).toBe(calendar().deadline(at, 15));
    expect(await t.call(p.contact, 'appeals', 'rate', { ...id, level: 5 })).toMatchObject({ code: 'CONFLICT', message: '已评价过该诉求' });
    expect(data(await t.call(p.head, 'appeals', 'inbox', { state: 'followUp' })).items.map((x) => x.id)).toContain(a.id);

    expect(await t.call(p.cadre, 'appeals', 'rectify', { ...id, note: '已整改' })).toMatchObject({ code: 'CONFLICT', message: '请先记录回访情况' });
    data(await t.call(p.cadre, 'appeals', 'callBack', { ...id, note: '已电话回访，了解原因' }));
    const fixed = data(await t.call(p.cadre, 'appeals', 'rectify', { ...id, note: '已建立限时办结台账' }));
    expect(fixed.followUpOpen).toBe(false);
    const again = data(await t.call(p.contact, 'appeals', 'rate', { ...id, level: 4, comment: '整改后满意' }));
    expect(again.reRating).toMatchObject({ level: 4, label: '满意' });
    expect(await t.call(p.contact, 'appeals', 'rate', { ...id, level: 5 })).toMatchObject({
      code: 'CONFLICT',
      message: '已重新评价过一次，不能再评',
    });
  });

  it('a contested bad rating set aside by the admin counts for nothing and needs no follow-up', async () => {
    const p = await cast();
    const a = await filed(p.contact);
    const id = { appealId: a.id };
    data(await t.call(p.cadre, 'appeals', 'accept', id));
    data(await t.call(p.cadre, 'appeals', 'resolve', { ...id, note: '已协调' }));
    data(await t.call(p.contact, 'appeals', 'rate', { ...id, level: 2 }));
    expect(await t.call(p.other, 'appeals', 'contest', { ...id, note: '企业误评' })).toMatchObject({ code: 'FORBIDDEN' });
    data(await t.call(p.cadre, 'appeals', 'contest', { ...id, note: '企业误点差评，已电话核实' }));
    expect(await t.call(p.cadre, 'appeals', 'contest', { ...id, note: '再次申诉' })).toMatchObject({ code: 'CONFLICT' });
    expect(await t.call(p.leader, 'appeals', 'decide', { ...id, upheld: false, note: '核实为误评' })).toMatchObject({ code: 'FORBIDDEN' });
    const decided = data(await t.call(p.admin, 'appeals', 'decide', { ...id, upheld: false, note: '核实为误评' }));
    expect(decided.contest?.decision).toMatchObject({ upheld: false, note: '核实为误评' });
    expect(decided.followUpOpen).toBe(false);
    expect(decided.overdue).toEqual([]);
    expect(await t.call(p.admin, 'appeals', 'decide', { ...id, upheld: true, note: '改判' })).toMatchObject({
      code: 'CONFLICT',
      message: '该申诉已裁定',
    });
  });
});

describe('the park side', () => {
  it('flags an appeal not accepted by its deadline as overdue to the section head and leaders', async () => {
    const p = await cast();
    const a = await filed(p.contact);
    // the deadline passed: written into the store as the clock would have it
    const stored = await one<AppealDoc>('appeals', { _id: a.id });
    const all = await find<AppealDoc>('appeals');
    t.cloud.store.drop('appeals');
    t.cloud.store.insertMany(
      'appeals',
      all.map((x) => (x._id === a.id ? { ...stored, acceptBy: Date.now() - 60_000, nextDueAt: Date.now() - 60_000 } : x)),
    );
    for (const who of [p.head, p.leader]) {
      const overdue = data(await t.call(who, 'appeals', 'inbox', { state: 'overdue' }));
      const row = overdue.items.find((x) => x.id === a.id);
      expect(row?.overdue).toContain('accept');
    }
  });

  it('gives leaders the park’s figures by month from the records, and nobody below them', async () => {
    const p = await cast();
    const month = inPark(Date.now()).format('YYYY-MM');
    const before = data(await t.call(p.leader, 'appeals', 'dashboard', {}));
    const thisMonth = (d: typeof before) => d.months.find((m) => m.month === month)?.received ?? 0;
    await filed(p.contact, '园区道路照明不足，夜间通行不便');
    const after = data(await t.call(p.leader, 'appeals', 'dashboard', { months: 6 }));
    expect(thisMonth(after)).toBe(thisMonth(before) + 1);
    expect(after.months.length).toBeLessThanOrEqual(6);
    // the demo's half year: most confirmed, a satisfaction rate from its ratings
    expect(after.resolvedShare).toBeGreaterThan(0.8);
    expect(after.total.satisfaction).toBeGreaterThan(0.8);
    expect(await t.call(p.head, 'appeals', 'dashboard', {})).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets the admin reassign, restarting the clock to accept, and nobody else', async () => {
    const p = await cast();
    const a = await filed(p.contact);
    const to = await one<MemberDoc>('members', { roles: ['cadre'], bound: true, sectionId: { $ne: p.liaison.sectionId } });
    expect(await t.call(p.head, 'appeals', 'reassign', { appealId: a.id, memberId: to._id })).toMatchObject({ code: 'FORBIDDEN' });
    const moved = data(await t.call(p.admin, 'appeals', 'reassign', { appealId: a.id, memberId: to._id }));
    expect(moved).toMatchObject({ assigneeName: to.name, status: 'filed' });
    expect(await t.call(p.cadre, 'appeals', 'accept', { appealId: a.id })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('counts again, when the admin enters the year, the deadlines counted before on the law’s holidays alone', async () => {
    const p = await cast();
    // an appeal filed on New Year's Eve as the clock counted it then: 2027 had no arrangement yet
    const at = parkInstant('2026-12-31', '10:00');
    const doc = filedAppeal(
      {
        id: 'APROVISIONAL',
        enterprise: { _id: 'E002', name: (await one<EnterpriseDoc>('enterprises', { _id: 'E002' })).name },
        filer: null,
        assignee: { _id: p.liaison._id, name: p.liaison.name, sectionId: p.liaison.sectionId },
        category: 'labour',
        text: '年底招工需求',
        photoFileIds: [],
        at,
      },
      new WorkCalendar([LIBRARY_CALENDARS.get(2026), statutoryCalendar(2027)].filter((c): c is YearCalendar => c !== undefined)),
    );
    t.cloud.store.insertMany('appeals', [doc]);
    const before = data(await t.call(p.admin, 'appeals', 'get', { appealId: doc._id }));
    expect(before).toMatchObject({ deadlinesProvisional: true });
    expect(parkTimeText(before.acceptBy)).toBe('2027-01-04 23:59');
    // the notice as entered (say): 1–3 January, Monday the 4th bridged, Saturday the 9th worked
    const saved = data(
      await t.call(p.admin, 'park', 'saveCalendar', {
        year: 2027,
        offDays: ['2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'],
        makeUpDays: ['2027-01-09'],
      }),
    );
    expect(saved.recounted).toBeGreaterThanOrEqual(1);
    const after = data(await t.call(p.admin, 'appeals', 'get', { appealId: doc._id }));
    expect(after).toMatchObject({ deadlinesProvisional: false });
    expect(parkTimeText(after.acceptBy)).toBe('2027-01-05 23:59');
    expect(t.cloud.store.peek('appeals', doc._id)).not.toHaveProperty('provisional');
    t.cloud.store.drop('calendars');
  });

  it('keeps a working-day calendar per year: the library’s, the admin’s for a year it lacks, and refuses a wrong table', async () => {
    const p = await cast();
    expect(data(await t.call(p.cadre, 'park', 'calendar', { year: 2026 }))).toMatchObject({ source: 'library' });
    // a year without the notice: the law's holidays (元旦 … 国庆), no make-up days
    expect(data(await t.call(p.cadre, 'park', 'calendar', { year: 2031 }))).toMatchObject({
      source: 'statutory',
      offDays: expect.arrayContaining(['2031-01-01', '2031-05-01', '2031-10-03']),
      makeUpDays: [],
    });
    expect(await t.call(p.cadre, 'park', 'saveCalendar', { year: 2031, offDays: ['2031-01-01'], makeUpDays: [] })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await t.call(p.admin, 'park', 'saveCalendar', { year: 2031, offDays: ['2030-12-31'], makeUpDays: [] })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '日期 2030-12-31 不在 2031 年内',
    });
    expect(t.cloud.store.count('calendars')).toBe(0);
    const saved = data(await t.call(p.admin, 'park', 'saveCalendar', { year: 2031, offDays: ['2031-01-02', '2031-01-01'], makeUpDays: [] }));
    expect(saved).toEqual({ year: 2031, offDays: ['2031-01-01', '2031-01-02'], makeUpDays: [], source: 'admin', recounted: 0 });
    expect(data(await t.call(p.cadre, 'park', 'calendar', { year: 2031 }))).toMatchObject({ source: 'admin' });
  });
});

describe('the park dashboard (园区看板)', () => {
  it('is recomputed by the hourly tick and served from it while fresh; other spans and stale figures are computed now', async () => {
    const leader = await t.as('M001');
    const dash = async (months: number) => data(await t.call(leader, 'appeals', 'dashboard', { months }));
    const projects = async (months: number) => data(await t.call(leader, 'projects', 'dashboard', { months }));
    const live = await dash(6);
    const at = Date.now() - 1000;
    expect(await t.cloud.fireTimer('appeals', 'dashboard', at)).toMatchObject({ ok: true, result: { code: 0, data: { spans: 3 } } });
    expect(await t.cloud.fireTimer('projects', 'dashboard', at)).toMatchObject({ ok: true, result: { code: 0 } });
    const snap = await dash(6);
    expect(snap.asOf).toBe(at);
    expect({ ...snap, asOf: 0 }).toEqual({ ...live, asOf: 0 });
    expect((await projects(12)).asOf).toBe(at);
    expect((await dash(12)).asOf).toBe(at);
    // 5 months is not a span the page offers: computed now
    expect((await dash(5)).asOf).toBeGreaterThan(at);
    // a tick of two hours ago is too old to serve
    expect(await t.cloud.fireTimer('appeals', 'dashboard', Date.now() - 2 * 3600_000)).toMatchObject({ ok: true });
    expect((await dash(3)).asOf).toBeGreaterThan(at);
    // the tick is the platform's: a client sending its event is refused
    expect((await t.raw(leader, 'appeals', { Type: 'Timer', TriggerName: 'dashboard' })).result).toMatchObject({ code: 'FORBIDDEN' });
  });
});
