import { createHash, randomBytes, timingSafeEqual } from 'crypto';
import { appendAudit } from '../../../server/audit/log';
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { newRecordId } from '../../../server/park/directory';
import { AppError } from '../../../shared/common/errors';
import type { BindingDoc, MemberDoc } from '../../../shared/members/member';
import { DEFAULT_PARK_SETTINGS, PARK_DOC_ID, type ParkDoc } from '../../../shared/park/park';

/**
 * Where the deployer puts the park's one-time set-up code: an environment variable of the park function (云开发控制台
 * → 云函数 → park → 版本与配置 → 环境变量). Locally `npm run start:empty` makes one and prints it.
 */
export const SETUP_ENV = 'YARDSTICK_SETUP_CODE';

const fingerprint = (s: string) => createHash('sha256').update(s).digest();

/** The two codes compared in constant time (their fingerprints, so lengths do not leak either). */
function codeMatches(given: string, expected: string): boolean {
  return timingSafeEqual(fingerprint(given), fingerprint(expected));
}

/**
 * The park's first administrator. Whoever gives the deployer's code is made 组织员 and bound to their WeChat
 * identity, with the park's own record, in one transaction; the park record then exists and every later set-up is
 * refused — whatever code it brings. A park that predates the park record (it has an administrator) is refused too.
 */
export const setup: Handler<'park', 'setup'> = async ({ code, parkName, adminName, staffNo }, ctx) => {
  const expected = process.env[SETUP_ENV] ?? '';
  if (expected.length < 12) {
    throw new AppError('NOT_READY', '本园区未开放初始设置：部署者须先为 park 云函数配置环境变量 YARDSTICK_SETUP_CODE（至少12位）');
  }
  if (!codeMatches(code, expected)) throw new AppError('INVALID_INPUT', '设置码不正确，请向部署者核对', [{ path: 'code', message: '设置码不正确' }]);
  if (!ctx.openid) throw new AppError('UNBOUND', '无法识别微信身份，请在微信中打开');
  const admins = await ctx.db.collection<MemberDoc>(COLL.members).where({ roles: 'admin', active: true }).limit(1).get();
  if (admins.data.length > 0) throw new AppError('CONFLICT', '园区已有组织员，不能再次初始设置；如需新增管理员，请由现有组织员在人员名录中办理');
  return withTransaction(ctx.db, async (tx) => {
    const parkRef = tx.collection<ParkDoc>(COLL.park).doc(PARK_DOC_ID);
    if ((await parkRef.get()).data) throw new AppError('CONFLICT', '园区已完成初始设置，不能再次设置；如需新增管理员，请联系现有组织员');
    const bindingRef = tx.collection<BindingDoc>(COLL.bindings).doc(ctx.openid);
    if ((await bindingRef.get()).data) throw new AppError('CONFLICT', '当前微信已绑定其他人员');
    const memberId = staffNo || newRecordId('A', randomBytes);
    const memberRef = tx.collection<MemberDoc>(COLL.members).doc(memberId);
    if ((await memberRef.get()).data) throw new AppError('CONFLICT', `工号${memberId}已被使用`);
    const admin: MemberDoc = {
      _id: memberId,
      name: adminName,
      roles: ['admin'],
      sectionId: null,
      post: '组织员',
      enterpriseId: null,
      active: true,
      bound: true,
      staffNo: staffNo || null,
      joinedOn: null,
    };
    const { _id: _m, ...memberFields } = admin;
    await memberRef.set({ data: memberFields });
    await bindingRef.set({ data: { memberId, boundAt: ctx.now } });
    await parkRef.set({ data: { name: parkName, setupAt: ctx.now, setupBy: memberId, settings: DEFAULT_PARK_SETTINGS } });
    await appendAudit(tx, {
      kind: 'park.setup',
      actor: admin,
      at: ctx.now,
      subject: `park:${PARK_DOC_ID}`,
      reason: '首次部署，以设置码设立第一位组织员',
      data: { memberId, parkName, text: `${parkName}：${adminName}为第一位组织员` },
    });
    return { memberId, parkName };
  });
};
