import type { Handler } from '../../../server/common/router';
import { quarterOf } from '../../../shared/common/time';
import { periodStatus } from './lib';

export const status: Handler<'assessment', 'status'> = async ({ periodId }, ctx) => periodStatus(ctx.db, periodId ?? quarterOf(ctx.now), ctx.now);
