import { reviewStep } from '../../../shared/applications/review';

describe('reviewing an application', () => {
  const app = { memberId: 'M021', sectionId: 'S03', status: 'pending_head' as const };
  it('goes to the section head first, then the admin', () => {
    expect(reviewStep(app, { _id: 'M020', roles: ['cadre', 'sectionHead'], sectionId: 'S03' }, 'approve')).toMatchObject({
      ok: true,
      status: 'pending_admin',
    });
    expect(reviewStep({ ...app, status: 'pending_admin' }, { _id: 'M002', roles: ['leader', 'admin'], sectionId: 'S02' }, 'approve')).toMatchObject({
      ok: true,
      status: 'approved',
    });
  });
  it('lets nobody review their own, nor skip a step', () => {
    expect(reviewStep(app, { _id: 'M021', roles: ['cadre', 'sectionHead'], sectionId: 'S03' }, 'approve')).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(reviewStep(app, { _id: 'M002', roles: ['admin'], sectionId: 'S02' }, 'approve')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(reviewStep({ ...app, status: 'approved' }, { _id: 'M002', roles: ['admin'], sectionId: null }, 'reject')).toMatchObject({
      ok: false,
      code: 'CONFLICT',
    });
  });
});
