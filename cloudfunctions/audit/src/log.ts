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

type Data = AuditEntry['data'];
const text = (v: Json | undefined, none = '') => (typeof v === 'string' ? v : none);
const yuan = (fen: Json | undefined) => (typeof fen === 'number' ? (fen / 100).toFixed(2) : '—');
const grading = (d: Data, who: string) =>
  d.grade === d.from ? `${who}：维持${gradeText(d.grade)}` : `${who}：${gradeText(d.from)} → ${gradeText(d.grade)}`;
const carding = (d: Data, who: string) => `${who}：${d.color === 'red' ? '红牌' : '黄牌'}${typeof d.why === 'string' ? `（${d.why}）` : ''}`;

/** Each kind's line from its figures (`who`: the member the entry is about, by name). */
const LINES: Partial<Record<AuditEntry['kind'], (d: Data, who: string) => string>> = {
  'annual.adjust': grading,
  'annual.review': grading,
  'cards.issue': carding,
  'cards.withhold': carding,
  'cards.lift': carding,
  'assessment.correct': (d, who) => `${who}：${d.field === 'deductions' ? '抽查扣分' : '考人得分'} ${num(d.old)} → ${num(d.new)}`,
  'annual.formula': (d) => `第${num(d.version)}版`,
  'assessment.close': (d) => `${text(d.periodId)} 参评${num(d.assessed)}人`,
  'assessment.results': (d) => `${text(d.periodId)} 更正后重算，参评${num(d.assessed)}人`,
  'projects.retire': (d) => text(d.text),
  'indicators.tree': (d) => text(d.text),
  'projects.correct': (d) => `「${text(d.name)}」${text(d.from, '—')} → ${text(d.to, '未完成')}`,
  'pay.settings': (d) => `${num(d.year)}年度奖金基数${num(d.base)}元`,
  'pay.release': (d) => `发放${num(d.cadres)}人，合计${yuan(d.poolFen)}元`,
};

/** The figures of an entry as a line: whose grade from what to what, the formula's version, the counts. */
export function summaryOf(e: AuditEntry, names: Map<string, string>): string {
  const d = e.data;
  // the directory's entries (park.*, imports.*, members.*) carry their own line, written when the change was made
  if (/^(park|imports|members)\./.test(e.kind)) return text(d.text);
  const who = typeof d.memberId === 'string' ? (names.get(d.memberId) ?? d.memberId) : '';
  const line = LINES[e.kind];
  return line ? line(d, who) : `参评${num(d.assessed)}人，优秀${num(d.excellent)}人`;
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
