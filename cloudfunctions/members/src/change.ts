/** People through the year (人员变动): a move, a new post, new roles — from a day, with a reason, on the record. */
import { randomBytes } from 'crypto';
import { appendAudit } from '../../../server/audit/log';
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { loadDirectory, newRecordId } from '../../../server/park/directory';
import type { PeriodDoc } from '../../../shared/assessment/period';
import { AppError } from '../../../shared/common/errors';
import { dayOf, quarterOf } from '../../../shared/common/time';
import { dossierId } from '../../../shared/dossier/dossier';
import { checklistId } from '../../../shared/indicators/checklist';
import { planChange, type MemberChangeDoc } from '../../../shared/members/changes';
import type { MemberDoc } from '../../../shared/members/member';
import { personView } from './people';

/**
 * What a change does to the quarter (decided here, documented in the README): the section someone is in when the
 * quarter closes is the one whose head scores them (考人) and whose 考事 counts, and the one their result is filed
 * under; the checklist fixed when the quarter opened stays theirs to the quarter's end (their targets and the work
 * counted towards them do not restart), and from the next quarter opened they are assessed on their new section's
 * and post's indicators (shared/indicators/decompose.ts). So the quarter's open records — checklist, dossier — move
 * with them at once. The year: they are graded by the section they are in at the year's end, every closed quarter
 * counted wherever they were (the annual results read each quarter's own result).
 */
export const change: Handler<'members', 'change'> = async ({ memberId, on, reason, sectionId, post, roles }, ctx) => {
  const me = await ctx.member();
  const [dir, periods] = await Promise.all([
    loadDirectory(ctx.db, { enterprises: false }),
    ctx.db.collection<PeriodDoc>(COLL.periods).limit(1000).get(),
  ]);
  const person = dir.members.find((m) => m._id === memberId);
  if (!person) throw new AppError('NOT_FOUND', '人员不存在');
  const outcome = planChange(
    person,
    { on, sectionId, post, roles },
    { members: dir.members, sections: dir.sections, periods: periods.data, today: dayOf(ctx.now) },
  );
  if ('problem' in outcome) throw new AppError('CONFLICT', outcome.problem);
  const next: MemberDoc = { ...person, ...outcome.next };
  const displaced: MemberDoc | null = outcome.displaced
    ? { ...outcome.displaced, roles: outcome.displaced.roles.filter((r) => r !== 'sectionHead') }
    : null;
  const current = quarterOf(ctx.now);
  await withTransaction(ctx.db, async (tx) => {
    const seq = await appendAudit(tx, {
      kind: 'members.change',
      actor: me,
      at: ctx.now,
      subject: `member:${memberId}`,
      reason,
      data: { memberId, on, sectionId: next.sectionId, post: next.post, roles: next.roles, displaced: displaced?._id ?? null, text: outcome.text },
    });
    for (const [before, after] of [[person, next], ...(displaced && outcome.displaced ? [[outcome.displaced, displaced]] : [])] as [
      MemberDoc,
      MemberDoc,
    ][]) {
      await tx
        .collection<MemberDoc>(COLL.members)
        .doc(after._id)
        .update({ data: { sectionId: after.sectionId, post: after.post, roles: after.roles } });
      const log: MemberChangeDoc = {
        _id: newRecordId('X', randomBytes),
        memberId: after._id,
        on,
        from: { sectionId: before.sectionId, post: before.post, roles: before.roles },
        to: { sectionId: after.sectionId, post: after.post, roles: after.roles },
        reason,
        by: me._id,
        at: ctx.now,
        auditSeq: seq,
      };
      const { _id, ...fields } = log;
      await tx.collection<MemberChangeDoc>(COLL.memberChanges).doc(_id).set({ data: fields });
    }
    // the open quarter's records go with them to the section they are in now
    if (next.sectionId !== person.sectionId) {
      for (const [coll, id] of [
        [COLL.checklists, checklistId(current, memberId)],
        [COLL.dossiers, dossierId(current, memberId)],
      ] as const) {
        const ref = tx.collection<{ _id: string; sectionId: string }>(coll).doc(id);
        if ((await ref.get()).data) await ref.update({ data: { sectionId: next.sectionId ?? '' } });
      }
    }
  });
  const names = new Map(dir.sections.map((s) => [s._id, s.name]));
  return { person: personView(next, names), displaced: displaced ? personView(displaced, names) : null };
};
