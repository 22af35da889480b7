/**
 * Red and yellow cards (红黄牌) through the local cloud: the rules propose them from the demo park's records (a
 * 较差 quarter, an overdue appeal, a lagging milestone), a leader issues or withholds each with a reason, the cadre
 * sees theirs with what lifts it, a card is lifted only once that has happened, a second yellow in force proposes a
 * red, an unlifted red card vetoes 优秀, and every decision is in the audit trail.
 */
import type { CardDoc } from '../../cloudfunctions/cards/src/lib';
import { inPark } from '../../shared/common/time';
import type { MemberDoc } from '../../shared/members/member';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
let leader: string;
let admin: string;
const find = async <T>(coll: string, q: object = {}) => (await t.cloud.store.find(coll, q)) as T[];
const state = async () => JSON.stringify(await Promise.all(['cards', 'auditLog', 'auditHead'].map((c) => find(c))));

beforeAll(async () => {
  t = await startTestCloud();
  leader = await t.as('M001');
  admin = await t.as('M002');
});
afterAll(() => t.stop());

const pending = async () => data(await t.call(leader, 'cards', 'proposals', {})).pending;

describe('the rules propose', () => {
  it('a red card for each 较差 quarter, yellows for overdue appeals and lagging milestones, each naming the item, reds first', async () => {
    const p = await pending();
    expect(new Set(p.map((x) => x.rule))).toEqual(new Set(['quarter', 'appeal', 'project']));
    const firstYellow = p.findIndex((x) => x.color === 'yellow');
    expect(p.slice(0, firstYellow).every((x) => x.color === 'red')).toBe(true);
    expect(p.filter((x) => x.rule === 'quarter').every((x) => /^\d{4}年第.季度考核等次为“较差”$/.test(x.why))).toBe(true);
    expect(p.filter((x) => x.rule === 'project').every((x) => /^重点项目“.+”的“.+”节点计划\d{4}-\d\d-\d\d完成，已滞后\d+天$/.test(x.why))).toBe(true);
    expect(p.filter((x) => x.rule === 'appeal').every((x) => /的诉求超期未/.test(x.why))).toBe(true);
    expect(p.every((x) => x.memberName.length > 0 && x.liftWhen.length > 0)).toBe(true);
  });
});

