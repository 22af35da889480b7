import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { type SectionEvaluationDoc, type StaffEvaluationDoc } from '../../../shared/assessment/evaluations';
import { quarterOf } from '../../../shared/common/time';
import { all } from './lib';

export const myEvaluations: Handler<'assessment', 'myEvaluations'> = async ({ periodId }, ctx) => {
  const me = await ctx.member();
  const pid = periodId ?? quarterOf(ctx.now);
  const [staff, secs] = await Promise.all([
    all<StaffEvaluationDoc>(ctx.db, COLL.staffEvaluations, { periodId: pid, by: me._id }),
    all<SectionEvaluationDoc>(ctx.db, COLL.sectionEvaluations, { periodId: pid, leaderId: me._id }),
  ]);
  return {
    staff: staff.map((e) => ({ memberId: e.memberId, score: e.score, grades: e.grades, actuals: e.actuals, comment: e.comment })),
    sections: secs.map((e) => ({ sectionId: e.sectionId, score: e.score, comment: e.comment })),
  };
};
