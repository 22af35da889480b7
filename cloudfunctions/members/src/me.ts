import { meView } from '../../../server/members/views';
import type { Handler } from '../../../server/common/router';

export const me: Handler<'members', 'me'> = async (_input, ctx) => meView(ctx.db, await ctx.member());
