import type { SqliteStore } from '../../localcloud/src/store';
import { REQUEST_KEPT_MS } from '../../server/common/replay';
import type { OutputOf } from '../../shared/contracts';
import { INVITE } from '../../shared/members/config';
import type { InviteDoc } from '../../shared/members/invite';
import type { MemberDoc } from '../../shared/members/member';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
let admin: string;
const members = () => t.cloud.store.find('members') as Promise<MemberDoc[]> | MemberDoc[];
const member = async (q: (m: MemberDoc) => boolean) => {
  const m = (await members()).find(q);
  if (!m) throw new Error('no such demo member');
  return m;
};

beforeAll(async () => {
  t = await startTestCloud();
  admin = await t.as('M002'); // 李玥, 党工委委员、组织员
});
afterAll(() => t.stop());

describe('who am I (members.me)', () => {
  it('tells a bound cadre their name, roles and section', async () => {
    const hu = await member((m) => m.name === '胡广初');
    const me = data(await t.call(await t.as(hu._id), 'members', 'me', {}));
    expect(me).toMatchObject({ memberId: hu._id, name: '胡广初', roles: ['cadre'], sectionName: '规划工程部' });
  });

  it('tells a WeChat user who is not bound yet to enter an invite code', async () => {
    const { token } = await t.newUser();
    const r = await t.call(token, 'members', 'me', {});
    expect(r.code).toBe('UNBOUND');
    expect(r.code !== 0 && r.message).toMatch(/邀请码/);
  });

  it('answers an unknown action and malformed input with a coded Chinese error', async () => {
    const r1 = await t.raw(admin, 'members', { action: 'dropEverything', input: {} });
    expect(r1.result).toMatchObject({ code: 'UNKNOWN_ACTION' });
    const r2 = await t.raw(admin, 'members', 'not an event');
    expect(r2.result).toMatchObject({ code: 'INVALID_INPUT' });
    const r3 = await t.raw(admin, 'members', { action: 'issueInvite', input: { memberId: { $ne: null } } });
    expect(r3.result).toMatchObject({ code: 'INVALID_INPUT' });
  });
});

