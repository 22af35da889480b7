import { randomBytes } from 'crypto';
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { AppError } from '../../../shared/common/errors';
import { CONTACTS } from '../../../shared/members/config';
import type { MemberDoc } from '../../../shared/members/member';
import type { EnterpriseDoc } from '../../../shared/park/park';

/**
 * The admin adds a contact of an enterprise in the directory. The person is on the roll unbound; they bind with an
 * invite code (members.issueInvite) the admin gives them, and from then on see only their enterprise.
 */
export const addContact: Handler<'members', 'addContact'> = async ({ enterpriseId, name, post }, ctx) => {
  const [enterprise, contacts] = await Promise.all([
    ctx.db.collection<EnterpriseDoc>(COLL.enterprises).doc(enterpriseId).get(),
    ctx.db
      .collection<MemberDoc>(COLL.members)
      .where({ enterpriseId, active: true })
      .limit(CONTACTS.perEnterpriseMax + 1)
      .get(),
  ]);
  if (!enterprise.data) throw new AppError('NOT_FOUND', '所选企业不存在，请重新选择', [{ path: 'enterpriseId', message: '所选企业不存在' }]);
  if (contacts.data.length >= CONTACTS.perEnterpriseMax) {
    throw new AppError('CONFLICT', `每家企业最多${CONTACTS.perEnterpriseMax}名联系人，请先停用不再联系的人员`);
  }
  if (contacts.data.some((c) => c.name === name)) throw new AppError('CONFLICT', `${enterprise.data.name}已有联系人${name}`);
  const member: MemberDoc = {
    _id: `C${ctx.now.toString(36)}${randomBytes(3).toString('hex')}`,
    name,
    roles: ['enterprise'],
    sectionId: null,
    post: post || null,
    enterpriseId,
    active: true,
    bound: false,
  };
  await ctx.db.collection<MemberDoc>(COLL.members).add({ data: member });
  return { memberId: member._id, name, enterpriseName: enterprise.data.name };
};
