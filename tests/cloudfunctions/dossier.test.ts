import { demoOpenid } from '../../demo/park';
import { dayjs, dayOf, quarterOf, quarterRange } from '../../shared/common/time';
import { DEFAULT_QUARTER_TARGETS } from '../../shared/dossier/config';
import { dossierId, REPORT_DATE_MESSAGES, type DossierDoc, type ReportDoc } from '../../shared/dossier/dossier';
import type { MemberDoc } from '../../shared/members/member';
import type { EnterpriseDoc } from '../../shared/park/park';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
const today = () => dayOf(Date.now());
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

/** A bound cadre of a section, and an enterprise they have not visited this quarter. */
async function cadreAndFreshEnterprise(sectionId: string) {
  const m = await one<MemberDoc>('members', { sectionId, roles: ['cadre'], bound: true });
  const d = await one<DossierDoc>('dossiers', { _id: dossierId(quarterOf(Date.now()), m._id) });
  const e = (await find<EnterpriseDoc>('enterprises')).find((x) => !d.visitedEnterpriseIds.includes(x._id));
  if (!e) throw new Error('no fresh enterprise');
  return { m, d, e, token: await t.as(m._id) };
}

describe('my dossier (绩效档案)', () => {
  it('shows this quarter’s three targets with what the cadre has done so far', async () => {
    const { m, d, token } = await cadreAndFreshEnterprise('S03');
    const view = data(await t.call(token, 'dossier', 'mine', {}));
    expect(view.periodId).toBe(quarterOf(Date.now()));
    expect(view.open).toBe(true);
    expect(view.memberName).toBe(m.name);
    expect(view.targets.map((x) => [x.metric, x.target, x.done])).toEqual([
      ['enterprise_visit', DEFAULT_QUARTER_TARGETS.enterprise_visit, d.progress.enterprise_visit],
      ['project_milestone', DEFAULT_QUARTER_TARGETS.project_milestone, d.progress.project_milestone],
      ['appeal_resolved', DEFAULT_QUARTER_TARGETS.appeal_resolved, d.progress.appeal_resolved],
    ]);
    expect(view.recent.length).toBeLessThanOrEqual(5);
  });
});