describe('the leader decides', () => {
  it('issues a card with a reason; the cadre sees it, why and what lifts it; it is decided once', async () => {
    const p = (await pending()).find((x) => x.rule === 'quarter');
    if (!p) throw new Error('no 较差 quarter proposed');
    const before = await state();
    expect(await t.call(leader, 'cards', 'issue', { key: p.key, reason: '' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '请填写理由（至少2个字）',
    });
    // a section head proposes nothing and issues nothing
    const [head] = (await find<MemberDoc>('members', { bound: true })).filter((m) => m.roles.includes('sectionHead') && !m.roles.includes('leader'));
    expect(await t.call(await t.as(head?._id ?? ''), 'cards', 'issue', { key: p.key, reason: '季度考核较差' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await state()).toBe(before);
    const card = data(await t.call(leader, 'cards', 'issue', { key: p.key, reason: '经班子研究，给予红牌警示' }));
    expect(card).toMatchObject({ key: p.key, color: 'red', status: 'issued', issuedByName: '刘欣', reason: '经班子研究，给予红牌警示', why: p.why });
    // twice at once, or again: once
    expect(await t.call(leader, 'cards', 'issue', { key: p.key, reason: '再发一次' })).toMatchObject({
      code: 'CONFLICT',
      message: '该红黄牌建议已处理过',
    });
    expect((await pending()).some((x) => x.key === p.key)).toBe(false);
    const cadre = await t.as(p.memberId);
    const mine = data(await t.call(cadre, 'cards', 'cards', {})).cards;
    expect(mine).toEqual([expect.objectContaining({ key: p.key, color: 'red', why: p.why, liftWhen: p.liftWhen, status: 'issued' })]);
    // another cadre may not read it
    const [other] = (await find<MemberDoc>('members', { roles: ['cadre'], bound: true })).filter((m) => m._id !== p.memberId);
    expect(await t.call(await t.as(other?._id ?? ''), 'cards', 'cards', { memberId: p.memberId })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('withholds one with a reason: it is not proposed again, and the cadre never sees it', async () => {
    const p = (await pending()).find((x) => x.rule === 'appeal');
    if (!p) throw new Error('no overdue appeal proposed');
    expect(data(await t.call(leader, 'cards', 'withhold', { key: p.key, reason: '诉求涉及跨部门协调，超期情有可原' }))).toEqual({ key: p.key });
    expect((await pending()).some((x) => x.key === p.key)).toBe(false);
    expect(data(await t.call(await t.as(p.memberId), 'cards', 'cards', {})).cards.some((c) => c.key === p.key)).toBe(false);
    expect(await t.call(leader, 'cards', 'issue', { key: p.key, reason: '改为发放' })).toMatchObject({ code: 'CONFLICT' });
    expect(await t.call(leader, 'cards', 'issue', { key: 'quarter_2019Q1_M999', reason: '没有的建议' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('lifts a card only once what lifts it has happened, and keeps it in the history', async () => {
    for (const q of (await pending()).filter((x) => x.rule === 'quarter'))
      data(await t.call(leader, 'cards', 'issue', { key: q.key, reason: '季度考核较差，给予红牌' }));
    const inForce = data(await t.call(leader, 'cards', 'proposals', {})).inForce;
    // a 较差 quarter with no better quarter after it (the latest closed one) cannot be lifted yet
    const stuck = inForce.filter((c) => c.rule === 'quarter').sort((a, b) => (a.key < b.key ? 1 : -1))[0];
    if (!stuck) throw new Error('no 较差 quarter card');
    expect(stuck.liftable).toBe(false);
    const before = await state();
    expect(await t.call(leader, 'cards', 'lift', { key: stuck.key, reason: '已整改' })).toMatchObject({
      code: 'CONFLICT',
      message: `解除条件尚未满足：${stuck.liftWhen}`,
    });
    expect(await state()).toBe(before);
    const liftable = inForce.find((c) => c.liftable);
    if (!liftable) throw new Error('no card that may be lifted');
    const lifted = data(await t.call(leader, 'cards', 'lift', { key: liftable.key, reason: '后续季度考核已达一般以上' }));
    expect(lifted).toMatchObject({ status: 'lifted', liftedByName: '刘欣', liftReason: '后续季度考核已达一般以上', liftable: false });
    expect(await t.call(leader, 'cards', 'lift', { key: liftable.key, reason: '再解除一次' })).toMatchObject({
      code: 'CONFLICT',
      message: '这张红黄牌已经解除',
    });
    expect(data(await t.call(await t.as(liftable.memberId), 'cards', 'cards', {})).cards.find((c) => c.key === liftable.key)).toMatchObject({
      status: 'lifted',
    });
  });

  it('proposes a red card for a second yellow while the first is in force', async () => {
    const yellows = (await pending()).filter((x) => x.color === 'yellow');
    const twice = yellows.find((x) => yellows.some((y) => y.memberId === x.memberId && y.key !== x.key));
    if (!twice) throw new Error('nobody with two yellow proposals');
    const both = yellows.filter((y) => y.memberId === twice.memberId).slice(0, 2);
    for (const y of both) data(await t.call(leader, 'cards', 'issue', { key: y.key, reason: '给予黄牌警示' }));
    const repeat = (await pending()).find((x) => x.rule === 'repeat' && x.memberId === twice.memberId);
    expect(repeat).toMatchObject({ color: 'red', why: '已有黄牌未解除，又被发放黄牌' });
  });
});

describe('the consequences', () => {
  it('an unlifted red card vetoes 优秀 in the year’s results (a setting)', async () => {
    const year = inPark(Date.now()).year() - 1;
    data(await t.call(admin, 'annual', 'compute', { year }));
    const top = data(await t.call(leader, 'annual', 'ranking', { year })).cadres.find((c) => c.grade === 'excellent');
    if (!top) throw new Error('nobody 优秀');
    // a red card of that year, in force (as a leader would have issued it then)
    const card: CardDoc = {
      _id: `quarter_${year}Q4_${top.memberId}`,
      rule: 'quarter',
      color: 'red',
      memberId: top.memberId,
      why: `${year}年第四季度考核等次为“较差”`,
      liftWhen: '',
      status: 'issued',
      decidedAt: Date.parse(`${year}-12-30T02:00:00Z`),
      decidedBy: 'M001',
      decidedByName: '刘欣',
      reason: '测试',
      liftedAt: null,
      liftedBy: null,
      liftedByName: null,
      liftReason: null,
      auditSeq: 0,
      liftAuditSeq: null,
    };
    t.cloud.store.insertMany('cards', [card]);
    data(await t.call(admin, 'annual', 'compute', { year }));
    const e = data(await t.call(leader, 'annual', 'explain', { year, memberId: top.memberId }));
    expect(e.proposed).toBe('competent');
    expect(e.reasons).toContain('有未解除的红牌，不能评为优秀');
    // the audit check sees a card no entry records
    expect(data(await t.call(admin, 'audit', 'verify', {})).recordsMismatched).toContain(`cards:${top.memberId}:${card._id}`);
  });

  it('every decision is in the audit trail, and the chain holds', async () => {
    const log = data(await t.call(admin, 'audit', 'log', {})).entries;
    const kinds = new Set(log.map((e) => e.kind));
    expect(kinds).toEqual(new Set(['cards.issue', 'cards.withhold', 'cards.lift']));
    expect(log.find((e) => e.kind === 'cards.withhold')?.reason).toBe('诉求涉及跨部门协调，超期情有可原');
    const v = data(await t.call(admin, 'audit', 'verify', {}));
    expect(v.problem).toBe('1项记录与审计链不符');
    expect(v.count).toBe(log.length);
  });
});
