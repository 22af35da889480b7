/**
 * Visits the enterprise confirms (走访确认), through the local cloud and the real SDK: the cadre shows a one-time
 * code; only the visited enterprise's contact may answer, once (two scans at once answer once), before it expires;
 * a confirmed visit shows apart in the dossier, a denied one stops counting; and the admin's setting decides
 * whether unconfirmed visits count towards the 走访企业 target.
 */
import { dayOf, quarterOf } from '../../shared/common/time';
import { dossierId, type DossierDoc, type ReportDoc, type VisitCodeDoc } from '../../shared/dossier/dossier';
import type { MemberDoc } from '../../shared/members/member';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
const today = () => dayOf(Date.now());
const find = async <T>(coll: string, q: object = {}) => (await t.cloud.store.find(coll, q)) as T[];
const dossierOf = async (memberId: string) => (await find<DossierDoc>('dossiers', { _id: dossierId(quarterOf(Date.now()), memberId) }))[0];
const state = async () => JSON.stringify(await Promise.all(['reports', 'dossiers', 'visitCodes'].map((c) => find(c))));

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());

/** A cadre who has not visited E002 this quarter, the contact of E002 (C002) and of E001 (C001). */
async function cast(sectionId: string) {
  const cadres = await find<MemberDoc>('members', { sectionId, roles: ['cadre'], bound: true });
  for (const m of cadres) {
    const d = await dossierOf(m._id);
    if (!d?.visitedEnterpriseIds.includes('E002')) {
      return { m, cadre: await t.as(m._id), contact: await t.as('C002'), otherContact: await t.as('C001'), admin: await t.as('M002') };
    }
  }
  throw new Error('every cadre of the section visited E002');
}

async function visited(cadre: string, note = '了解企业扩产用工需求') {
  const r = data(await t.call(cadre, 'dossier', 'recordVisit', { enterpriseId: 'E002', date: today(), note }));
  const code = data(await t.call(cadre, 'dossier', 'visitCode', { reportId: r.recordedId }));
  return { reportId: r.recordedId, ...code, dossier: r };
}

describe('a visit confirmed by the enterprise', () => {
  it('the contact sees who visited, confirms once, and the dossier shows it apart', async () => {
    const c = await cast('S03');
    const v = await visited(c.cadre);
    expect(v.scene).toBe(`v=${v.code}`);
    expect(v.scene.length).toBeLessThanOrEqual(32);
    expect(v.qrUrl).toMatch(/^https?:\/\//);
    expect(v.confirmation).toBe('pending');
    expect(v.dossier.recent.find((r) => r.id === v.reportId)?.confirmation).toBe('pending');
    // shown again, the same code while it is valid
    expect(data(await t.call(c.cadre, 'dossier', 'visitCode', { reportId: v.reportId })).code).toBe(v.code);

    const seen = data(await t.call(c.contact, 'dossier', 'visit', { code: v.code.toLowerCase() }));
    expect(seen).toMatchObject({ cadreName: c.m.name, date: today(), note: '了解企业扩产用工需求', confirmation: 'pending' });
    const answered = data(await t.call(c.contact, 'dossier', 'confirmVisit', { code: v.code, confirm: true }));
    expect(answered.confirmation).toBe('confirmed');
    const mine = data(await t.call(c.cadre, 'dossier', 'mine', {}));
    expect(mine.visits.confirmed).toBe(v.dossier.visits.confirmed + 1);
    expect(mine.visits.unconfirmed).toBe(v.dossier.visits.unconfirmed - 1);
    expect(mine.recent.find((r) => r.id === v.reportId)?.confirmation).toBe('confirmed');

    // once: the code is spent, and the visit asks for no code any more
    const snapshot = await state();
    expect(await t.call(c.contact, 'dossier', 'confirmVisit', { code: v.code, confirm: false, note: '重复扫码' })).toMatchObject({
      code: 'CONFLICT',
      message: '该走访已答复，确认码已失效',
    });
    expect(await t.call(c.cadre, 'dossier', 'visitCode', { reportId: v.reportId })).toMatchObject({
      code: 'CONFLICT',
      message: '企业已确认这次走访',
    });
    expect(await state()).toBe(snapshot);
  });

  it('answers nobody but the visited enterprise’s contact, nor an expired or unknown code', async () => {
    const c = await cast('S04');
    const v = await visited(c.cadre);
    const snapshot = await state();
    expect(await t.call(c.otherContact, 'dossier', 'confirmVisit', { code: v.code, confirm: true })).toMatchObject({
      code: 'FORBIDDEN',
      message: '这是其他企业的走访确认码',
    });
    expect(await t.call(c.otherContact, 'dossier', 'visit', { code: v.code })).toMatchObject({ code: 'FORBIDDEN' });
    // the cadre cannot confirm their own visit: it takes the enterprise's role
    expect(await t.call(c.cadre, 'dossier', 'confirmVisit', { code: v.code, confirm: true })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.call(c.contact, 'dossier', 'confirmVisit', { code: 'ABCDEFGHJKMN', confirm: true })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await t.call(c.contact, 'dossier', 'confirmVisit', { code: v.code, confirm: false })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '请说明哪里不属实（至少2个字）',
    });
    expect(await state()).toBe(snapshot);

    // a code past its days
    const [issued] = await find<VisitCodeDoc>('visitCodes', { _id: v.code });
    if (!issued) throw new Error('the code was not stored');
    const expired: VisitCodeDoc = {
      ...issued,
      _id: 'EXPRDCQDE234',
      expiresAt: Date.now() - 1000,
    };
    t.cloud.store.insertMany('visitCodes', [expired]);
    const before = await state();
    expect(await t.call(c.contact, 'dossier', 'confirmVisit', { code: expired._id, confirm: true })).toMatchObject({
      code: 'EXPIRED',
      message: '确认码已过期，请走访干部重新出示',
    });
    expect(await state()).toBe(before);
  });

  it('two scans of one code at once: exactly one answer counts', async () => {
    const c = await cast('S05');
    const v = await visited(c.cadre);
    const replies = await Promise.all([
      t.call(c.contact, 'dossier', 'confirmVisit', { code: v.code, confirm: true }),
      t.call(c.contact, 'dossier', 'confirmVisit', { code: v.code, confirm: true }),
    ]);
    expect(replies.map((r) => r.code).sort()).toEqual([0, 'CONFLICT']);
    const d = await dossierOf(c.m._id);
    expect(d?.confirmedVisits).toBe(v.dossier.visits.confirmed + 1);
  });
});

