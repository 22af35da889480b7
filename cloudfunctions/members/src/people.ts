/** The admin's roster: list, add, correct, record who left; unbinding a lost phone; signing oneself out. */
import { escapeRegExp } from '../../../server/common/search';
import { randomBytes } from 'crypto';
import { appendAudit } from '../../../server/audit/log';
import { COLL } from '../../../server/common/collections';
import type { Ctx, Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { loadDirectory, newRecordId } from '../../../server/park/directory';
import type { Directory } from '../../../shared/imports/plan';
import type { PeriodDoc } from '../../../shared/assessment/period';
import { LIMITS } from '../../../shared/common/config';
import { AppError } from '../../../shared/common/errors';
import { closedQuarterProblem, headProblem, isStaff, leaveProblem } from '../../../shared/members/changes';
import type { PersonView, Role } from '../../../shared/members/contract';
import type { InviteDoc } from '../../../shared/members/invite';
import type { BindingDoc, MemberDoc } from '../../../shared/members/member';
import { isActive, type SectionDoc } from '../../../shared/park/park';
import { YEAR_STATUS_LABELS, yearStatusId, type YearStatusDoc } from '../../../shared/annual/eligibility';
import { inPark } from '../../../shared/common/time';
import type { CampaignDoc, RollDoc } from '../../../shared/votes/campaign';

const STAFF_ROLES: Role[] = ['cadre', 'sectionHead', 'leader', 'admin'];

export function personView(m: MemberDoc, sections: Map<string, string>, status: YearStatusDoc | null = null): PersonView {
  return {
    memberId: m._id,
    name: m.name,
    staffNo: m.staffNo ?? null,
    sectionId: m.sectionId,
    sectionName: m.sectionId ? (sections.get(m.sectionId) ?? null) : null,
    post: m.post,
    roles: m.roles,
    joinedOn: m.joinedOn ?? null,
    active: m.active,
    leftOn: m.leftOn ?? null,
    leftReason: m.leftReason ?? null,
    bound: m.bound,
    yearStatus: status ? { year: status.year, kind: status.kind, note: status.note } : null,
  };
}

async function sectionNames(ctx: Ctx): Promise<Map<string, string>> {
  const res = await ctx.db.collection<SectionDoc>(COLL.sections).limit(1000).get();
  return new Map(res.data.map((s) => [s._id, s.name]));
}

export const people: Handler<'members', 'people'> = async ({ q, sectionId, left, cursor = 0 }, ctx) => {
  const _ = ctx.db.command;
  const conds: object[] = [{ roles: _.in(STAFF_ROLES) }, { active: !left }];
  if (sectionId) conds.push({ sectionId });
  if (q)
    conds.push(
      _.or([
        { name: ctx.db.RegExp({ regexp: escapeRegExp(q), options: 'i' }) },
        { staffNo: ctx.db.RegExp({ regexp: `^${escapeRegExp(q)}`, options: 'i' }) },
      ]),
    );
  const [res, names] = await Promise.all([
    ctx.db.collection<MemberDoc>(COLL.members).where(_.and(conds)).orderBy('_id', 'asc').skip(cursor).limit(LIMITS.pageSize).get(),
    sectionNames(ctx),
  ]);
  // this year's recorded statuses of the page's people (试用期…): one query
  const year = inPark(ctx.now).year();
  const statuses = res.data.length
    ? (
        await ctx.db
          .collection<YearStatusDoc>(COLL.yearStatuses)
          .where({ _id: _.in(res.data.map((m) => yearStatusId(year, m._id))) })
          .limit(LIMITS.pageSize)
          .get()
      ).data
    : [];
  const statusOf = new Map(statuses.map((x) => [x.memberId, x]));
  return {
    items: res.data.map((m) => personView(m, names, statusOf.get(m._id) ?? null)),
    nextCursor: res.data.length === LIMITS.pageSize ? cursor + LIMITS.pageSize : null,
  };
};

type SaveInput = Parameters<Handler<'members', 'savePerson'>>[0];

/** A correction of someone on the roster: name, 工号, post, joining day — never their section or roles. */
function corrected(existing: MemberDoc, input: SaveInput, staffNo: string | null): MemberDoc {
  if (!existing.active) throw new AppError('CONFLICT', `${existing.name}已离开园区，不能修改`);
  // an edit corrects what was entered; a move or a new role is a change with a date and a reason (人员变动)
  const movedSection = input.sectionId !== null && input.sectionId !== existing.sectionId;
  const newRoles = input.roles.length > 0 && [...input.roles].sort().join() !== [...existing.roles].sort().join();
  if (movedSection || newRoles) throw new AppError('CONFLICT', '调动股室或变更角色请通过“人员变动”办理（需填写生效日期和原因）');
  return { ...existing, name: input.name, staffNo, post: input.post || null, joinedOn: input.joinedOn };
}

/** Someone new on the roster: in a section if they are assessed, one head a section. */
function added(input: SaveInput, staffNo: string | null, dir: Directory): MemberDoc {
  const asked = new Set<Role>(input.roles);
  const roles = STAFF_ROLES.filter((r) => asked.has(r) || (r === 'cadre' && asked.has('sectionHead')));
  if (roles.length === 0) throw new AppError('INVALID_INPUT', '请选择角色', [{ path: 'roles', message: '请选择角色' }]);
  const section = input.sectionId ? dir.sections.find((s) => s._id === input.sectionId && isActive(s)) : undefined;
  if (input.sectionId && !section) throw new AppError('INVALID_INPUT', '所选股室不存在', [{ path: 'sectionId', message: '所选股室不存在' }]);
  if (roles.includes('cadre') && !section) throw new AppError('INVALID_INPUT', '干部须选择所在股室', [{ path: 'sectionId', message: '请选择股室' }]);
  const headTaken = roles.includes('sectionHead') && section ? headProblem(section._id, dir.members, null) : null;
  if (headTaken) throw new AppError('CONFLICT', `${headTaken}：更换负责人请通过“人员变动”办理`, [{ path: 'roles', message: headTaken }]);
  const taken = new Set(dir.members.map((m) => m._id));
  return {
    _id: staffNo && !taken.has(staffNo) ? staffNo : newRecordId('M', randomBytes),
    name: input.name,
    roles,
    sectionId: section?._id ?? null,
    post: input.post || null,
    enterpriseId: null,
    active: true,
    bound: false,
    staffNo,
    joinedOn: input.joinedOn,
  };
}

export const savePerson: Handler<'members', 'savePerson'> = async (input, ctx) => {
  const me = await ctx.member();
  const dir = await loadDirectory(ctx.db, { enterprises: false });
  const staff = dir.members.filter(isStaff);
  const existing = input.memberId ? staff.find((m) => m._id === input.memberId) : undefined;
  if (input.memberId && !existing) throw new AppError('NOT_FOUND', '人员不存在');
  const staffNo = input.staffNo || null;
  const others = staff.filter((m) => m._id !== existing?._id);
  if (staffNo && others.some((m) => m.staffNo === staffNo))
    throw new AppError('CONFLICT', `工号${staffNo}已被使用`, [{ path: 'staffNo', message: '工号重复' }]);
  if (!staffNo && others.some((m) => m.active && m.name === input.name && !m.staffNo)) {
    throw new AppError('CONFLICT', `已有一位${input.name}，同名的两人请填写工号区分`, [{ path: 'staffNo', message: '同名人员请填写工号' }]);
  }
  const doc = existing ? corrected(existing, input, staffNo) : added(input, staffNo, dir);
  await withTransaction(ctx.db, async (tx) => {
    const { _id, ...fields } = doc;
    await tx.collection<MemberDoc>(COLL.members).doc(_id).set({ data: fields });
    const text = existing ? `${existing.name}的登记信息更正` : `登记新人员${doc.name}${staffNo ? `（${staffNo}）` : ''}`;
    await appendAudit(tx, { kind: 'members.person', actor: me, at: ctx.now, subject: `member:${_id}`, reason: '', data: { memberId: _id, text } });
  });
  return personView(doc, new Map(dir.sections.map((s) => [s._id, s.name])));
};

/** The bindings of a person (one, normally): found by query, removed one by one inside the transaction. */
async function bindingsOf(ctx: Ctx, memberId: string): Promise<string[]> {
  const res = await ctx.db.collection<BindingDoc>(COLL.bindings).where({ memberId }).limit(10).get();
  return res.data.map((b) => b._id);
}

export const leave: Handler<'members', 'leave'> = async ({ memberId, on, reason }, ctx) => {
  const me = await ctx.member();
  const [dir, periods, bindings, invites, rolls] = await Promise.all([
    loadDirectory(ctx.db, { enterprises: false }),
    ctx.db.collection<PeriodDoc>(COLL.periods).limit(1000).get(),
    bindingsOf(ctx, memberId),
    ctx.db.collection<InviteDoc>(COLL.invites).where({ memberId, usedAt: null }).limit(100).get(),
    // the open campaigns' roll entries not voted on: struck, so the ballot box needs no look at the member
    ctx.db.collection<RollDoc>(COLL.voteRolls).where({ memberId, voted: false, closed: false }).limit(100).get(),
  ]);
  const person = dir.members.find((m) => m._id === memberId);
  if (!person || !isStaff(person)) throw new AppError('NOT_FOUND', '人员不存在');
  const problem = leaveProblem(person, dir.members, dir.sections) ?? closedQuarterProblem(on, periods.data);
  if (problem) throw new AppError('CONFLICT', problem);
  const next: MemberDoc = { ...person, active: false, bound: false, leftOn: on, leftReason: reason };
  await withTransaction(ctx.db, async (tx) => {
    await tx
      .collection<MemberDoc>(COLL.members)
      .doc(memberId)
      .update({ data: { active: false, bound: false, leftOn: on, leftReason: reason } });
    for (const id of bindings) await tx.collection<BindingDoc>(COLL.bindings).doc(id).remove();
    // an invite not yet used binds nobody any more
    for (const inv of invites.data) {
      await tx
        .collection<InviteDoc>(COLL.invites)
        .doc(inv._id)
        .update({ data: { expiresAt: Math.min(inv.expiresAt, ctx.now) } });
    }
    for (const r of rolls.data.filter((x) => !x.struck)) {
      await tx
        .collection<RollDoc>(COLL.voteRolls)
        .doc(r._id)
        .update({ data: { struck: true } });
      // the roll the turnout is counted against shrinks by one (the 2/3 rule is of those still in the park)
      await tx
        .collection<CampaignDoc>(COLL.voteCampaigns)
        .doc(r.campaignId)
        .update({ data: { [`rollByCategory.${r.category}`]: ctx.db.command.inc(-1) } });
    }
    await appendAudit(tx, {
      kind: 'members.leave',
      actor: me,
      at: ctx.now,
      subject: `member:${memberId}`,
      reason,
      data: { memberId, on, text: `${person.name}于${on}离开` },
    });
  });
  return personView(next, new Map(dir.sections.map((s) => [s._id, s.name])));
};

export const unbind: Handler<'members', 'unbind'> = async ({ memberId, reason }, ctx) => {
  const me = await ctx.member();
  const [person, bindings, names] = await Promise.all([
    ctx.db.collection<MemberDoc>(COLL.members).doc(memberId).get(),
    bindingsOf(ctx, memberId),
    sectionNames(ctx),
  ]);
  const m = person.data;
  if (!m) throw new AppError('NOT_FOUND', '人员不存在');
  if (!m.bound && bindings.length === 0) throw new AppError('CONFLICT', `${m.name}尚未绑定微信`);
  if (m._id === me._id) throw new AppError('CONFLICT', '不能解除自己的绑定：请用“退出登录”');
  await withTransaction(ctx.db, async (tx) => {
    for (const id of bindings) await tx.collection<BindingDoc>(COLL.bindings).doc(id).remove();
    await tx
      .collection<MemberDoc>(COLL.members)
      .doc(memberId)
      .update({ data: { bound: false } });
    await appendAudit(tx, {
      kind: 'members.unbind',
      actor: me,
      at: ctx.now,
      subject: `member:${memberId}`,
      reason,
      data: { memberId, text: `解除${m.name}的微信绑定` },
    });
  });
  return personView({ ...m, bound: false }, names);
};

export const signOut: Handler<'members', 'signOut'> = async (_input, ctx) => {
  const me = await ctx.member();
  await withTransaction(ctx.db, async (tx) => {
    await tx.collection<BindingDoc>(COLL.bindings).doc(ctx.openid).remove();
    await tx
      .collection<MemberDoc>(COLL.members)
      .doc(me._id)
      .update({ data: { bound: false } });
  });
  return { done: true };
};

/**
 * What a person's year is, for the annual results (shared/annual/eligibility.ts): recorded with a note, or taken
 * back (`none`); in the audit trail. It counts at the next computation of the year's results.
 */
export const yearStatus: Handler<'members', 'yearStatus'> = async ({ memberId, year, kind, note }, ctx) => {
  const me = await ctx.member();
  const [person, names] = await Promise.all([ctx.db.collection<MemberDoc>(COLL.members).doc(memberId).get(), sectionNames(ctx)]);
  const m = person.data;
  if (!m || !isStaff(m)) throw new AppError('NOT_FOUND', '人员不存在');
  if (!m.roles.includes('cadre')) throw new AppError('CONFLICT', `${m.name}不参加干部年度考核等次评定`);
  const id = yearStatusId(year, memberId);
  const status = await withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<YearStatusDoc>(COLL.yearStatuses).doc(id);
    const before = (await ref.get()).data;
    if (kind === 'none' && !before) throw new AppError('CONFLICT', `${m.name}${year}年度没有登记特殊情形`);
    const text =
      kind === 'none'
        ? `${m.name}${year}年度：取消“${before ? YEAR_STATUS_LABELS[before.kind] : ''}”`
        : `${m.name}${year}年度：${YEAR_STATUS_LABELS[kind]}`;
    const auditSeq = await appendAudit(tx, {
      kind: 'members.yearStatus',
      actor: me,
      at: ctx.now,
      subject: `member:${memberId}`,
      reason: note,
      data: { memberId, year, kind, text },
    });
    if (kind === 'none') {
      await ref.remove();
      return null;
    }
    const doc: YearStatusDoc = { _id: id, year, memberId, kind, note, by: me._id, at: ctx.now, auditSeq };
    const { _id, ...fields } = doc;
    await ref.set({ data: fields });
    return doc;
  });
  return personView(m, names, status);
};
