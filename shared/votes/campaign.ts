/**
 * A democratic-evaluation campaign as stored, who is on it, and when it is open.
 *
 * Secrecy (民主测评不记名): a ballot carries no voter id and no time; the roll records only that a person has voted
 * (a boolean updated in place, so not even the order of voting is kept). A ballot carries the voter's category and,
 * only where the (category, section) group on the roll has at least `minGroupSize` people, the voter's section.
 */
import type { MemberDoc } from '../members/member';
import { DEFAULT_CATEGORIES, type CampaignSpec, type Candidate, type Ratings } from './config';
import type { CampaignKind, CampaignStatus } from './contract';

/** `voteCampaigns/{id}` */
export interface CampaignDoc extends CampaignSpec {
  _id: string;
  title: string;
  kind: CampaignKind;
  year: number;
  status: CampaignStatus;
  /** Opens by itself at this instant, if set (else on command). */
  opensAt: number | null;
  /** Closes by itself at this instant, if set (else on command). */
  closesAt: number | null;
  /** When it was closed on command. */
  closedAt: number | null;
  /** Every roll document has been written: only then may it open. */
  ready: boolean;
  rollByCategory: Record<string, number>;
  createdBy: string;
  createdAt: number;
}

/** `voteRolls/{campaignId}_{memberId}` */
export interface RollDoc {
  _id: string;
  campaignId: string;
  memberId: string;
  category: string;
  /** The voter's section, kept only when their (category, section) group is big enough to hide in. */
  group: string | null;
  voted: boolean;
  /** Set on every unvoted roll entry when the campaign closes: a late ballot's transaction sees it. */
  closed: boolean;
  /** Set on an unvoted entry when its person leaves the park (members.leave): they vote no more, the roll shrinks. */
  struck?: boolean;
}

/** `voteBallots/{receipt}` — no voter, no time. */
export interface BallotDoc {
  _id: string;
  campaignId: string;
  category: string;
  voterSectionId: string | null;
  ratings: Ratings;
  void: boolean;
}

export function rollId(campaignId: string, memberId: string): string {
  return `${campaignId}_${memberId}`;
}

/**
 * The ballot transaction runs inside one function call, so it cannot outlive the function's timeout. Results are
 * counted only once that long has passed since closing: no ballot still in flight can be missed.
 */
export const VOTE_FUNCTION_TIMEOUT_S = 20;
export const RESULTS_SETTLE_MS = (VOTE_FUNCTION_TIMEOUT_S + 5) * 1000;

export function phase(c: Pick<CampaignDoc, 'status' | 'opensAt' | 'closesAt'>, now: number): CampaignStatus {
  if (c.status === 'closed') return 'closed';
  if (c.closesAt !== null && now >= c.closesAt && (c.status === 'open' || c.opensAt !== null)) return 'closed';
  if (c.status === 'open') return 'open';
  if (c.opensAt !== null && now >= c.opensAt) return 'open';
  return 'draft';
}

/** When the campaign closed (on command or by its closing time), or null while it has not. */
export function closedAt(c: Pick<CampaignDoc, 'status' | 'opensAt' | 'closesAt' | 'closedAt'>, now: number): number | null {
  if (phase(c, now) !== 'closed') return null;
  return c.closedAt ?? c.closesAt ?? now;
}

/** The voter category of a person: the highest of their roles. */
export function categoryOf(m: Pick<MemberDoc, 'roles'>): string | null {
  if (m.roles.includes('leader')) return 'leader';
  if (m.roles.includes('sectionHead')) return 'sectionHead';
  if (m.roles.includes('cadre')) return 'cadre';
  return null;
}

/**
 * Who may see a campaign's settings and status: leaders and the admin, and anyone on its roll. `'unknown'` asks
 * whether the roles alone decide it (so that the roll entry is read only when it matters).
 */
export function mayViewCampaign(m: Pick<MemberDoc, 'roles'>, onRoll: boolean | 'unknown'): boolean {
  return m.roles.includes('leader') || m.roles.includes('admin') || onRoll === true;
}

/**
 * Candidates and roll from the campaign's kind:
 * - 领导评干部: leaders rate every cadre;
 * - 干部互评: cadres and section heads rate every cadre (nobody themself);
 * - 班子测评: everyone (leaders, section heads, cadres) rates the leadership.
 */
export function rosterFor(
  kind: CampaignKind,
  members: Pick<MemberDoc, '_id' | 'name' | 'roles' | 'sectionId' | 'active'>[],
): { candidates: Candidate[]; roll: { memberId: string; category: string; sectionId: string | null }[] } {
  const active = members.filter((m) => m.active);
  const cadres = active.filter((m) => m.roles.includes('cadre'));
  const leaders = active.filter((m) => m.roles.includes('leader'));
  const asCandidate = (m: (typeof members)[number]): Candidate => ({ id: m._id, name: m.name, sectionId: m.sectionId });
  const candidates = (kind === 'rate_leadership' ? leaders : cadres).map(asCandidate);
  const voters = kind === 'leaders_rate_cadres' ? leaders : kind === 'peer' ? cadres : active;
  const roll = voters
    .map((m) => ({ memberId: m._id, category: categoryOf(m), sectionId: m.sectionId }))
    .filter((r): r is { memberId: string; category: string; sectionId: string | null } => r.category !== null);
  return { candidates, roll };
}

/** Which roll entries may keep their section on the ballot: groups of at least `minGroupSize`. */
export function groupOf(roll: { memberId: string; category: string; sectionId: string | null }[], minGroupSize: number): Map<string, string | null> {
  const size = new Map<string, number>();
  const key = (r: { category: string; sectionId: string | null }) => `${r.category}|${r.sectionId ?? ''}`;
  for (const r of roll) size.set(key(r), (size.get(key(r)) ?? 0) + 1);
  return new Map(roll.map((r) => [r.memberId, r.sectionId !== null && (size.get(key(r)) ?? 0) >= minGroupSize ? r.sectionId : null]));
}

export function rollCounts(roll: { category: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of roll) out[r.category] = (out[r.category] ?? 0) + 1;
  return out;
}

export { DEFAULT_CATEGORIES };

/** Receipt codes `XXXX-XXXX-XXXX` from random bytes (31 unambiguous letters: about 59 bits). */
export function makeReceipt(randomBytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  if (randomBytes.length < 12) throw new Error('not enough random bytes');
  let s = '';
  for (let i = 0; i < 12; i += 1) {
    if (i > 0 && i % 4 === 0) s += '-';
    s += alphabet[(randomBytes[i] ?? 0) % alphabet.length];
  }
  return s;
}
