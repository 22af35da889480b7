/** The trail a page at a time, newest first, each entry in words. */
import { HEAD_ID, entryId, type HeadDoc } from '../../../server/audit/log';
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { ANNUAL_GRADE_LABELS, type AnnualGrade } from '../../../shared/annual/grades';
import { AUDIT_KINDS, type AuditEntry, type Json } from '../../../shared/audit/chain';
import type { AuditEntryView } from '../../../shared/audit/contract';
import type { MemberDoc } from '../../../shared/members/member';

export const PAGE = 20;

const num = (v: Json | undefined) => (typeof v === 'number' ? String(v) : '—');
const gradeText = (g: Json | undefined) => (typeof g === 'string' && g in ANNUAL_GRADE_LABELS ? ANNUAL_GRADE_LABELS[g as AnnualGrade] : '—');

/** The figures of an entry as a line: whose grade from what to what, the formula's version, the counts. */
export function summaryOf(e: AuditEntry, names: Map<string, string>): string {
  const d = e.data;
  // the directory's entries (park.*, imports.*, members.*) carry their own line, written when the change was made
  if (/^(park|imports|members)\./.test(e.kind)) return typeof d.text === 'string' ? d.text : '';
  const who = typeof d.memberId === 'string' ? (names.get(d.memberId) ?? d.memberId) : '';
  switch (e.kind) {
    case 'annual.adjust':
    case 'annual.review':
      return d.grade === d.from ? `${who}：维持${gradeText(d.grade)}` : `${who}：${gradeText(d.from)} → ${gradeText(d.grade)}`;
    case 'cards.issue':
    case 'cards.withhold':
    case 'cards.lift':
      return `${who}：${d.color === 'red' ? '红牌' : '黄牌'}${typeof d.why === 'string' ? `（${d.why}）` : ''}`;
    case 'assessment.correct':
      return `${who}：${d.field === 'deductions' ? '抽查扣分' : '考人得分'} ${num(d.old)} → ${num(d.new)}`;
    case 'annual.formula':
      return `第${num(d.version)}版`;
    case 'projects.correct':
      return `「${typeof d.name === 'string' ? d.name : ''}」${typeof d.from === 'string' ? d.from : '—'} → ${typeof d.to === 'string' ? d.to : '未完成'}`;
    default:
      return `参评${num(d.assessed)}人，优秀${num(d.excellent)}人`;
  }
}

export const log: Handler<'audit', 'log'> = async ({ before }, ctx) => {
  const head = (await ctx.db.collection<HeadDoc>(COLL.auditHead).doc(HEAD_ID).get()).data;
  const _ = ctx.db.command;
  const top = before ?? (head?.seq ?? 0) + 1;
  const entries = (
    await ctx.db
      .collection<AuditEntry & { _id: string }>(COLL.auditLog)
      .where({ _id: _.lt(entryId(top)) })
      .orderBy('_id', 'desc')
      .limit(PAGE + 1)
      .get()
  ).data;
  const page = entries.slice(0, PAGE);
  const ids = [...new Set(page.flatMap((e) => (typeof e.data.memberId === 'string' ? [e.data.memberId] : [])))];
  const members = ids.length
    ? (
        await ctx.db
          .collection<MemberDoc>(COLL.members)
          .where({ _id: _.in(ids) })
          .limit(PAGE)
          .get()
      ).data
    : [];
  const names = new Map(members.map((m) => [m._id, m.name]));
  const views: AuditEntryView[] = page.map((e) => ({
    seq: e.seq,
    kind: e.kind,
    kindLabel: AUDIT_KINDS[e.kind] ?? e.kind,
    actorName: e.actorName,
    at: e.at,
    subject: e.subject,
    reason: e.reason,
    summary: summaryOf(e, names),
    hash: e.hash,
  }));
  return { entries: views, head: head ? { seq: head.seq, hash: head.hash } : null, more: entries.length > PAGE };
};
