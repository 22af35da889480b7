/** The red and yellow cards' contract (红黄牌): the rules' proposals, the leader's decisions, the cadre's view. */
import { z } from 'zod';
import { Id, Reason } from '../common/schema';

/** A proposal's key (shared/cards/rules.ts: what it is about, e.g. `quarter_2026Q3_M003`). */
const CardKey = z
  .string({ error: '缺少红黄牌编号' })
  .trim()
  .min(1, { error: '缺少红黄牌编号' })
  .max(160, { error: '红黄牌编号过长' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: '红黄牌编号格式不正确' });

const Color = z.enum(['yellow', 'red']);
const Rule = z.enum(['project', 'appeal', 'quarter', 'repeat']);

export const ProposalView = z.object({
  key: z.string(),
  rule: Rule,
  ruleLabel: z.string(),
  color: Color,
  memberId: z.string(),
  memberName: z.string(),
  sectionName: z.string().nullable(),
  why: z.string(),
  liftWhen: z.string(),
});
export type ProposalView = z.infer<typeof ProposalView>;

export const CardView = ProposalView.extend({
  status: z.enum(['issued', 'lifted']),
  issuedAt: z.number(),
  issuedByName: z.string(),
  reason: z.string(),
  liftedAt: z.number().nullable(),
  liftedByName: z.string().nullable(),
  liftReason: z.string().nullable(),
  /** What lifts it has happened (so a leader may lift it now). */
  liftable: z.boolean(),
});
export type CardView = z.infer<typeof CardView>;

const Decision = z.object({ key: CardKey, reason: Reason }).strict();

export const cardsContract = {
  /** What the rules propose now and nobody has decided yet, and the cards in force. */
  proposals: { input: z.object({}).strict(), output: z.object({ pending: z.array(ProposalView), inForce: z.array(CardView) }) },
  /** Issue a proposed card, saying why. Refused if the rules no longer propose it, or it was decided already. */
  issue: { input: Decision, output: CardView },
  /** Withhold a proposed card, saying why: it is not proposed again. */
  withhold: { input: Decision, output: z.object({ key: z.string() }) },
  /** Lift a card once what lifts it has happened, saying so. */
  lift: { input: Decision, output: CardView },
  /** A cadre's cards, in force and lifted, newest first: their own, or (section heads, leaders) another's. */
  cards: { input: z.object({ memberId: Id.optional() }).strict(), output: z.object({ cards: z.array(CardView) }) },
} as const;
