import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { AppError } from '../../../shared/common/errors';
import { quarterLabel, quarterOf } from '../../../shared/common/time';
import type { StaffRow } from '../../../shared/dossier/contract';
import { newDossier, overallPercent, targetProgress, type DossierDoc } from '../../../shared/dossier/dossier';
import { hasRole, type MemberDoc } from '../../../shared/members/member';
import { staffScope } from '../../../shared/members/scope';
import type { SectionDoc } from '../../../shared/park/park';
import { visitRule } from '../../../server/dossier/settings';

export const sectionStaff: Handler<'dossier', 'sectionStaff'> = async ({ periodId: requested, sectionId: requestedSection }, ctx) => {
  const me = await ctx.member();
  // a requested section is in the caller's view (the router's scope 'section'); else their own
  let sectionId = staffScope(me, requestedSection);
  if (!sectionId && hasRole(me, 'leader', 'admin')) {
    // A leader without a section of their own, who has not picked one yet: the first section.
    const first = await ctx.db.collection<SectionDoc>(COLL.sections).orderBy('order', 'asc').limit(1).get();
    sectionId = first.data[0]?._id ?? null;
  }
  if (!sectionId) throw new AppError('FORBIDDEN', '只能查看本股室人员的绩效');
  const periodId = requested ?? quarterOf(ctx.now);
  const section = (await ctx.db.collection<SectionDoc>(COLL.sections).doc(sectionId).get()).data;
  if (!section) throw new AppError('NOT_FOUND', '股室不存在');
  // A section has well under 100 people: one page of the cloud database's default limit each.
  const [members, dossiers, evaluations, rule] = await Promise.all([
    ctx.db.collection<MemberDoc>(COLL.members).where({ sectionId, active: true }).limit(100).get(),
    ctx.db.collection<DossierDoc>(COLL.dossiers).where({ sectionId, periodId }).limit(100).get(),
    ctx.db
      .collection<{ _id: string; memberId: string }>(COLL.staffEvaluations)
      .where({ sectionId, periodId })
      .field({ memberId: true })
      .limit(100)
      .get(),
    visitRule(ctx.db, ctx.now),
  ]);
  const byMember = new Map(dossiers.data.map((d) => [d.memberId, d]));
  const evaluated = new Set(evaluations.data.map((e) => e.memberId));
  const staff: StaffRow[] = members.data
    .filter((m) => m.roles.includes('cadre'))
    .map((m) => {
      const targets = targetProgress(byMember.get(m._id) ?? newDossier(periodId, m), rule);
      return {
        memberId: m._id,
        name: m.name,
        post: m.post,
        targets,
        overallPercent: overallPercent(targets),
        isHead: m.roles.includes('sectionHead'),
        evaluated: evaluated.has(m._id),
      };
    })
    .sort((a, b) => b.overallPercent - a.overallPercent || a.name.localeCompare(b.name, 'zh-CN'));
  return { periodId, periodLabel: quarterLabel(periodId), sectionId, sectionName: section.name, staff };
};
