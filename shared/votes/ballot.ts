/**
 * One ballot: what makes it acceptable (checked on the phone before submitting and again by the function),
 * and what makes an accepted ballot void.
 */
import { GRADE_LABELS, GRADES, type CampaignSpec, type Grade, type RatingValue, type Ratings, type Scale, type VoteRules } from './config';

/** Points of one value on the campaign's scale, or null when the value is not on the scale. */
export function pointsOf(scale: Scale, v: RatingValue): number | null {
  if (scale.type === 'grades') return typeof v === 'string' && (GRADES as readonly string[]).includes(v) ? scale.points[v] : null;
  return typeof v === 'number' && Number.isFinite(v) && v >= scale.min && v <= scale.max ? v : null;
}

/** Weighted mean of a candidate's dimension points on one ballot (dimensions missing count as absent). */
export function weightedPoints(spec: Pick<CampaignSpec, 'dimensions' | 'scale'>, byDim: Record<string, RatingValue>): number | null {
  let sum = 0;
  let weights = 0;
  for (const d of spec.dimensions) {
    const v = byDim[d.key];
    const p = v === undefined ? null : pointsOf(spec.scale, v);
    if (p === null) continue;
    sum += p * d.weight;
    weights += d.weight;
  }
  return weights > 0 ? sum / weights : null;
}

/** The overall grade that weighted points give, by the campaign's cut-offs (at or above each). */
export function gradeOfPoints(points: number, cutoffs: VoteRules['gradeCutoffs']): Grade {
  if (points >= cutoffs.excellent) return 'excellent';
  if (points >= cutoffs.competent) return 'competent';
  if (points >= cutoffs.basic) return 'basic';
  return 'incompetent';
}

/** Candidates a voter rates: everyone on the list but themself. */
export function candidatesFor(spec: Pick<CampaignSpec, 'candidates'>, voterId: string): string[] {
  return spec.candidates.filter((c) => c.id !== voterId).map((c) => c.id);
}

/** How many candidates one ballot may rate 优秀 overall: the share of those rated, rounded down, at least one. */
export function excellentCap(spec: Pick<CampaignSpec, 'candidates' | 'rules'>, voterId: string): number {
  const n = candidatesFor(spec, voterId).length;
  return n === 0 ? 0 : Math.max(1, Math.floor(n * spec.rules.excellentShareMax + 1e-9));
}

export function excellentCount(spec: CampaignSpec, ratings: Ratings): number {
  let n = 0;
  for (const byDim of Object.values(ratings)) {
    const p = weightedPoints(spec, byDim);
    if (p !== null && gradeOfPoints(p, spec.rules.gradeCutoffs) === 'excellent') n += 1;
  }
  return n;
}

export type BallotProblem =
  | { kind: 'unknown_candidate'; candidateId: string }
  | { kind: 'self'; candidateId: string }
  | { kind: 'unknown_dimension'; candidateId: string; dimension: string }
  | { kind: 'off_scale'; candidateId: string; dimension: string }
  | { kind: 'missing'; count: number }
  | { kind: 'too_many_excellent'; count: number; cap: number };

/**
 * Everything that keeps a ballot from being accepted. Empty when it may be submitted.
 * With `partial`, missing ratings are not a problem (for the running check while the voter fills it in).
 */
export function ballotProblems(spec: CampaignSpec, voterId: string, ratings: Ratings, partial = false): BallotProblem[] {
  const problems: BallotProblem[] = [];
  const known = new Set(spec.candidates.map((c) => c.id));
  const dims = new Set(spec.dimensions.map((d) => d.key));
  for (const [candidateId, byDim] of Object.entries(ratings)) {
    if (!known.has(candidateId)) problems.push({ kind: 'unknown_candidate', candidateId });
    else if (candidateId === voterId) problems.push({ kind: 'self', candidateId });
    for (const [dimension, v] of Object.entries(byDim)) {
      if (!dims.has(dimension)) problems.push({ kind: 'unknown_dimension', candidateId, dimension });
      else if (pointsOf(spec.scale, v) === null) problems.push({ kind: 'off_scale', candidateId, dimension });
    }
  }
  if (!partial) {
    let missing = 0;
    for (const id of candidatesFor(spec, voterId)) {
      for (const d of spec.dimensions) if (ratings[id]?.[d.key] === undefined) missing += 1;
    }
    if (missing > 0) problems.push({ kind: 'missing', count: missing });
  }
  const cap = excellentCap(spec, voterId);
  const count = excellentCount(spec, ratings);
  if (count > cap) problems.push({ kind: 'too_many_excellent', count, cap });
  return problems;
}

export function problemMessage(p: BallotProblem, nameOf: (id: string) => string = (id) => id): string {
  switch (p.kind) {
    case 'unknown_candidate':
      return `“${p.candidateId}”不在本次测评的对象名单中`;
    case 'self':
      return '不能给自己评分';
    case 'unknown_dimension':
      return `评价项“${p.dimension}”不存在`;
    case 'off_scale':
      return `对${nameOf(p.candidateId)}的评价超出了评分范围`;
    case 'missing':
      return `还有 ${p.count} 项未评价，请全部评完再提交`;
    case 'too_many_excellent':
      return `总体评价为“${GRADE_LABELS.excellent}”的有 ${p.count} 人，最多 ${p.cap} 人，请调整`;
  }
}

/** A ballot is void when every value on it is the same (when the campaign says so). */
export function isVoid(spec: CampaignSpec, ratings: Ratings): boolean {
  if (!spec.rules.voidIfAllSame) return false;
  const values = Object.values(ratings).flatMap((byDim) => Object.values(byDim));
  return values.length > 1 && values.every((v) => v === values[0]);
}

/**
 * What the voter is told before submitting a ballot the count would drop as void (a paper ballot of this kind is
 * void when every mark is the same: it says nothing about anyone). Null when the ballot counts. The voter decides:
 * the ballot is accepted either way, since choosing to cast a void ballot is theirs.
 */
export function voidWarning(spec: CampaignSpec, ratings: Ratings): string | null {
  if (!isVoid(spec, ratings)) return null;
  const first = Object.values(ratings).flatMap((byDim) => Object.values(byDim))[0];
  const label = typeof first === 'string' ? `“${GRADE_LABELS[first]}”` : `${String(first)} 分`;
  return `您对所有人、所有评价项给出的都是${label}。按本次测评规则，评价完全相同的选票为废票，不计入结果。`;
}
