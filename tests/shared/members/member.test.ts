import { staffScope } from "../../../shared/members/scope";

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
