/** The admin's enterprise directory: search, add, edit, retire (never delete: appeals and ratings point at them). */
import { escapeRegExp } from '../../../server/common/search';
import { randomBytes } from 'crypto';
import { appendAudit } from '../../../server/audit/log';
import { COLL } from '../../../server/common/collections';
import type { Ctx, Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { newRecordId } from '../../../server/park/directory';
import { LIMITS } from '../../../shared/common/config';
import { AppError } from '../../../shared/common/errors';
import type { MemberDoc } from '../../../shared/members/member';
import { isActive, type EnterpriseDoc } from '../../../shared/park/park';

async function itemsOf(ctx: Ctx, list: EnterpriseDoc[]) {
  const _ = ctx.db.command;
  const ids = list.map((e) => e._id);
  const liaisonIds = [...new Set(list.flatMap((e) => (e.liaisonId ? [e.liaisonId] : [])))];
  const [liaisons, contacts] = await Promise.all([
    liaisonIds.length
      ? ctx.db
          .collection<MemberDoc>(COLL.members)
          .where({ _id: _.in(liaisonIds) })
          .field({ name: true })
          .limit(100)
          .get()
      : { data: [] as MemberDoc[] },
    ids.length
      ? ctx.db
          .collection<MemberDoc>(COLL.members)
          .where({ enterpriseId: _.in(ids), active: true })
          .field({ enterpriseId: true })
          .limit(1000)
          .get()
      : { data: [] as MemberDoc[] },
  ]);
  const name = new Map(liaisons.data.map((m) => [m._id, m.name]));
  return list.map((e) => ({
    id: e._id,
    name: e.name,
    creditCode: e.creditCode ?? null,
    industry: e.industry,
    aboveScale: e.aboveScale,
    liaisonId: e.liaisonId ?? null,
    liaisonName: e.liaisonId ? (name.get(e.liaisonId) ?? null) : null,
    code: e.code ?? null,
    active: isActive(e),
    contacts: contacts.data.filter((c) => c.enterpriseId === e._id).length,
  }));
}

export const enterprisesAdmin: Handler<'park', 'enterprisesAdmin'> = async ({ q, retired, cursor = 0 }, ctx) => {
  const _ = ctx.db.command;
  const status = retired ? { active: false } : { active: _.neq(false) };
  const text = q
    ? [
        { name: ctx.db.RegExp({ regexp: escapeRegExp(q), options: 'i' }) },
        { creditCode: ctx.db.RegExp({ regexp: `^${escapeRegExp(q.toUpperCase())}` }) },
      ]
    : null;
  const where = text ? _.and([status, _.or(text)]) : status;
  const res = await ctx.db.collection<EnterpriseDoc>(COLL.enterprises).where(where).orderBy('name', 'asc').skip(cursor).limit(LIMITS.pageSize).get();
  return { items: await itemsOf(ctx, res.data), nextCursor: res.data.length === LIMITS.pageSize ? cursor + LIMITS.pageSize : null };
};

export const saveEnterprise: Handler<'park', 'saveEnterprise'> = async ({ id, name, creditCode, industry, aboveScale, liaisonId, code }, ctx) => {
  const me = await ctx.member();
  const all = ctx.db.collection<EnterpriseDoc>(COLL.enterprises);
  const _ = ctx.db.command;
  const [existing, sameCode, sameName, liaison] = await Promise.all([
    id ? all.doc(id).get() : { data: null },
    all.where({ creditCode }).limit(2).get(),
    all
      .where({ name, active: _.neq(false) })
      .limit(2)
      .get(),
    liaisonId ? ctx.db.collection<MemberDoc>(COLL.members).doc(liaisonId).get() : { data: null },
  ]);
  if (id && !existing.data) throw new AppError('NOT_FOUND', '企业不存在');
  const other = sameCode.data.find((e) => e._id !== id);
  if (other) {
    const where = isActive(other) ? '' : '（已停用，可在“已停用”中恢复）';
    throw new AppError('CONFLICT', `统一社会信用代码已属于“${other.name}”${where}`, [{ path: 'creditCode', message: '信用代码重复' }]);
  }
  if (sameName.data.some((e) => e._id !== id)) throw new AppError('CONFLICT', `名录中已有“${name}”`, [{ path: 'name', message: '企业名称重复' }]);
  if (liaisonId && !(liaison.data && liaison.data.active && liaison.data.roles.includes('cadre'))) {
    throw new AppError('INVALID_INPUT', '包联干部须是在册干部', [{ path: 'liaisonId', message: '包联干部须是在册干部' }]);
  }
  const eid = existing.data?._id ?? newRecordId('E', randomBytes);
  const doc: EnterpriseDoc = {
    _id: eid,
    name,
    creditCode,
    industry,
    aboveScale,
    liaisonId,
    code: code || null,
    active: existing.data ? isActive(existing.data) : true,
  };
  await withTransaction(ctx.db, async (tx) => {
    const { _id, ...fields } = doc;
    await tx.collection<EnterpriseDoc>(COLL.enterprises).doc(_id).set({ data: fields });
    const text = existing.data ? `企业“${existing.data.name}”信息更正` : `新增企业“${name}”`;
    await appendAudit(tx, {
      kind: 'park.enterprise',
      actor: me,
      at: ctx.now,
      subject: `enterprise:${_id}`,
      reason: '',
      data: { enterpriseId: _id, creditCode, text },
    });
  });
  const [item] = await itemsOf(ctx, [doc]);
  if (!item) throw new AppError('INTERNAL');
  return item;
};

export const retireEnterprise: Handler<'park', 'retireEnterprise'> = async ({ id, reason, restore }, ctx) => {
  const me = await ctx.member();
  const e = (await ctx.db.collection<EnterpriseDoc>(COLL.enterprises).doc(id).get()).data;
  if (!e) throw new AppError('NOT_FOUND', '企业不存在');
  if (isActive(e) === restore) throw new AppError('CONFLICT', restore ? '该企业未停用' : '该企业已停用');
  await withTransaction(ctx.db, async (tx) => {
    await tx
      .collection<EnterpriseDoc>(COLL.enterprises)
      .doc(id)
      .update({ data: { active: restore } });
    const text = `${restore ? '恢复' : '停用'}企业“${e.name}”`;
    await appendAudit(tx, {
      kind: 'park.enterprise',
      actor: me,
      at: ctx.now,
      subject: `enterprise:${id}`,
      reason,
      data: { enterpriseId: id, active: restore, text },
    });
  });
  const [item] = await itemsOf(ctx, [{ ...e, active: restore }]);
  if (!item) throw new AppError('INTERNAL');
  return item;
};
