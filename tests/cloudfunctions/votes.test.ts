import { readFileSync } from 'fs';
import { join } from 'path';
import type { OutputOf } from '../../shared/contracts';
import type { MemberDoc } from '../../shared/members/member';
import type { BallotDoc, RollDoc } from '../../shared/votes/campaign';
import { DEFAULT_DIMENSIONS, type Grade, type Ratings } from '../../shared/votes/config';
import { data, repoRoot, startTestCloud, type TestCloud } from '../support/cloud';
import { newReceipt } from '../support/client';
import { RECEIPT_TAKEN } from '../../shared/votes/receipt';

let t: TestCloud;
let admin: string;
const leaders = ['M001', 'M002', 'M003', 'M004', 'M005', 'M006', 'M007'];

/** The same grade on every dimension except 廉, which gets `lian` (so that no ballot is all one value). */
function rate(byCandidate: Record<string, Grade>, lian: Grade = 'competent'): Ratings {
  return Object.fromEntries(
    Object.entries(byCandidate).map(([id, g]) => [id, Object.fromEntries(DEFAULT_DIMENSIONS.map((d) => [d.key, d.key === 'lian' ? lian : g]))]),
  );
}
/** Everyone but `voter` rated `grade`, with one 优秀 for the last other leader. */
function typical(voter: string, grade: Grade = 'competent'): Ratings {
  const others = leaders.filter((l) => l !== voter);
  return rate(Object.fromEntries(others.map((l, i) => [l, i === others.length - 1 ? 'excellent' : grade])));
}

async function newCampaign(kind: 'rate_leadership' | 'peer' = 'rate_leadership') {
  const c = data(await t.call(admin, 'votes', 'create', { title: '2026年度班子测评', kind, year: 2026 }));
  return c;
}

beforeAll(async () => {
  t = await startTestCloud();
  admin = await t.as('M002');
});
afterAll(() => t.stop());

