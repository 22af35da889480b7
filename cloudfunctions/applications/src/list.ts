import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { type ApplicationDoc } from '../../../shared/applications/review';
import { view } from './lib';

export const list: Handler<'applications', 'list'> = async ({ scope }, ctx) => {
      const me = await ctx.member();
      const coll = ctx.db.collection<ApplicationDoc>(COLL.applications);
      if (scope === 'mine') return (await coll.where({ memberId: me._id }).limit(100).get()).data.map(view).reverse();
      const waiting: ApplicationDoc[] = [];
      if (me.roles.includes('sectionHead') && me.sectionId) {
        waiting.push(...(await coll.where({ status: 'pending_head', sectionId: me.sectionId }).limit(100).get()).data);
      }
      if (me.roles.includes('admin')) waiting.push(...(await coll.where({ status: 'pending_admin' }).limit(100).get()).data);
      return waiting.filter((a) => a.memberId !== me._id).map(view);
    };
