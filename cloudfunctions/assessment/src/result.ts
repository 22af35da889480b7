import type { Handler } from '../../../server/common/router';
import { quarterOf } from '../../../shared/common/time';
import { resultView } from './lib';

export const result: Handler<'assessment', 'result'> = async ({ periodId }, ctx) =>
  resultView(ctx, periodId ?? quarterOf(ctx.now), await ctx.subject());
