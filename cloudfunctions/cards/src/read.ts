/** What the leadership decides on, and a cadre's cards. */
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { proposeCards } from '../../../shared/cards/rules';
import { dayOf } from '../../../shared/common/time';
import { cardView, loadRecords, people, proposalView, type CardDoc } from './lib';

export const proposals: Handler<'cards', 'proposals'> = async (_input, ctx) => {
  const [{ records, decided }, who] = await Promise.all([loadRecords(ctx.db, ctx.now), people(ctx.db)]);
  const done = new Set(decided.map((c) => c._id));
  const pending = proposeCards(records, dayOf(ctx.now))
    .filter((p) => !done.has(p.key))
    // red first, then by section and name
    .map((p) => proposalView(p, who))
    .sort(
      (a, b) =>
        (a.color === b.color ? 0 : a.color === 'red' ? -1 : 1) ||
        (a.sectionName ?? '').localeCompare(b.sectionName ?? '', 'zh-CN') ||
        a.memberName.localeCompare(b.memberName, 'zh-CN'),
    );
  const inForce = decided
    .filter((c) => c.status === 'issued')
    .map((c) => cardView(c, who, records, ctx.now))
    .sort((a, b) => b.issuedAt - a.issuedAt);
  return { pending, inForce };
};

/** The person's cards in force and lifted (never the withheld proposals), newest first. */
export const cards: Handler<'cards', 'cards'> = async (_input, ctx) => {
  const subject = await ctx.subject();
  const mine = (await ctx.db.collection<CardDoc>(COLL.cards).where({ memberId: subject._id }).limit(1000).get()).data.filter(
    (c) => c.status !== 'withheld',
  );
  if (mine.length === 0) return { cards: [] };
  const [{ records }, who] = await Promise.all([loadRecords(ctx.db, ctx.now), people(ctx.db)]);
  return { cards: mine.map((c) => cardView(c, who, records, ctx.now)).sort((a, b) => b.issuedAt - a.issuedAt) };
};
