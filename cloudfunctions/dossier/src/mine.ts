import type { Handler } from '../../../server/common/router';
import { quarterOf } from '../../../shared/common/time';
import { dossierView } from './lib';

export const mine: Handler<'dossier', 'mine'> = async ({ periodId }, ctx) => dossierView(ctx, await ctx.member(), periodId ?? quarterOf(ctx.now));