describe('setting up a campaign', () => {
  it('takes the leadership as candidates and everyone as voters, in weighted categories, for 班子测评', async () => {
    const c = await newCampaign();
    expect(c.candidates.map((x) => x.id).sort()).toEqual(leaders);
    const members = (await t.cloud.store.find('members')) as MemberDoc[];
    const voters = members.filter((m) => m.active && m.roles.some((r) => r !== 'enterprise' && r !== 'admin'));
    expect(c.rollSize).toBe(voters.length);
    expect(c.categories.map((k) => k.key)).toEqual(['leader', 'sectionHead', 'cadre']);
    expect(c.status).toBe('draft');
    expect(c.rules.excellentShareMax).toBe(0.2);
  });

  it('shows its settings to leaders and voters on the roll, not to others', async () => {
    const c = await newCampaign();
    expect(data(await t.call(await t.as('M001'), 'votes', 'get', { campaignId: c.id })).title).toBe('2026年度班子测评');
    expect((await t.call(await t.as('M009'), 'votes', 'get', { campaignId: c.id })).code).toBe(0);
    expect(await t.call(await t.as('C001'), 'votes', 'get', { campaignId: c.id })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('is for the admin only', async () => {
    const r = await t.call(await t.as('M001'), 'votes', 'create', { title: '测评', kind: 'peer', year: 2026 });
    expect(r).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('refuses impossible settings with a Chinese message', async () => {
    const r = await t.call(admin, 'votes', 'create', { title: '测评', kind: 'peer', year: 2026, opensAt: 2000, closesAt: 1000 });
    expect(r).toMatchObject({ code: 'INVALID_INPUT', message: '结束时间应晚于开始时间' });
  });

  it('refuses cut-offs out of order and weights adding up to nothing, even when called directly, and stores nothing', async () => {
    const before = data(await t.call(admin, 'votes', 'list', {})).length;
    // defaults are 90 / 75 / 60: a 称职 line of 95 sits above the 优秀 line of 90
    const cuts = await t.call(admin, 'votes', 'create', {
      title: '测评',
      kind: 'peer',
      year: 2026,
      rules: { gradeCutoffs: { excellent: 90, competent: 95, basic: 60 } },
    });
    expect(cuts).toMatchObject({ code: 'INVALID_INPUT', message: '分数线应依次降低：优秀 > 称职 > 基本称职' });
    const dims = [
      { key: 'de', label: '德', weight: 0 },
      { key: 'neng', label: '能', weight: 0 },
    ];
    expect(await t.call(admin, 'votes', 'create', { title: '测评', kind: 'peer', year: 2026, dimensions: dims })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '权重合计应大于0',
    });
    const cats = [{ key: 'cadre', label: '干部', weight: 0 }];
    expect(await t.call(admin, 'votes', 'create', { title: '测评', kind: 'peer', year: 2026, categories: cats })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '权重合计应大于0',
    });
    expect(data(await t.call(admin, 'votes', 'list', {}))).toHaveLength(before);
    // just inside: descending by one point each
    const ok = await t.call(admin, 'votes', 'create', {
      title: '测评',
      kind: 'peer',
      year: 2026,
      rules: { gradeCutoffs: { excellent: 62, competent: 61, basic: 60 } },
    });
    expect(ok.code).toBe(0);
  });

  it('closes by its time through the votes function’s timer, which the platform fires every five minutes', () => {
    const cfg = JSON.parse(readFileSync(join(repoRoot, 'cloudfunctions', 'votes', 'config.json'), 'utf8')) as { triggers?: unknown[] };
    expect(cfg.triggers).toEqual([{ name: 'seal', type: 'timer', config: '0 */5 * * * * *' }]);
  });
});

describe('voting', () => {
  let campaignId: string;
  beforeAll(async () => {
    campaignId = (await newCampaign()).id;
  });

  it('shows no ballot before the campaign opens', async () => {
    const r = await t.call(await t.as('M009'), 'votes', 'ballot', { campaignId });
    expect(r).toMatchObject({ code: 'NOT_READY' });
  });

  it('gives a voter a ballot without themself, with their category and 优秀 cap', async () => {
    data(await t.call(admin, 'votes', 'open', { campaignId }));
    const b = data(await t.call(await t.as('M003'), 'votes', 'ballot', { campaignId }));
    expect(b.candidateIds).toHaveLength(6);
    expect(b.candidateIds).not.toContain('M003');
    expect(b.category).toBe('leader');
    expect(b.excellentCap).toBe(1); // 6 × 20% = 1.2 → 1
    expect(b.voted).toBe(false);
  });

  it('accepts one ballot, gives a receipt, and refuses a second', async () => {
    const voter = await t.as('M010');
    const r1 = data(await t.call(voter, 'votes', 'submit', { receipt: newReceipt(), campaignId, ratings: typical('M010') }));
    expect(r1.receipt).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const r2 = await t.call(voter, 'votes', 'submit', { receipt: newReceipt(), campaignId, ratings: typical('M010') });
    expect(r2).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/只能提交一次/) });
    expect(t.cloud.store.count('voteBallots', { campaignId })).toBe(1);
    expect(data(await t.call(voter, 'votes', 'ballot', { campaignId })).voted).toBe(true);
  });

  it('answers the same ballot sent again after a lost reply with the first receipt, and counts it once', async () => {
    const voter = await t.as('M012');
    const receipt = newReceipt();
    const before = t.cloud.store.count('voteBallots', { campaignId });
    const first = data(await t.call(voter, 'votes', 'submit', { receipt, campaignId, ratings: typical('M012') }));
    // the reply never reached the phone: it sends the same ballot under the same receipt, once and then at once twice
    const again = data(await t.call(voter, 'votes', 'submit', { receipt, campaignId, ratings: typical('M012') }));
    const twice = await Promise.all([1, 2].map(() => t.call(voter, 'votes', 'submit', { receipt, campaignId, ratings: typical('M012') })));
    expect(first.receipt).toBe(receipt);
    expect(again).toEqual(first);
    expect(twice.map((r) => r.code)).toEqual([0, 0]);
    expect(t.cloud.store.count('voteBallots', { campaignId })).toBe(before + 1);
    // nothing ties the voter to the receipt: no request log, the ballot carries no voter
    expect(t.cloud.store.count('requests', {})).toBe(0);
    expect(JSON.stringify(t.cloud.store.find('voteBallots', { _id: receipt }))).not.toMatch(/M012/);
    // another voter cannot take a receipt that is in the box
    const other = await t.call(await t.as('M013'), 'votes', 'submit', { receipt, campaignId, ratings: typical('M013') });
    expect(other).toMatchObject({ code: 'CONFLICT', message: RECEIPT_TAKEN });
    expect(data(await t.call(await t.as('M013'), 'votes', 'ballot', { campaignId })).voted).toBe(false);
  });

  it('counts exactly one of five ballots sent at once by the same voter', async () => {
    const voter = await t.as('M011');
    const before = t.cloud.store.count('voteBallots', { campaignId });
    const replies = await Promise.all(
      Array.from({ length: 5 }, () => t.call(voter, 'votes', 'submit', { receipt: newReceipt(), campaignId, ratings: typical('M011') })),
    );
    expect(replies.filter((r) => r.code === 0)).toHaveLength(1);
    expect(replies.filter((r) => r.code !== 0).map((r) => r.code)).toEqual(Array(4).fill('CONFLICT'));
    expect(t.cloud.store.count('voteBallots', { campaignId })).toBe(before + 1);
  });

  it('refuses what breaks a rule, saying what, and writes nothing', async () => {
    const voter = await t.as('M003');
    const before = t.cloud.store.count('voteBallots');
    const self = await t.call(voter, 'votes', 'submit', {
      receipt: newReceipt(),
      campaignId,
      ratings: { ...typical('M003'), ...rate({ M003: 'excellent' }) },
    });
    expect(self).toMatchObject({ code: 'INVALID_INPUT', message: '不能给自己评分' });
    const stranger = await t.call(voter, 'votes', 'submit', {
      receipt: newReceipt(),
      campaignId,
      ratings: { ...typical('M003'), ...rate({ M050: 'competent' }) },
    });
    expect(stranger).toMatchObject({ code: 'INVALID_INPUT', message: '“M050”不在本次测评的对象名单中' });
    const tooMany = await t.call(voter, 'votes', 'submit', {
      receipt: newReceipt(),
      campaignId,
      ratings: rate({ M001: 'excellent', M002: 'excellent', M004: 'competent', M005: 'competent', M006: 'competent', M007: 'basic' }),
    });
    expect(tooMany).toMatchObject({ code: 'INVALID_INPUT', message: '总体评价为“优秀”的有 2 人，最多 1 人，请调整' });
    const missing = await t.call(voter, 'votes', 'submit', { receipt: newReceipt(), campaignId, ratings: rate({ M001: 'competent' }) });
    expect(missing).toMatchObject({ code: 'INVALID_INPUT', message: '还有 25 项未评价，请全部评完再提交' });
    const offScale = typical('M003');
    (offScale.M001 as Record<string, unknown>).de = 'superb';
    expect(await t.call(voter, 'votes', 'submit', { receipt: newReceipt(), campaignId, ratings: offScale })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(t.cloud.store.count('voteBallots')).toBe(before);
    expect(data(await t.call(voter, 'votes', 'ballot', { campaignId })).voted).toBe(false);
  });

  it('refuses someone not on the roll', async () => {
    const contact = await t.as('C001');
    expect(await t.call(contact, 'votes', 'submit', { receipt: newReceipt(), campaignId, ratings: typical('C001') })).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('stores nothing that links a ballot to its voter, nor when it was cast', async () => {
    const ballots = (await t.cloud.store.find('voteBallots', { campaignId })) as BallotDoc[];
    for (const b of ballots) {
      expect(Object.keys(b).sort()).toEqual(['_id', 'campaignId', 'category', 'ratings', 'void', 'voterSectionId']);
      const text = JSON.stringify(b);
      expect(text).not.toMatch(/M010|M011|demo_|openid|Time|At"/);
    }
    const roll = (await t.cloud.store.find('voteRolls', { campaignId, memberId: 'M010' })) as RollDoc[];
    expect(Object.keys(roll[0] ?? {}).sort()).toEqual(['_id', 'campaignId', 'category', 'closed', 'group', 'memberId', 'voted']);
  });

  it('shows the organiser live turnout as counts by category, and nobody else', async () => {
    const turnout = data(await t.call(admin, 'votes', 'turnout', { campaignId }));
    expect(turnout.voted).toBe(3);
    expect(turnout.byCategory.find((k) => k.category === 'cadre')?.voted).toBe(3);
    expect(await t.call(await t.as('M001'), 'votes', 'turnout', { campaignId })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('has no results while open', async () => {
    expect(await t.call(await t.as('M001'), 'votes', 'results', { campaignId })).toMatchObject({ code: 'NOT_READY' });
  });
});

describe('closing and results', () => {
  it('counts every accepted ballot — even those racing the close — and shows leaders the tally', async () => {
    const { id: campaignId } = await newCampaign();
    data(await t.call(admin, 'votes', 'open', { campaignId }));
    // M001 gets 称职 from some and 不称职 from others; everyone rates the rest 称职 with one 优秀.
    const voters = ['M008', 'M009', 'M010', 'M012', 'M013', 'M015', 'M016', 'M017', 'M018', 'M019', 'M021', 'M022'];
    const tokens = await Promise.all(voters.map((v) => t.as(v)));
    const early = await Promise.all(
      tokens.slice(0, 6).map((tok, i) =>
        t.call(tok, 'votes', 'submit', {
          receipt: newReceipt(),
          campaignId,
          ratings: { ...typical('x'), ...rate({ M001: i < 4 ? 'incompetent' : 'competent' }) },
        }),
      ),
    );
    expect(early.every((r) => r.code === 0)).toBe(true);
    // Six more race the close: each is either accepted (and then counted) or refused as closed.
    const [late, closed] = await Promise.all([
      Promise.all(tokens.slice(6).map((tok) => t.call(tok, 'votes', 'submit', { receipt: newReceipt(), campaignId, ratings: typical('x') }))),
      t.call(admin, 'votes', 'close', { campaignId }),
    ]);
    expect(data(closed).status).toBe('closed');
    expect(late.every((r) => r.code === 0 || r.code === 'CLOSED')).toBe(true);
    const accepted = 6 + late.filter((r) => r.code === 0).length;

    expect(await t.call(tokens[0] ?? '', 'votes', 'submit', { receipt: newReceipt(), campaignId, ratings: typical('x') })).toMatchObject({
      code: 'CONFLICT',
    });
    const after = await t.call(await t.as('M030'), 'votes', 'submit', { receipt: newReceipt(), campaignId, ratings: typical('M030') });
    expect(after).toMatchObject({ code: 'CLOSED' });

    // counted at the close: a ballot still in flight then conflicted on its roll entry and was refused
    const leader = await t.as('M001');
    const res: OutputOf<'votes', 'results'> = data(await t.call(leader, 'votes', 'results', { campaignId }));
    expect(res.ballots).toBe(accepted);
    expect(res.valid).toBe(accepted);
    const m001 = res.candidates.find((c) => c.id === 'M001');
    // M001: 4 ballots 不称职 (all but 廉 at 45, 廉 80 → (45×85 + 80×15)/100 = 50.25 → 不称职), the rest 称职 (80).
    expect(m001?.grades.incompetent).toBe(4);
    expect(m001?.shareIncompetent).toBeCloseTo(4 / accepted);
    expect(m001?.adjust).toBe(4 / accepted > 1 / 3);
    expect(res.candidates[res.candidates.length - 1]?.id).toBe('M001');
    expect(res.withheld).toBe(false);
    // The late ballots are identical to each other: flagged for people to judge, and still counted.
    if (late.filter((r) => r.code === 0).length >= 2) expect(res.flags.identical.length).toBeGreaterThan(0);
    // Far below the 2/3 turnout floor: flagged, and still shown.
    expect(res.belowTurnoutFloor).toBe(true);

    // A voter finds their receipt among the counted ballots; a made-up one is not there.
    const receipt = early[0]?.code === 0 ? early[0].data.receipt : '';
    expect(data(await t.call(tokens[0] ?? '', 'votes', 'checkReceipt', { campaignId, receipt: receipt.toLowerCase() }))).toEqual({
      counted: true,
      receipts: accepted,
    });
    expect(await t.call(tokens[0] ?? '', 'votes', 'checkReceipt', { campaignId, receipt: 'AAAA-BBBB-CCCC' })).toMatchObject({ code: 'NOT_FOUND' });

    // Cadres do not see results.
    expect(await t.call(tokens[1] ?? '', 'votes', 'results', { campaignId })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('publishes no scores from fewer than 5 valid ballots: they would tell how each voted', async () => {
    const { id: campaignId } = await newCampaign();
    data(await t.call(admin, 'votes', 'open', { campaignId }));
    for (const v of ['M009', 'M010', 'M012', 'M013'])
      expect((await t.call(await t.as(v), 'votes', 'submit', { receipt: newReceipt(), campaignId, ratings: typical('x') })).code).toBe(0);
    data(await t.call(admin, 'votes', 'close', { campaignId }));
    const res = data(await t.call(await t.as('M001'), 'votes', 'results', { campaignId }));
    expect(res).toMatchObject({ ballots: 4, valid: 4, withheld: true, candidates: [], flags: { leniency: [], identical: [], blocs: [] } });
  });

  it('does not reopen a closed campaign', async () => {
    const { id: campaignId } = await newCampaign();
    data(await t.call(admin, 'votes', 'open', { campaignId }));
    data(await t.call(admin, 'votes', 'close', { campaignId }));
    expect(await t.call(admin, 'votes', 'open', { campaignId })).toMatchObject({ code: 'CLOSED' });
  });

  it('makes a mini-program code that opens the ballot for the meeting screen', async () => {
    const { id: campaignId } = await newCampaign();
    const qr = data(await t.call(admin, 'votes', 'qrcode', { campaignId }));
    expect(qr.scene).toBe(`c=${campaignId}`);
    expect(qr.scene.length).toBeLessThanOrEqual(32);
    const png = Buffer.from(await (await fetch(qr.qrUrl)).arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});
