import type { Handler } from '../../../server/common/router';
import { recordReport } from './lib';

export const record: Handler<'dossier', 'record'> = async (input, ctx) => recordReport(ctx, input);
