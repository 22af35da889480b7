/** What several of the applications actions share. */
import type { ApplicationView } from '../../../shared/applications/contract';
import { type ApplicationDoc } from '../../../shared/applications/review';

export const view = (a: ApplicationDoc): ApplicationView => ({
  id: a._id,
  memberId: a.memberId,
  memberName: a.memberName,
  sectionId: a.sectionId,
  name: a.name,
  reason: a.reason,
  kind: a.kind,
  unit: a.unit,
  target: a.target,
  status: a.status,
  history: a.history,
  indicatorId: a.indicatorId,
});
