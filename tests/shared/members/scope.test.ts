import { mayViewMember, staffScope } from '../../../shared/members/scope';

describe('who may see a section’s staff', () => {
  const head = { roles: ['cadre', 'sectionHead'] as const, sectionId: 'S03' };
  it('a section head sees their own section', () => {
    expect(staffScope({ ...head, roles: [...head.roles] }, undefined)).toBe('S03');
    expect(staffScope({ ...head, roles: [...head.roles] }, 'S03')).toBe('S03');
  });
  it('a section head may not see another section', () => {
    expect(staffScope({ ...head, roles: [...head.roles] }, 'S04')).toBeNull();
  });
  it('a plain cadre sees no section list', () => {
    expect(staffScope({ roles: ['cadre'], sectionId: 'S03' }, 'S03')).toBeNull();
  });
  it('leaders and the admin may look at any section', () => {
    expect(staffScope({ roles: ['leader'], sectionId: null }, 'S07')).toBe('S07');
    expect(staffScope({ roles: ['leader', 'admin'], sectionId: 'S02' }, undefined)).toBe('S02');
  });
});

describe('whose dossier, checklist and results a person may see', () => {
  const head = { _id: 'H', roles: ['cadre', 'sectionHead'] as ('cadre' | 'sectionHead')[], sectionId: 'S03' };
  const cadre = (sectionId: string | null) => ({ _id: 'C', roles: ['cadre' as const], sectionId });
  it('everyone their own', () => {
    expect(mayViewMember({ _id: 'C', roles: ['cadre'], sectionId: 'S03' }, cadre('S03'))).toBe(true);
    expect(mayViewMember({ _id: 'X', roles: ['cadre'], sectionId: 'S03' }, cadre('S03'))).toBe(false);
  });
  it('a section head their own section’s staff, not another section’s', () => {
    expect(mayViewMember(head, cadre('S03'))).toBe(true);
    expect(mayViewMember(head, cadre('S04'))).toBe(false);
    expect(mayViewMember(head, cadre(null))).toBe(false);
  });
  it('a section head not a leader or the admin placed in their section', () => {
    expect(mayViewMember(head, { _id: 'L', roles: ['leader'], sectionId: 'S03' })).toBe(false);
    expect(mayViewMember(head, { _id: 'A', roles: ['admin'], sectionId: 'S03' })).toBe(false);
  });
  it('leaders and the admin anyone', () => {
    expect(mayViewMember({ _id: 'L', roles: ['leader'], sectionId: null }, cadre('S04'))).toBe(true);
    expect(mayViewMember({ _id: 'A', roles: ['admin'], sectionId: 'S02' }, { _id: 'L2', roles: ['leader'], sectionId: null })).toBe(true);
  });
});
