/**
 * Bias and collusion flags (for people to judge: a flag never drops a ballot).
 * - leniency / severity: a ballot whose mean points lie `leniencyZ` standard deviations from the mean of all
 *   valid ballots' means;
 * - identical ballots: two or more ballots with exactly the same ratings;
 * - blocs: voters of a section (where the section is stored, i.e. the group is big enough to stay secret) rating
 *   their own section's candidates `blocGap` points above how all other voters rate those same candidates.
 *   (A difference-in-differences against each voter's rating of other sections was tried and rejected: with one
 *   bloc in the park it flags the innocent sections too, since the bloc's voters are everyone else's "others".)
 */
import { isVoid, weightedPoints } from './ballot';
import type { CampaignSpec } from './config';
import type { CountedBallot } from './tally';

export interface LeniencyFlag {
  receipt: string;
  category: string;
  mean: number;
  z: number;
  kind: 'lenient' | 'severe';
}
export interface IdenticalFlag {
  receipts: string[];
}
export interface BlocFlag {
  sectionId: string;
  ballots: number;
  /** Mean points the section's own voters give its candidates minus what all other voters give them. */
  gap: number;
}
export interface Flags {
  leniency: LeniencyFlag[];
  identical: IdenticalFlag[];
  blocs: BlocFlag[];
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Mean weighted points a ballot gives a set of candidates (all when `only` is undefined). */
function ballotMean(spec: CampaignSpec, b: CountedBallot, only?: (id: string) => boolean): number | null {
  const pts: number[] = [];
  for (const [id, byDim] of Object.entries(b.ratings)) {
    if (only && !only(id)) continue;
    const p = weightedPoints(spec, byDim);
    if (p !== null) pts.push(p);
  }
  return pts.length ? mean(pts) : null;
}

/** Canonical text of a ballot's ratings, independent of key order. */
function fingerprint(b: CountedBallot): string {
  return Object.keys(b.ratings)
    .sort()
    .map((id) => {
      const byDim = b.ratings[id] ?? {};
      return `${id}:${Object.keys(byDim)
        .sort()
        .map((k) => `${k}=${String(byDim[k])}`)
        .join(',')}`;
    })
    .join(';');
}

export function biasFlags(spec: CampaignSpec, ballots: CountedBallot[]): Flags {
  const valid = ballots.filter((b) => !isVoid(spec, b.ratings));

  const means = valid.map((b) => ({ b, m: ballotMean(spec, b) })).filter((x): x is { b: CountedBallot; m: number } => x.m !== null);
  const mu = mean(means.map((x) => x.m));
  const sd = Math.sqrt(mean(means.map((x) => (x.m - mu) ** 2)));
  const leniency: LeniencyFlag[] =
    sd > 0
      ? means
          .map(({ b, m }) => ({ receipt: b.receipt, category: b.category, mean: round2(m), z: round2((m - mu) / sd) }))
          .filter((f) => Math.abs(f.z) >= spec.rules.leniencyZ)
          .map((f) => ({ ...f, kind: f.z > 0 ? ('lenient' as const) : ('severe' as const) }))
      : [];

  const groups = new Map<string, string[]>();
  for (const b of valid) {
    const key = fingerprint(b);
    groups.set(key, [...(groups.get(key) ?? []), b.receipt]);
  }
  const identical = [...groups.values()].filter((g) => g.length > 1).map((receipts) => ({ receipts: receipts.sort() }));

  const sectionOf = new Map(spec.candidates.map((c) => [c.id, c.sectionId]));
  const sections = new Set(valid.map((b) => b.voterSectionId).filter((s): s is string => s !== null));
  const blocs: BlocFlag[] = [];
  for (const s of sections) {
    const own = (id: string) => sectionOf.get(id) === s;
    const rate = (b: CountedBallot) => ballotMean(spec, b, own);
    const inside = valid
      .filter((b) => b.voterSectionId === s)
      .map(rate)
      .filter((g): g is number => g !== null);
    const outside = valid
      .filter((b) => b.voterSectionId !== s)
      .map(rate)
      .filter((g): g is number => g !== null);
    if (inside.length < spec.rules.minGroupSize || outside.length === 0) continue;
    const gap = mean(inside) - mean(outside);
    if (gap >= spec.rules.blocGap) blocs.push({ sectionId: s, ballots: inside.length, gap: round2(gap) });
  }
  return { leniency, identical, blocs };
}
