/**
 * The satisfaction campaign's sample (企业评): which enterprises rate the park's service, drawn so that nobody —
 * the admin, a cadre hoping for friendly raters, the cloud's operator before the draw — can choose them.
 *
 * - The pool: above-scale industrial enterprises (规上工业企业), in strata by industry, and the enterprises of key
 *   projects (重点项目), who all rate (a census, not a sample: they are few and the report names them).
 * - Each stratum gives its share of its size, at least one, the remainders settled by largest remainder so the
 *   total is round(share × pool) (a setting of the campaign: 20–30%) unless there are more strata than that.
 * - The seed: 32 random bytes made by the cloud when the campaign is created; its SHA-256 fingerprint is published
 *   at once, before the draw; the seed itself is published with the sample. Anyone can then check the fingerprint
 *   and redo the draw from the published strata (sorted ids) and share, enterprise for enterprise (verifySample).
 * The same scheme as the spot checks (shared/assessment/draw.ts), whose hashing and shuffle it uses.
 */
import { drawTargets, seedFingerprint, SEED_PATTERN } from '../assessment/draw';
import { sha256 } from '@noble/hashes/sha2';
import { utf8ToBytes } from '@noble/hashes/utils';

export interface Stratum {
  /** The stratum's name as published (an industry), and its members' ids, sorted. */
  key: string;
  ids: string[];
}

export interface Sample {
  /** Per stratum, how many it gives and whom. */
  strata: { key: string; size: number; take: number; picked: string[] }[];
  /** The key-project enterprises, all of them (not among the strata's picks). */
  census: string[];
}

/** How many each stratum gives: round(share × size) by largest remainder, at least one from a non-empty stratum. */
export function allocation(sizes: number[], share: number): number[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  const want = Math.round(share * total);
  const exact = sizes.map((n) => share * n);
  const take = exact.map((x, i) => Math.min(sizes[i] ?? 0, Math.max((sizes[i] ?? 0) > 0 ? 1 : 0, Math.floor(x))));
  let left = want - take.reduce((a, b) => a + b, 0);
  // what each stratum still lacks of its exact share (a stratum raised to its minimum of one may lack nothing)
  const order = exact.map((x, i) => ({ i, rem: x - (take[i] ?? 0) })).sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    if ((take[i] ?? 0) < (sizes[i] ?? 0)) {
      take[i] = (take[i] ?? 0) + 1;
      left -= 1;
    }
  }
  // the minimum of one can overshoot: give back from the strata furthest above their exact share, never below one
  while (left < 0) {
    let best = -1;
    take.forEach((n, i) => {
      if (n > 1 && (best < 0 || n - (exact[i] ?? 0) > (take[best] ?? 0) - (exact[best] ?? 0))) best = i;
    });
    if (best < 0) break;
    take[best] = (take[best] ?? 0) - 1;
    left += 1;
  }
  return take;
}

/** A stratum's 32-bit sub-seed: the first four bytes of SHA-256("seed:campaign:stratum"). */
function stratumSeed(seed: string, campaignId: string, key: string): number {
  const h = sha256(utf8ToBytes(`${seed}:${campaignId}:${key}`));
  return (((h[0] ?? 0) << 24) | ((h[1] ?? 0) << 16) | ((h[2] ?? 0) << 8) | (h[3] ?? 0)) >>> 0;
}

/** Group above-scale enterprises into strata by industry, key-project enterprises apart; all sorted. */
export function strataOf(
  enterprises: { _id: string; aboveScale: boolean; industry: string }[],
  projectEnterpriseIds: Iterable<string>,
): { strata: Stratum[]; census: string[] } {
  const census = [...new Set(projectEnterpriseIds)].filter((id) => enterprises.some((e) => e._id === id)).sort();
  const inCensus = new Set(census);
  const byIndustry = new Map<string, string[]>();
  for (const e of enterprises) {
    if (!e.aboveScale || inCensus.has(e._id)) continue;
    byIndustry.set(e.industry, [...(byIndustry.get(e.industry) ?? []), e._id]);
  }
  const strata = [...byIndustry.entries()].map(([key, ids]) => ({ key, ids: ids.sort() })).sort((a, b) => (a.key < b.key ? -1 : 1));
  return { strata, census };
}

/** The draw: each stratum shuffled with its own sub-seed, its allocation taken from the top. */
export function drawSample(seed: string, campaignId: string, strata: Stratum[], census: string[], share: number): Sample {
  const takes = allocation(
    strata.map((s) => s.ids.length),
    share,
  );
  return {
    strata: strata.map((s, i) => {
      const take = takes[i] ?? 0;
      return { key: s.key, size: s.ids.length, take, picked: drawTargets(s.ids, take, stratumSeed(seed, campaignId, s.key)) };
    }),
    census: [...census].sort(),
  };
}

export type SampleCheck = { ok: true } | { ok: false; problem: string };

/** Check a published seed against its fingerprint, and redo the draw from the published strata. */
export function verifySample(
  published: { campaignId: string; seedHash: string; seed: string; share: number; strata: Stratum[]; census: string[] },
  sample: Sample,
): SampleCheck {
  if (!SEED_PATTERN.test(published.seed)) return { ok: false, problem: '种子格式不正确' };
  if (seedFingerprint(published.seed) !== published.seedHash) return { ok: false, problem: '种子与事先公布的指纹不符' };
  const again = drawSample(published.seed, published.campaignId, published.strata, published.census, published.share);
  const flat = (s: Sample) => JSON.stringify([s.strata.map((x) => [x.key, x.picked]), s.census]);
  return flat(again) === flat(sample) ? { ok: true } : { ok: false, problem: '抽样结果与种子复算不一致' };
}

/** Everyone the sample names: the strata's picks, then the census. */
export function sampledIds(s: Sample): string[] {
  return [...s.strata.flatMap((x) => x.picked), ...s.census];
}
