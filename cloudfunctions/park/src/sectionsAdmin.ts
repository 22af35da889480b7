/** The admin's sections: add, edit, order, retire (never delete: quarters and results point at them). */
import { randomBytes } from 'crypto';
import { appendAudit } from '../../../server/audit/log';
import { COLL } from '../../../server/common/collections';
import { paced } from '../../../server/common/paced';
import type { Ctx, Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { loadDirectory, newRecordId } from '../../../server/park/directory';
import { AppError } from '../../../shared/common/errors';
import type { Directory } from '../../../shared/imports/plan';
import type { MemberDoc } from '../../../shared/members/member';
import { PARK_DOC_ID, isActive, type ParkDoc, type SectionDoc } from '../../../shared/park/park';
import { settingsView } from './status';

function itemOf(s: SectionDoc, dir: Directory) {
  const leader = s.leaderId ? dir.members.find((m) => m._id === s.leaderId) : undefined;
  const people = dir.members.filter((m) => m.active && m.sectionId === s._id && m.roles.some((r) => r !== 'enterprise'));
  const head = people.find((m) => m.roles.includes('sectionHead'));
  return {
    id: s._id,
    name: s.name,
    order: s.order,
    code: s.code ?? null,
    leaderId: s.leaderId ?? null,
    leaderName: leader?.name ?? null,
    active: isActive(s),
    people: people.length,
    headName: head?.name ?? null,
  };
}

const sectionsAndPeople = (ctx: Ctx) => loadDirectory(ctx.db, { enterprises: false });

export const sectionsAdmin: Handler<'park', 'sectionsAdmin'> = async (_input, ctx) => {
  const [dir, park] = await Promise.all([sectionsAndPeople(ctx), ctx.db.collection<ParkDoc>(COLL.park).doc(PARK_DOC_ID).get()]);
  const items = dir.sections.sort((a, b) => Number(isActive(b)) - Number(isActive(a)) || a.order - b.order).map((s) => itemOf(s, dir));
  return { items, settings: settingsView(park.data?.settings) };
};

/** A leader who may oversee a section: active, holding the leader role. */
function leaderProblem(leaderId: string | null, members: MemberDoc[]): string | null {
  if (!leaderId) return null;
  const m = members.find((x) => x._id === leaderId);
  return m && m.active && m.roles.includes('leader') ? null : '分管领导须是在册的班子成员';
}

export const saveSection: Handler<'park', 'saveSection'> = async ({ id, name, code, leaderId }, ctx) => {
  const me = await ctx.member();
  const dir = await sectionsAndPeople(ctx);
  const existing = id ? dir.sections.find((s) => s._id === id) : undefined;
  if (id && !existing) throw new AppError('NOT_FOUND', '股室不存在');
  const clash = dir.sections.find((s) => s._id !== id && isActive(s) && s.name === name);
  if (clash) throw new AppError('CONFLICT', `已有名为“${name}”的股室`, [{ path: 'name', message: '股室名称重复' }]);
  const codeClash = code ? dir.sections.find((s) => s._id !== id && s.code === code) : undefined;
  if (codeClash) throw new AppError('CONFLICT', `编号${code}已是“${codeClash.name}”的编号`, [{ path: 'code', message: '编号重复' }]);
  const problem = leaderProblem(leaderId, dir.members);
  if (problem) throw new AppError('INVALID_INPUT', problem, [{ path: 'leaderId', message: problem }]);
  const taken = new Set(dir.sections.map((s) => s._id));
  const sid = existing?._id ?? (code && !taken.has(code) ? code : newRecordId('S', randomBytes));
  const doc: SectionDoc = {
    _id: sid,
    name,
    order: existing?.order ?? Math.max(0, ...dir.sections.map((s) => s.order)) + 1,
    code: code || null,
    leaderId,
    active: existing ? isActive(existing) : true,
  };
  await withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<SectionDoc>(COLL.sections).doc(sid);
    const { _id, ...fields } = doc;
    await ref.set({ data: fields });
    const before = existing ? `“${existing.name}”` : '';
    const text = existing ? `股室${before}更新为“${name}”` : `新增股室“${name}”`;
    await appendAudit(tx, {
      kind: 'park.section',
      actor: me,
      at: ctx.now,
      subject: `section:${_id}`,
      reason: '',
      data: { sectionId: _id, name, leaderId, text },
    });
  });
  return itemOf(doc, { ...dir, sections: [...dir.sections.filter((s) => s._id !== sid), doc] });
};

export const orderSections: Handler<'park', 'orderSections'> = async ({ ids }, ctx) => {
  const all = (await ctx.db.collection<SectionDoc>(COLL.sections).limit(1000).get()).data.filter(isActive);
  const want = new Set(all.map((s) => s._id));
  if (ids.length !== want.size || new Set(ids).size !== ids.length || ids.some((x) => !want.has(x))) {
    throw new AppError('CONFLICT', '股室名单已变化，请刷新后重新排序');
  }
  const moved = ids.map((id, i) => ({ id, order: i + 1 })).filter((x) => all.find((s) => s._id === x.id)?.order !== x.order);
  await paced(moved, (x) =>
    ctx.db
      .collection<SectionDoc>(COLL.sections)
      .doc(x.id)
      .update({ data: { order: x.order } }),
  );
  return { count: moved.length };
};

export const retireSection: Handler<'park', 'retireSection'> = async ({ id, reason, restore }, ctx) => {
  const me = await ctx.member();
  const dir = await sectionsAndPeople(ctx);
  const s = dir.sections.find((x) => x._id === id);
  if (!s) throw new AppError('NOT_FOUND', '股室不存在');
  if (!restore) {
    if (!isActive(s)) throw new AppError('CONFLICT', '该股室已撤销');
    const inIt = dir.members.filter((m) => m.active && m.sectionId === id && m.roles.some((r) => r !== 'enterprise'));
    if (inIt.length > 0)
      throw new AppError(
        'CONFLICT',
        `“${s.name}”还有${inIt.length}人（${inIt
          .slice(0, 3)
          .map((m) => m.name)
          .join('、')}${inIt.length > 3 ? '等' : ''}），请先办理调动再撤销`,
      );
  } else {
    if (isActive(s)) throw new AppError('CONFLICT', '该股室未撤销');
    if (dir.sections.some((x) => x._id !== id && isActive(x) && x.name === s.name))
      throw new AppError('CONFLICT', `已有名为“${s.name}”的股室，请先改名`);
  }
  const next: SectionDoc = { ...s, active: restore };
  await withTransaction(ctx.db, async (tx) => {
    await tx
      .collection<SectionDoc>(COLL.sections)
      .doc(id)
      .update({ data: { active: restore } });
    const text = `${restore ? '恢复' : '撤销'}股室“${s.name}”`;
    await appendAudit(tx, {
      kind: 'park.section',
      actor: me,
      at: ctx.now,
      subject: `section:${id}`,
      reason,
      data: { sectionId: id, active: restore, text },
    });
  });
  return itemOf(next, dir);
};
