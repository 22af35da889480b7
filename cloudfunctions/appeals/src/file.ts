import { isDuplicateKey } from '../../../server/common/cloud';
import { COLL } from '../../../server/common/collections';
import type { Ctx, Handler } from '../../../server/common/router';
import type { ParsedInput } from '../../../shared/contracts';
import type { WorkCalendar } from '../../../shared/common/workdays';
import { workCalendar } from '../../../server/park/calendar';
import { filedAppeal, type AppealDoc } from '../../../shared/appeals/appeal';
import { AppError } from '../../../shared/common/errors';
import { inPark } from '../../../shared/common/time';
import { isOwnPhoto } from '../../../shared/dossier/dossier';
import type { MemberDoc } from '../../../shared/members/member';
import type { EnterpriseDoc } from '../../../shared/park/park';
import { viewOf } from './lib';

/**
 * An enterprise contact files an appeal: it goes to the enterprise's liaison cadre at once, with the deadline to
 * accept it counted in working days. An enterprise without a liaison (or whose liaison has left) waits in the
 * admin's 待分派 list, on the same clock.
 */
export const file: Handler<'appeals', 'file'> = async ({ category, text, photoFileIds }, ctx) => {
  const me = await ctx.member();
  if (!me.enterpriseId) throw new AppError('FORBIDDEN', '您的账号未关联企业，请联系园区组织员');
  if (!photoFileIds.every((f) => isOwnPhoto(f, me._id))) throw new AppError('FORBIDDEN', '只能附上本人上传的照片');
  const enterprise = (await ctx.db.collection<EnterpriseDoc>(COLL.enterprises).doc(me.enterpriseId).get()).data;
  if (!enterprise) throw new AppError('NOT_FOUND', '所属企业不在园区名录中，请联系园区组织员');
  const [liaison, cal] = await Promise.all([
    enterprise.liaisonId ? ctx.db.collection<MemberDoc>(COLL.members).doc(enterprise.liaisonId).get() : null,
    workCalendar(ctx.db, inPark(ctx.now).year()),
  ]);
  const assignee = liaison?.data && liaison.data.active && liaison.data.roles.includes('cadre') ? liaison.data : null;
  const doc = newAppeal(ctx, me, enterprise, assignee, cal, { category, text, photoFileIds });
  try {
    await ctx.db.collection<AppealDoc>(COLL.appeals).add({ data: doc });
  } catch (e) {
    if (!(ctx.requestKey && isDuplicateKey(e))) throw e;
    // filed by an earlier run of this very request: answer with it as it stands
    const first = (await ctx.db.collection<AppealDoc>(COLL.appeals).doc(doc._id).get()).data;
    if (!first) throw e;
    return viewOf(ctx, first, me);
  }
  return viewOf(ctx, doc, me);
};

function newAppeal(
  ctx: Ctx,
  me: MemberDoc,
  enterprise: EnterpriseDoc,
  assignee: MemberDoc | null,
  cal: WorkCalendar,
  { category, text, photoFileIds }: ParsedInput<'appeals', 'file'>,
): AppealDoc {
  // a request that may arrive twice names its appeal (server/common/replay.ts, NAMED)
  const id = ctx.requestKey ? `AP${ctx.requestKey.slice(0, 22)}` : `AP${ctx.now.toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  return filedAppeal({ id, enterprise, filer: me, assignee, category, text, photoFileIds, at: ctx.now }, cal);
}
