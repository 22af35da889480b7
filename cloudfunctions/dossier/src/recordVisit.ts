import type { Handler } from '../../../server/common/router';
import { recordReport } from './lib';

export const recordVisit: Handler<'dossier', 'recordVisit'> = async ({ enterpriseId, date, note, photoFileIds }, ctx) =>
  recordReport(ctx, { kind: 'enterprise_visit', enterpriseId, date, note, photoFileIds });
