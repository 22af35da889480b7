/**
 * The leadership decides each proposal: issue or withhold, with a reason; later, lift an issued card once what lifts
 * it has happened. Each decision lands with its entry in the audit trail, in one transaction; the card's document
 * is named by the proposal's key, so a fact is decided once, whoever is first.
 */
import { appendAudit } from '../../../server/audit/log';
import { COLL } from '../../../server/common/collections';
import type { Ctx, Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { liftMet, proposeCards, type CardProposal } from '../../../shared/cards/rules';
import { AppError } from '../../../shared/common/errors';
import { dayOf } from '../../../shared/common/time';
import { cardView, loadRecords, people, type CardDoc } from './lib';

/** The proposal as the rules make it now: refused when they no longer do, or it is decided already. */
async function proposed(ctx: Ctx, key: string): Promise<CardProposal> {
  const { records, decided } = await loadRecords(ctx.db, ctx.now);
  if (decided.some((c) => c._id === key)) throw new AppError('CONFLICT', '该红黄牌建议已处理过');
  const p = proposeCards(records, dayOf(ctx.now)).find((x) => x.key === key);
  if (!p) throw new AppError('NOT_FOUND', '没有这条红黄牌建议（情况可能已经变化），请刷新');
  return p;
}

async function decide(ctx: Ctx, key: string, reason: string, status: 'issued' | 'withheld'): Promise<CardDoc> {
  const me = await ctx.member();
  const p = await proposed(ctx, key);
  return withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<CardDoc>(COLL.cards).doc(key);
    if ((await ref.get()).data) throw new AppError('CONFLICT', '该红黄牌建议已处理过');
    const auditSeq = await appendAudit(tx, {
      kind: status === 'issued' ? 'cards.issue' : 'cards.withhold',
      actor: me,
      at: ctx.now,
      subject: `cards:${p.memberId}:${key}`,
      reason,
      data: { key, memberId: p.memberId, color: p.color, rule: p.rule, why: p.why },
    });
    const doc: CardDoc = {
      _id: key,
      rule: p.rule,
      color: p.color,
      memberId: p.memberId,
      why: p.why,
      liftWhen: p.liftWhen,
      status,
      decidedAt: ctx.now,
      decidedBy: me._id,
      decidedByName: me.name,
      reason,
      liftedAt: null,
      liftedBy: null,
      liftedByName: null,
      liftReason: null,
      auditSeq,
      liftAuditSeq: null,
    };
    const { _id, ...data } = doc;
    await ref.set({ data });
    return doc;
  });
}

export const issue: Handler<'cards', 'issue'> = async ({ key, reason }, ctx) => {
  const doc = await decide(ctx, key, reason, 'issued');
  const [{ records }, who] = await Promise.all([loadRecords(ctx.db, ctx.now), people(ctx.db)]);
  return cardView(doc, who, records, ctx.now);
};

export const withhold: Handler<'cards', 'withhold'> = async ({ key, reason }, ctx) => {
  await decide(ctx, key, reason, 'withheld');
  return { key };
};

export const lift: Handler<'cards', 'lift'> = async ({ key, reason }, ctx) => {
  const me = await ctx.member();
  const { records } = await loadRecords(ctx.db, ctx.now);
  const doc = await withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<CardDoc>(COLL.cards).doc(key);
    const card = (await ref.get()).data;
    if (!card || card.status === 'withheld') throw new AppError('NOT_FOUND', '没有这张红黄牌');
    if (card.status === 'lifted') throw new AppError('CONFLICT', '这张红黄牌已经解除');
    if (!liftMet({ key, rule: card.rule, memberId: card.memberId }, records, dayOf(ctx.now)))
      throw new AppError('CONFLICT', `解除条件尚未满足：${card.liftWhen}`);
    const liftAuditSeq = await appendAudit(tx, {
      kind: 'cards.lift',
      actor: me,
      at: ctx.now,
      subject: `cards:${card.memberId}:${key}`,
      reason,
      data: { key, memberId: card.memberId, color: card.color },
    });
    const next: CardDoc = { ...card, status: 'lifted', liftedAt: ctx.now, liftedBy: me._id, liftedByName: me.name, liftReason: reason, liftAuditSeq };
    const { _id, ...data } = next;
    await ref.set({ data });
    return next;
  });
  return cardView(doc, await people(ctx.db), records, ctx.now);
};
