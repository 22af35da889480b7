import { randomBytes } from 'crypto';
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { AppError } from '../../../shared/common/errors';
import type { EnterpriseDoc } from '../../../shared/park/park';
import { STANDARD_MILESTONES } from '../../../shared/projects/config';
import type { ProjectDoc } from '../../../shared/projects/project';
import { projectView } from './lib';

/** The admin adds a key project of an enterprise in the directory, with the standard milestones still to plan. */
export const create: Handler<'projects', 'create'> = async ({ name, enterpriseId }, ctx) => {
  const me = await ctx.member();
  const enterprise = (await ctx.db.collection<EnterpriseDoc>(COLL.enterprises).doc(enterpriseId).get()).data;
  if (!enterprise) throw new AppError('NOT_FOUND', '所选企业不存在，请重新选择', [{ path: 'enterpriseId', message: '所选企业不存在' }]);
  const doc: ProjectDoc = {
    _id: `P${ctx.now.toString(36)}${randomBytes(3).toString('hex')}`,
    name,
    enterpriseId,
    milestones: STANDARD_MILESTONES.map((m) => ({ key: m.key, name: m.name, planned: null, actual: null })),
    log: [{ at: ctx.now, by: me._id, byName: me.name, text: `新建项目（${enterprise.name}）` }],
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const { _id, ...data } = doc;
  await ctx.db.collection<ProjectDoc>(COLL.projects).add({ data: { _id, ...data } });
  return projectView(ctx, doc, me, { claims: [] });
};
