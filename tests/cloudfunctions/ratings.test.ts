/**
 * The satisfaction campaign (企业评) through the local cloud and the real SDK: the seed's fingerprint is published
 * before the draw and the seed with it, and the sample re-runs from what is published; each sampled enterprise gets
 * one code, which opens the rating for whoever scans it; one rating per code even when two phones submit at once;
 * a rating keeps no enterprise, code or time; results withhold what fewer than three ratings would reveal.
 */
import { seedFingerprint } from '../../shared/assessment/draw';
import { dayOf } from '../../shared/common/time';
import type { EnterpriseDoc } from '../../shared/park/park';
import type { ProjectDoc } from '../../shared/projects/project';
import type { RatingDoc } from '../../shared/ratings/rating';
import { sampledIds, verifySample } from '../../shared/ratings/sample';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
let admin: string;
const find = async <T>(coll: string, q: object = {}) => (await t.cloud.store.find(coll, q)) as T[];
const dims = { efficiency: 5, policy: 4, support: 3, conduct: 5 };
const closesOn = () => dayOf(Date.now() + 14 * 86_400_000);

beforeAll(async () => {
  t = await startTestCloud();
  admin = await t.as('M002');
});
afterAll(() => t.stop());

async function drawn(share = 0.25) {
  const created = data(await t.call(admin, 'ratings', 'create', { title: '2026年度企业满意度评价', year: 2026, share, closesOn: closesOn() }));
  const view = data(await t.call(admin, 'ratings', 'draw', { campaignId: created.id }));
  const codes = await find<{ code: string; enterpriseId: string; used: boolean }>('ratingCodes', { campaignId: created.id });
  return { created, view, codes };
}

describe('the sample', () => {
  it('publishes the seed’s fingerprint before the draw and the seed with it; anyone can redo the draw', async () => {
    const created = data(await t.call(admin, 'ratings', 'create', { title: '企业评', year: 2026, share: 0.25, closesOn: closesOn() }));
    expect(created).toMatchObject({ status: 'draft', seed: null, sampled: [] });
    expect(created.seedHash).toMatch(/^[0-9a-f]{64}$/);
    const view = data(await t.call(admin, 'ratings', 'draw', { campaignId: created.id }));
    expect(view.status).toBe('open');
    expect(view.seedHash).toBe(created.seedHash);
    expect(seedFingerprint(view.seed ?? '')).toBe(created.seedHash);
    const published = {
      campaignId: view.id,
      seedHash: view.seedHash,
      seed: view.seed ?? '',
      share: view.share,
      strata: view.strata,
      census: view.census,
    };
    const sample = { strata: view.strata.map((s) => ({ key: s.key, size: s.size, take: s.take, picked: s.picked })), census: view.census };
    expect(verifySample(published, sample)).toEqual({ ok: true });
    // drawing again changes nothing
    expect(data(await t.call(admin, 'ratings', 'draw', { campaignId: created.id })).sampled).toEqual(view.sampled);
  });

  it('takes a quarter of each industry’s above-scale enterprises and every key project’s enterprise, one code each', async () => {
    const { view, codes } = await drawn(0.25);
    const enterprises = await find<EnterpriseDoc>('enterprises');
    const projects = await find<ProjectDoc>('projects');
    const projectEnterprises = new Set(projects.map((p) => p.enterpriseId));
    expect(view.census.sort()).toEqual([...projectEnterprises].sort());
    const pool = enterprises.filter((e) => e.aboveScale && !projectEnterprises.has(e._id));
    const picked = view.strata.flatMap((s) => s.picked);
    expect(picked.length).toBe(Math.round(0.25 * pool.length));
    for (const s of view.strata) expect(Math.abs(s.take - 0.25 * s.size)).toBeLessThanOrEqual(1);
    expect(picked.every((id) => pool.some((e) => e._id === id))).toBe(true);
    expect(codes.map((c) => c.enterpriseId).sort()).toEqual(sampledIds({ strata: view.strata, census: view.census }).sort());
    expect(new Set(codes.map((c) => c.code)).size).toBe(codes.length);
  });
});