describe('recording an enterprise visit', () => {
  it('moves the visit target at once, and a repeat visit only adds to the visit count', async () => {
    const { m, d, e, token } = await cadreAndFreshEnterprise('S04');
    const note = '了解企业扩产用工需求';
    const after = data(await t.call(token, 'dossier', 'recordVisit', { enterpriseId: e._id, date: today(), note }));
    const visits = after.targets.find((x) => x.metric === 'enterprise_visit');
    expect(visits?.done).toBe(d.progress.enterprise_visit + 1);
    expect(after.visitCount).toBe(d.visitCount + 1);
    expect(after.recent[0]).toMatchObject({ enterpriseName: e.name, note, date: today() });

    const again = data(await t.call(token, 'dossier', 'recordVisit', { enterpriseId: e._id, date: today(), note: '回访' }));
    expect(again.targets.find((x) => x.metric === 'enterprise_visit')?.done).toBe(d.progress.enterprise_visit + 1);
    expect(again.visitCount).toBe(d.visitCount + 2);

    // The report belongs to whoever the platform says called, whatever the request carried.
    const stored = await find<ReportDoc>('reports', { enterpriseId: e._id, memberId: m._id });
    expect(stored).toHaveLength(2);
  });

  it('refuses a date after today or before the quarter, saying why, and writes nothing', async () => {
    const { m, e, token } = await cadreAndFreshEnterprise('S05');
    const before = (await find<ReportDoc>('reports', { memberId: m._id })).length;
    const tomorrow = dayjs(today()).add(1, 'day').format('YYYY-MM-DD');
    const r1 = await t.call(token, 'dossier', 'recordVisit', { enterpriseId: e._id, date: tomorrow, note: '走访企业' });
    // On the quarter's last day, tomorrow is also after the quarter; either way it is refused.
    expect(r1).toMatchObject({ code: 'INVALID_INPUT', details: [{ path: 'date' }] });
    const dayBefore = dayjs(quarterRange(quarterOf(Date.now())).first)
      .subtract(1, 'day')
      .format('YYYY-MM-DD');
    const r2 = await t.call(token, 'dossier', 'recordVisit', { enterpriseId: e._id, date: dayBefore, note: '走访企业' });
    expect(r2).toMatchObject({ code: 'INVALID_INPUT', message: REPORT_DATE_MESSAGES.before_period });
    expect(await find<ReportDoc>('reports', { memberId: m._id })).toHaveLength(before);
  });

  it('refuses an enterprise that does not exist, and someone else’s photo', async () => {
    const { e, token } = await cadreAndFreshEnterprise('S06');
    const r1 = await t.call(token, 'dossier', 'recordVisit', { enterpriseId: 'E999', date: today(), note: '走访企业' });
    expect(r1).toMatchObject({ code: 'NOT_FOUND' });
    const r2 = await t.call(token, 'dossier', 'recordVisit', {
      enterpriseId: e._id,
      date: today(),
      note: '走访企业',
      photoFileIds: ['cloud://yardstick-local.local/reports/M001/x.jpg'],
    });
    expect(r2).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('keeps a photo the cadre uploaded and shows it back through a temporary link', async () => {
    const { m, e, token } = await cadreAndFreshEnterprise('S08');
    const bytes = Buffer.from('\xff\xd8\xff\xe0 pretend jpeg', 'latin1');
    const up = await fetch(`${t.cloud.url}/api/upload?cloudPath=${encodeURIComponent(`reports/${m._id}/t1.jpg`)}`, {
      method: 'POST',
      headers: { 'x-session': token, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    const { fileID } = (await up.json()) as { fileID: string };
    const view = data(
      await t.call(token, 'dossier', 'recordVisit', { enterpriseId: e._id, date: today(), note: '现场查看', photoFileIds: [fileID] }),
    );
    const url = view.recent[0]?.photoUrls[0];
    expect(url).toBeTruthy();
    expect(Buffer.from(await (await fetch(String(url))).arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('counts every one of ten visits recorded at the same moment', async () => {
    const { m, d, token } = await cadreAndFreshEnterprise('S09');
    const fresh = (await find<EnterpriseDoc>('enterprises')).filter((x) => !d.visitedEnterpriseIds.includes(x._id)).slice(0, 10);
    const replies = await Promise.all(
      fresh.map((e) => t.call(token, 'dossier', 'recordVisit', { enterpriseId: e._id, date: today(), note: '集中走访' })),
    );
    expect(replies.map((r) => r.code)).toEqual(Array(10).fill(0));
    const stored = await one<DossierDoc>('dossiers', { _id: d._id });
    expect(stored.progress.enterprise_visit).toBe(d.progress.enterprise_visit + 10);
    expect(stored.visitCount).toBe(d.visitCount + 10);
    expect(await find<ReportDoc>('reports', { memberId: m._id, note: '集中走访' })).toHaveLength(10);
  });

  it('acts once on a report sent again after its reply was lost, and answers the copy with the first reply', async () => {
    const { m, d, e, token } = await cadreAndFreshEnterprise('S07');
    const input = { kind: 'enterprise_visit', enterpriseId: e._id, date: today(), note: '回复丢失后重发', photoFileIds: [] };
    const send = (requestId: string) => t.raw(token, 'dossier', { action: 'record', input, requestId });
    const first = await send('lost-reply-0001');
    // the phone heard nothing and sends the same request again, and then twice at once
    const again = await send('lost-reply-0001');
    const twice = await Promise.all([send('lost-reply-0001'), send('lost-reply-0001')]);
    expect(again).toEqual(first);
    for (const r of twice) expect(r).toEqual(first);
    expect(await find<ReportDoc>('reports', { memberId: m._id, note: '回复丢失后重发' })).toHaveLength(1);
    const stored = await one<DossierDoc>('dossiers', { _id: d._id });
    expect(stored.progress.enterprise_visit).toBe(d.progress.enterprise_visit + 1);
    // the report is named from a hash of the request: no request record, and the caller's WeChat identity is nowhere in it
    const [named] = await find<ReportDoc>('reports', { memberId: m._id, note: '回复丢失后重发' });
    expect(named?._id).toMatch(/^RPT-[0-9a-f]{24}$/);
    expect(named?._id).not.toContain(demoOpenid(m._id));
    expect(await find('requests')).toHaveLength(0);
    // sent again much later (the phone kept the draft overnight): still the one report
    const rerun = await send('lost-reply-0001');
    expect((rerun.result as { code: unknown }).code).toBe(0);
    expect(await find<ReportDoc>('reports', { memberId: m._id, note: '回复丢失后重发' })).toHaveLength(1);
    // a new request (another id) is a new report
    expect(((await send('lost-reply-0002')).result as { code: unknown }).code).toBe(0);
    expect(await find<ReportDoc>('reports', { memberId: m._id, note: '回复丢失后重发' })).toHaveLength(2);
  });

  it('answers a late copy of a saved summary with its first reply, without overwriting what was saved since', async () => {
    const { m, token } = await cadreAndFreshEnterprise('S08');
    const save = (text: string, requestId: string) => t.raw(token, 'dossier', { action: 'saveSummary', input: { text }, requestId });
    const first = await save('第一稿：本季度走访企业十二家，协调解决用工诉求三件。', 'summary-0001');
    await save('第二稿：本季度走访企业十五家，协调解决用工和融资诉求五件。', 'summary-0002');
    // the first save's reply was lost on the way; the phone's retry of it arrives after the second save
    const late = await save('第一稿：本季度走访企业十二家，协调解决用工诉求三件。', 'summary-0001');
    expect(late).toEqual(first);
    expect(data(await t.call(token, 'dossier', 'summary', {})).text).toMatch(/^第二稿/);
    // the request record's key is a hash, and the caller's WeChat identity is nowhere in it
    const done = await find<{ _id: string; state: string }>('requests', { state: 'done' });
    expect(done.length).toBeGreaterThanOrEqual(2);
    for (const r of done) expect(r._id).toMatch(/^[0-9a-f]{40}$/);
    expect(JSON.stringify(done)).not.toContain(demoOpenid(m._id));
    expect(JSON.stringify(done)).not.toContain(m._id);
  });

  it('refuses visits once the quarter is closed', async () => {
    const { e, token } = await cadreAndFreshEnterprise('S10');
    t.cloud.store.drop('periods');
    t.cloud.store.insertMany('periods', [{ _id: quarterOf(Date.now()), status: 'closed' }]);
    try {
      const r = await t.call(token, 'dossier', 'recordVisit', { enterpriseId: e._id, date: today(), note: '走访企业' });
      expect(r).toMatchObject({ code: 'CLOSED' });
      expect(data(await t.call(token, 'dossier', 'mine', {})).open).toBe(false);
    } finally {
      t.cloud.store.drop('periods');
      t.cloud.store.insertMany('periods', [{ _id: quarterOf(Date.now()), status: 'open' }]);
    }
  });

  it('is for cadres only', async () => {
    const contact = await t.as('C002');
    const r = await t.call(contact, 'dossier', 'recordVisit', { enterpriseId: 'E002', date: today(), note: '自己走访自己' });
    expect(r).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('a section head’s view of the staff (考人)', () => {
  it('lists the section’s cadres, best progress first', async () => {
    const head = await one<MemberDoc>('members', { sectionId: 'S07', roles: 'sectionHead' });
    const view = data(await t.call(await t.as(head._id), 'dossier', 'sectionStaff', {}));
    const staff = (await find<MemberDoc>('members', { sectionId: 'S07', roles: 'cadre' })).map((m) => m.name);
    expect(view.sectionName).toBe('项目推进部');
    expect(view.staff.map((s) => s.name).sort()).toEqual([...staff].sort());
    expect(view.staff.map((s) => s.name)).toContain('宋博华');
    const percents = view.staff.map((s) => s.overallPercent);
    expect(percents).toEqual([...percents].sort((a, b) => b - a));
  });

  it('does not show a section head another section, nor a cadre any', async () => {
    const head = await one<MemberDoc>('members', { sectionId: 'S07', roles: 'sectionHead' });
    const r = await t.call(await t.as(head._id), 'dossier', 'sectionStaff', { sectionId: 'S03' });
    expect(r).toMatchObject({ code: 'FORBIDDEN' });
    const cadre = await one<MemberDoc>('members', { sectionId: 'S07', roles: ['cadre'] });
    expect(await t.call(await t.as(cadre._id), 'dossier', 'sectionStaff', {})).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('shows a leader without a section of their own the first section until they pick one', async () => {
    const view = data(await t.call(await t.as('M001'), 'dossier', 'sectionStaff', {}));
    expect(view.sectionId).toBe('S01');
  });

  it('lets a leader look at any section', async () => {
    const view = data(await t.call(await t.as('M001'), 'dossier', 'sectionStaff', { sectionId: 'S03' }));
    expect(view.staff.map((s) => s.name)).toContain('胡广初');
  });
});