describe('a visit denied by the enterprise', () => {
  it('stops counting: off the visit count, and the enterprise off the target with its last visit', async () => {
    const c = await cast('S06');
    const first = await visited(c.cadre);
    const second = await visited(c.cadre, '回访：跟进用工对接');
    const base = second.dossier;
    const done = (d: Pick<typeof base, 'targets'>) => d.targets.find((x) => x.metric === 'enterprise_visit')?.done;

    data(await t.call(c.contact, 'dossier', 'confirmVisit', { code: first.code, confirm: false, note: '当天无人来访' }));
    let mine = data(await t.call(c.cadre, 'dossier', 'mine', {}));
    expect(mine.visitCount).toBe(base.visitCount - 1);
    // the other visit to E002 still stands
    expect(done(mine)).toBe(done(base));
    expect(mine.visits.denied).toBe(base.visits.denied + 1);

    data(await t.call(c.contact, 'dossier', 'confirmVisit', { code: second.code, confirm: false, note: '未见到该干部' }));
    mine = data(await t.call(c.cadre, 'dossier', 'mine', {}));
    expect(done(mine)).toBe((done(base) ?? 0) - 1);
    expect((await find<ReportDoc>('reports', { _id: second.reportId }))[0]).toMatchObject({
      confirmation: 'denied',
      confirmationNote: '未见到该干部',
    });
  });
});

describe('the admin’s setting', () => {
  it('with unconfirmed visits left out, 走访企业 counts the enterprises that confirmed', async () => {
    const c = await cast('S07');
    const v = await visited(c.cadre);
    const done = async () => data(await t.call(c.cadre, 'dossier', 'mine', {})).targets.find((x) => x.metric === 'enterprise_visit')?.done;
    const all = await done();
    expect(await t.call(await t.as('M001'), 'dossier', 'saveSettings', { countUnconfirmedVisits: false })).toMatchObject({ code: 'FORBIDDEN' });
    expect(data(await t.call(c.admin, 'dossier', 'saveSettings', { countUnconfirmedVisits: false }))).toEqual({ countUnconfirmedVisits: false });
    try {
      const confirmedBefore = (await dossierOf(c.m._id))?.confirmedEnterpriseIds?.length ?? 0;
      expect(await done()).toBe(confirmedBefore);
      expect(confirmedBefore).toBeLessThan(all ?? 0);
      data(await t.call(c.contact, 'dossier', 'confirmVisit', { code: v.code, confirm: true }));
      expect(await done()).toBe(confirmedBefore + 1);
      expect(data(await t.call(c.cadre, 'dossier', 'mine', {})).visits.countsUnconfirmed).toBe(false);
    } finally {
      data(await t.call(c.admin, 'dossier', 'saveSettings', { countUnconfirmedVisits: true }));
    }
    expect(await done()).toBe(all);
  });
});