describe('binding a WeChat identity with an invite code', () => {
  it('lets the admin issue a code with a scannable mini-program code, and a new cadre bind with it once', async () => {
    const newcomer = await member((m) => !m.bound && m.roles.includes('cadre'));
    const inv = data(await t.call(admin, 'members', 'issueInvite', { memberId: newcomer._id }));
    expect(inv.code).toMatch(new RegExp(`^[${INVITE.alphabet}]{${INVITE.length}}$`));
    expect(inv.memberName).toBe(newcomer.name);
    expect(inv.page).toBe('pages/bind/index');
    // The QR image is a real PNG served from storage through a temporary URL.
    const png = Buffer.from(await (await fetch(inv.qrUrl)).arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');

    const user = await t.newUser();
    const me = data(await t.call(user.token, 'members', 'bind', { code: inv.code.toLowerCase() }));
    expect(me.memberId).toBe(newcomer._id);
    expect(data(await t.call(user.token, 'members', 'me', {})).name).toBe(newcomer.name);

    // The same code a second time, by someone else: refused, and the first binding stands.
    const other = await t.newUser();
    const again = await t.call(other.token, 'members', 'bind', { code: inv.code });
    expect(again).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/已被使用/) });
    expect((await t.call(other.token, 'members', 'me', {})).code).toBe('UNBOUND');
  });

  it('refuses an expired code and changes nothing', async () => {
    const newcomer = await member((m) => !m.bound && m.roles.includes('cadre'));
    const expired: InviteDoc = {
      _id: 'EXPRD234',
      memberId: newcomer._id,
      issuedBy: 'M002',
      issuedAt: Date.now() - 8 * 86400_000,
      expiresAt: Date.now() - 86400_000,
      usedAt: null,
      usedByOpenid: null,
    };
    t.cloud.store.insertMany('invites', [expired]);
    const user = await t.newUser();
    const r = await t.call(user.token, 'members', 'bind', { code: 'EXPRD234' });
    expect(r).toMatchObject({ code: 'EXPIRED' });
    expect((await member((m) => m._id === newcomer._id)).bound).toBe(false);
    expect(await t.cloud.store.find('bindings', { _id: user.openid })).toEqual([]);
  });

  it('refuses a code nobody issued', async () => {
    const user = await t.newUser();
    expect(await t.call(user.token, 'members', 'bind', { code: 'ZZZZ2222' })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('binds exactly one of two people racing with the same code', async () => {
    const newcomer = await member((m) => !m.bound && m.roles.includes('cadre'));
    const { code } = data(await t.call(admin, 'members', 'issueInvite', { memberId: newcomer._id }));
    const [a, b] = await Promise.all([t.newUser(), t.newUser()]);
    const replies = await Promise.all([a, b].map((u) => t.call(u.token, 'members', 'bind', { code })));
    expect(replies.filter((r) => r.code === 0)).toHaveLength(1);
    expect(await t.cloud.store.find('bindings', { memberId: newcomer._id })).toHaveLength(1);
  });

  it('does not issue a code for someone already bound, and only the admin issues codes', async () => {
    const bound = await member((m) => m.bound && m.roles.includes('cadre'));
    expect(await t.call(admin, 'members', 'issueInvite', { memberId: bound._id })).toMatchObject({ code: 'CONFLICT' });
    const cadre = await t.as(bound._id);
    const unbound = await member((m) => !m.bound);
    expect(await t.call(cadre, 'members', 'issueInvite', { memberId: unbound._id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.cloud.store.find('invites', { memberId: unbound._id, issuedBy: bound._id })).toEqual([]);
  });
});

describe('the roster', () => {
  it('pages through everyone in the park for the admin', async () => {
    const seen: string[] = [];
    let cursor: number | null = 0;
    while (cursor !== null) {
      const page: OutputOf<'members', 'roster'> = data(await t.call(admin, 'members', 'roster', { cursor }));
      seen.push(...page.items.map((i) => i.memberId));
      cursor = page.nextCursor;
    }
    const all = (await members()).filter((m) => m.active);
    expect(new Set(seen).size).toBe(all.length);
  });
});

describe('oversized input', () => {
  it('is refused by the platform before any function runs, and nothing is written', async () => {
    const before = t.cloud.store.count('invites');
    const r = await t.raw(admin, 'members', { action: 'issueInvite', input: { memberId: 'M078', padding: 'x'.repeat(120 * 1024) } });
    expect(r).toMatchObject({ errCode: -501007, errMsg: expect.stringMatching(/100KB/) });
    expect(t.cloud.store.count('invites')).toBe(before);
  });
});

describe('an enterprise contact (企业联系人)', () => {
  it('is added by the admin, binds with an invite code once, and sees only their enterprise', async () => {
    const added = data(await t.call(admin, 'members', 'addContact', { enterpriseId: 'E010', name: '周建国', post: '办公室主任' }));
    expect(added).toMatchObject({ name: '周建国' });
    expect(await t.call(admin, 'members', 'addContact', { enterpriseId: 'E010', name: '周建国' })).toMatchObject({ code: 'CONFLICT' });
    const invite = data(await t.call(admin, 'members', 'issueInvite', { memberId: added.memberId }));
    const { token } = await t.newUser();
    const me = data(await t.call(token, 'members', 'bind', { code: invite.code }));
    expect(me).toMatchObject({ roles: ['enterprise'], enterpriseId: 'E010', enterpriseName: added.enterpriseName });
    // the code binds once
    expect(await t.call((await t.newUser()).token, 'members', 'bind', { code: invite.code })).toMatchObject({ code: 'CONFLICT' });
    // an appeal they file is their enterprise's, whatever they send
    const filed = data(await t.call(token, 'appeals', 'file', { category: 'policy', text: '想了解技改补贴的申报条件' }));
    expect(filed.enterpriseName).toBe(added.enterpriseName);
    expect(await t.call(token, 'appeals', 'file', { category: 'policy', text: '冒充其他企业', enterpriseId: 'E001' } as never)).toMatchObject({
      code: 'INVALID_INPUT',
    });
  });

  it('is refused to nobody but the admin, for an enterprise not in the directory, or beyond five a company', async () => {
    const before = (await members()).length;
    expect(await t.call(await t.as('M001'), 'members', 'addContact', { enterpriseId: 'E011', name: '王某某' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.call(admin, 'members', 'addContact', { enterpriseId: 'E999', name: '王某某' })).toMatchObject({ code: 'NOT_FOUND' });
    for (const name of ['联系人甲', '联系人乙', '联系人丙', '联系人丁', '联系人戊'])
      data(await t.call(admin, 'members', 'addContact', { enterpriseId: 'E012', name }));
    expect(await t.call(admin, 'members', 'addContact', { enterpriseId: 'E012', name: '联系人己' })).toMatchObject({ code: 'CONFLICT' });
    expect((await members()).length).toBe(before + 5);
  });
});

describe('the nightly tick', () => {
  it('removes the request records past keeping, and only those', async () => {
    const day = 24 * 3600 * 1000;
    const now = Date.now();
    const store = t.cloud.store as SqliteStore;
    store.applyWrites([
      { coll: 'requests', id: 'purge-old', doc: { _id: 'purge-old', state: 'done', at: now - REQUEST_KEPT_MS - day, reply: { code: 0, data: {} } } },
      { coll: 'requests', id: 'purge-recent', doc: { _id: 'purge-recent', state: 'done', at: now - day, reply: { code: 0, data: {} } } },
    ]);
    const fired = await t.cloud.fireTimer('members', 'nightly', now);
    expect(fired).toMatchObject({ ok: true, result: { code: 0 } });
    expect((fired.result as { data: { removed: number } }).data.removed).toBeGreaterThanOrEqual(1);
    const left = (await t.cloud.store.find('requests', {})) as { _id: string }[];
    expect(left.map((r) => r._id)).toContain('purge-recent');
    expect(left.map((r) => r._id)).not.toContain('purge-old');
  });

  it('removes import previews nobody confirmed within two days (they keep the file’s cells, names included)', async () => {
    const now = Date.now();
    const plan = (id: string, at: number, status: string) => ({ coll: 'importPlans', id, doc: { _id: id, at, status, cells: [['姓名'], ['张三']] } });
    (t.cloud.store as SqliteStore).applyWrites([plan('P-OLD', now - 3 * 86_400_000, 'preview'), plan('P-NEW', now - 3_600_000, 'preview')]);
    const fired = await t.cloud.fireTimer('members', 'nightly', now);
    expect((fired.result as { data: { plans: number } }).data.plans).toBe(1);
    expect(((await t.cloud.store.find('importPlans', {})) as { _id: string }[]).map((p) => p._id)).toEqual(['P-NEW']);
  });
});
