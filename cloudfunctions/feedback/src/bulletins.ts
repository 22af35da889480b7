/** The park's quarterly bulletin (通报): drafted from the closed quarter's results, published once, read by all staff. */
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { allPages } from '../../../server/common/pages';
import { withTransaction } from '../../../server/common/tx';
import { loadPeriod } from '../../../server/assessment/period';
import { overdue, type AppealDoc } from '../../../shared/appeals/appeal';
import type { QuarterResultDoc } from '../../../shared/assessment/assessment';
import { AppError } from '../../../shared/common/errors';
import { dayOf, quarterRange } from '../../../shared/common/time';
import { draftBulletin, type BulletinRecords } from '../../../shared/feedback/bulletin';
import type { BulletinView } from '../../../shared/feedback/contract';
import { milestoneState } from '../../../shared/projects/milestone';
import { type ProjectDoc, milestonesInForce } from '../../../shared/projects/project';
import type { CardDoc } from '../../cards/src/lib';

/** `bulletins/{periodId}`. */
export interface BulletinDoc extends Omit<BulletinView, 'periodId'> {
  _id: string;
  publishedBy: string;
}

const view = (d: BulletinDoc): BulletinView => ({
  periodId: d._id,
  title: d.title,
  paragraphs: d.paragraphs,
  publishedByName: d.publishedByName,
  publishedAt: d.publishedAt,
});

export const bulletinDraft: Handler<'feedback', 'bulletinDraft'> = async ({ periodId }, ctx) => {
  if ((await loadPeriod(ctx.db, periodId))?.status !== 'closed') throw new AppError('NOT_READY', '该季度考核尚未结束，不能起草通报');
  const { first, last } = quarterRange(periodId);
  const today = dayOf(ctx.now);
  const [results, projects, appeals, cards, published] = await Promise.all([
    allPages<QuarterResultDoc>(
      (skip, limit) =>
        ctx.db.collection<QuarterResultDoc>(COLL.quarterResults).where({ periodId }).orderBy('_id', 'asc').skip(skip).limit(limit).get(),
      100,
    ),
    allPages<ProjectDoc>((skip, limit) => ctx.db.collection<ProjectDoc>(COLL.projects).orderBy('_id', 'asc').skip(skip).limit(limit).get()),
    allPages<AppealDoc>((skip, limit) => ctx.db.collection<AppealDoc>(COLL.appeals).orderBy('_id', 'asc').skip(skip).limit(limit).get()),
    allPages<CardDoc>((skip, limit) => ctx.db.collection<CardDoc>(COLL.cards).orderBy('_id', 'asc').skip(skip).limit(limit).get()),
    ctx.db.collection<BulletinDoc>(COLL.bulletins).doc(periodId).get(),
  ]);
  const members = results.flatMap((d) => d.members);
  const grades = { good: 0, fair: 0, average: 0, poor: 0 };
  for (const m of members) grades[m.grade] += 1;
  const inQuarter = (at: number) => dayOf(at) >= first && dayOf(at) <= last;
  const issued = cards.filter((c) => c.status !== 'withheld' && inQuarter(c.decidedAt));
  const records: BulletinRecords = {
    periodId,
    grades,
    good: members
      .filter((m) => m.grade === 'good')
      .sort((a, b) => a.rank - b.rank)
      .map((m) => m.name),
    sections: results
      .flatMap((d) => (d.section ? [d.section] : []))
      .sort((a, b) => a.rank - b.rank)
      .map((s) => s.name),
    lagging: projects.flatMap((p) =>
      milestonesInForce(p).flatMap((m) => {
        const s = milestoneState(m, today);
        return s.state === 'lagging' ? [{ project: p.name, milestone: m.name, days: s.days }] : [];
      }),
    ),
    appealsOverdue: appeals.filter((a) => overdue(a, ctx.now).length > 0).length,
    cards: { red: issued.filter((c) => c.color === 'red').length, yellow: issued.filter((c) => c.color === 'yellow').length },
  };
  return { periodId, ...draftBulletin(records), published: published.data ? view(published.data) : null };
};

export const publishBulletin: Handler<'feedback', 'publishBulletin'> = async ({ periodId, title, paragraphs }, ctx) => {
  const me = await ctx.member();
  if ((await loadPeriod(ctx.db, periodId))?.status !== 'closed') throw new AppError('NOT_READY', '该季度考核尚未结束，不能发布通报');
  const doc: BulletinDoc = { _id: periodId, title, paragraphs, publishedBy: me._id, publishedByName: me.name, publishedAt: ctx.now };
  await withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<BulletinDoc>(COLL.bulletins).doc(periodId);
    if ((await ref.get()).data) throw new AppError('CONFLICT', '该季度的通报已发布');
    const { _id, ...data } = doc;
    await ref.set({ data });
  });
  return view(doc);
};

export const bulletins: Handler<'feedback', 'bulletins'> = async (_input, ctx) => {
  const docs = (await ctx.db.collection<BulletinDoc>(COLL.bulletins).orderBy('publishedAt', 'desc').limit(100).get()).data;
  return { bulletins: docs.map(view) };
};