describe('rating with a code', () => {
  it('opens for whoever scans it, listing the cadres who served the enterprise', async () => {
    const { codes } = await drawn();
    const code = codes[0];
    if (!code) throw new Error('no code');
    const stranger = (await t.newUser()).token;
    const form = data(await t.call(stranger, 'ratings', 'form', { code: code.code.toLowerCase() }));
    const [e] = await find<EnterpriseDoc>('enterprises', { _id: code.enterpriseId });
    expect(form.enterpriseName).toBe(e?.name);
    expect(form.dimensions.map((d) => d.label)).toEqual(['政务服务效率', '惠企政策落实', '要素保障', '干部作风']);
    const assignees = (await find<{ assigneeId: string | null; filedAt: number }>('appeals', { enterpriseId: code.enterpriseId }))
      .filter((a) => a.assigneeId && new Date(a.filedAt).getUTCFullYear() === 2026)
      .map((a) => a.assigneeId as string);
    for (const id of assignees) expect(form.cadres.map((c) => c.id)).toContain(id);
  });

  it('counts one rating when two phones submit the same code at once, and keeps nothing that points back', async () => {
    const { codes, created } = await drawn();
    const code = codes[1]?.code ?? '';
    const [a, b] = await Promise.all([
      t.call((await t.newUser()).token, 'ratings', 'submit', { code, dimensions: dims }),
      t.call((await t.newUser()).token, 'ratings', 'submit', { code, dimensions: dims }),
    ]);
    expect([a.code, b.code].sort()).toEqual([0, 'CONFLICT']);
    // one submission: its four answers, each a document of its own with nothing in common but the campaign
    const ratings = await find<RatingDoc>('ratings', { campaignId: created.id });
    expect(ratings).toHaveLength(Object.keys(dims).length);
    expect(ratings.every((r) => Object.keys(r).sort().join() === '_id,cadres,campaignId,dimensions')).toBe(true);
    expect(ratings.every((r) => Object.keys(r.dimensions).length + Object.keys(r.cadres).length === 1)).toBe(true);
    expect(JSON.stringify(ratings)).not.toContain(code);
    expect(JSON.stringify(ratings)).not.toContain(codes[1]?.enterpriseId ?? 'x');
    expect(await t.call((await t.newUser()).token, 'ratings', 'form', { code })).toMatchObject({ code: 'CONFLICT' });
  });

  it('refuses a rating of a cadre who did not serve the enterprise, a missing dimension and an unknown code, writing nothing', async () => {
    const { codes, created } = await drawn();
    const code = codes[2]?.code ?? '';
    const who = (await t.newUser()).token;
    expect(await t.call(who, 'ratings', 'submit', { code, dimensions: dims, cadres: { M001: 5 } })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '只能评价为本企业服务过的干部',
    });
    const { conduct: _gone, ...three } = dims;
    expect(await t.call(who, 'ratings', 'submit', { code, dimensions: three })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await t.call(who, 'ratings', 'submit', { code: 'ABCDEFGHJKMN', dimensions: dims })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await find('ratings', { campaignId: created.id })).toHaveLength(0);
    expect((await find<{ used: boolean }>('ratingCodes', { code }))[0]?.used).toBe(false);
  });

  it('expires its codes at the close, and publishes only figures from three ratings or more', async () => {
    const { codes, created } = await drawn();
    expect(await t.call(admin, 'ratings', 'results', { campaignId: created.id })).toMatchObject({ code: 'NOT_READY' });
    const served = async (code: string) => data(await t.call((await t.newUser()).token, 'ratings', 'form', { code })).cadres.map((c) => c.id);
    for (const c of codes.slice(0, 2)) {
      const cadres = Object.fromEntries((await served(c.code)).map((id) => [id, 4]));
      data(await t.call((await t.newUser()).token, 'ratings', 'submit', { code: c.code, dimensions: dims, cadres }));
    }
    data(await t.call(admin, 'ratings', 'close', { campaignId: created.id }));
    expect(await t.call((await t.newUser()).token, 'ratings', 'submit', { code: codes[3]?.code ?? '', dimensions: dims })).toMatchObject({
      code: 'EXPIRED',
    });
    const few = data(await t.call(admin, 'ratings', 'results', { campaignId: created.id }));
    expect(few).toMatchObject({ responses: 2, satisfaction: null, sampleSize: codes.length });
    expect(few.cadres.every((c) => c.score === null)).toBe(true);
    expect(await t.call(await t.as('M009'), 'ratings', 'results', { campaignId: created.id })).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the demo park’s closed campaign', () => {
  it('shows the admin its satisfaction rate and the cadres’ and sections’ scores, as the results function computes them', async () => {
    const [demo] = (await find<{ _id: string; title: string }>('ratingCampaigns')).filter((c) => c.title.endsWith('营商环境满意度测评'));
    if (!demo) throw new Error('the demo park has no satisfaction campaign');
    const out = data(await t.call(admin, 'ratings', 'results', { campaignId: demo._id }));
    const codes = await find<{ used: boolean }>('ratingCodes', { campaignId: demo._id });
    const ratings = await find<RatingDoc>('ratings', { campaignId: demo._id });
    expect(out).toMatchObject({ responses: codes.filter((c) => c.used).length, sampleSize: codes.length });
    expect(out.campaign).toMatchObject({ status: 'closed', responses: codes.filter((c) => c.used).length });
    // the pure rule the action calls, over what the store holds (loaded here so this block adds no import above)
    const { results } = await import('../../shared/ratings/rating');
    const members = await find<{ _id: string; name: string; sectionId: string | null }>('members');
    const sectionOf = (id: string) => members.find((m) => m._id === id)?.sectionId ?? null;
    const expected = results(ratings, sectionOf);
    expect(out.satisfaction).not.toBeNull();
    expect(out.satisfaction).toBe(expected.satisfaction);
    expect(out.dimensions.every((d) => d.score !== null)).toBe(true);
    expect(out.cadres.map(({ id, raters, score }) => ({ id, raters, score }))).toEqual(expected.cadres);
    expect(out.sections.map(({ id, raters, score }) => ({ id, raters, score }))).toEqual(expected.sections);
    for (const c of out.cadres) expect(c.name).toBe(members.find((m) => m._id === c.id)?.name);
  });
});
