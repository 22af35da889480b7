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
  /** When it closed: on command, or (written by the close's first step) its closing time. */
  closedAt: number | null;
  /** Every roll document has been written: only then may it open. */
  ready: boolean;
  /** The close has marked every unvoted roll entry closed: no ballot can land any more (closeSteps). */
  rollClosed?: boolean;
  /** The close is done: counted, and the stored ballots sealed (shared/votes/secrecy.ts). */
  sealed?: boolean;
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

/** One step of a close, in the order they must run. */
export type CloseStep = 'closeRoll' | 'count' | 'seal' | 'markSealed';

/**
 * What is left to do of a closed campaign's close (民主测评的封存), whoever does it first: the close action at once,
 * the votes function's timer for a campaign that closed on its time, or the first look at the results. Each step is
 * idempotent, so a close cut short (a function has its timeout) resumes where it stopped.
 *
 * - closeRoll: the campaign is marked closed and every unvoted roll entry too. A ballot's transaction writes its
 *   roll entry, so one still in flight then conflicts and, sent again, is refused as closed: after this step the box
 *   holds every ballot it ever will, and the count needs no waiting.
 * - count: the ballots counted once, with the list of those to rewrite as sealed (secrecy.ts `sealBallots`).
 * - seal: those ballots rewritten (category merged, small-group section dropped), so a copy of the store taken from
 *   then on finds no ballot that fewer than the minimum share.
 * - markSealed: the campaign says so, and the timer looks at it no more.
 */
export function closeSteps(
  c: Pick<CampaignDoc, 'status' | 'opensAt' | 'closesAt' | 'rollClosed' | 'sealed'>,
  result: { pendingSeal?: unknown[] } | null,
  now: number,
): CloseStep[] {
  if (phase(c, now) !== 'closed' || c.sealed === true) return [];
  const steps: CloseStep[] = c.rollClosed === true ? [] : ['closeRoll'];
  if (!result) steps.push('count', 'seal');
  else if ((result.pendingSeal ?? []).length > 0) steps.push('seal');
  steps.push('markSealed');
  return steps;
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
