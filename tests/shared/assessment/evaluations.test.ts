import { memberDeductions, spotDeductions, staffEvaluationProblem } from '../../../shared/assessment/evaluations';

const spots = [
  { targetType: 'member' as const, targetId: 'M1', deduction: 3 },
  { targetType: 'member' as const, targetId: 'M1', deduction: 2 },
  { targetType: 'section' as const, targetId: 'M1', deduction: 7 },
  { targetType: 'member' as const, targetId: 'M2', deduction: 4 },
];

describe('spot-check deductions (不定期抽查)', () => {
  it('adds up every check of the target, and only of the target', () => {
    // M1 as a member: 3 + 2; the section check of the same id is another target
    expect(spotDeductions(spots, 'member', 'M1')).toBe(5);
    expect(spotDeductions(spots, 'section', 'M1')).toBe(7);
    expect(spotDeductions(spots, 'member', 'M3')).toBe(0);
  });
  it('moves a cadre’s deductions by each correction, never below zero', () => {
    const lowered = [{ memberId: 'M1', field: 'deductions' as const, old: 5, new: 1 }];
    // 5 − (5 − 1) = 1
    expect(memberDeductions(spots, lowered, 'M1')).toBe(1);
    const twice = [...lowered, { memberId: 'M1', field: 'deductions' as const, old: 1, new: 0 }];
    expect(memberDeductions(spots, twice, 'M1')).toBe(0);
    // a correction of the 考人 score does not touch deductions; nor one of another cadre
    const other = [
      { memberId: 'M1', field: 'staffEvaluation' as const, old: 80, new: 90 },
      { memberId: 'M2', field: 'deductions' as const, old: 4, new: 0 },
    ];
    expect(memberDeductions(spots, other, 'M1')).toBe(5);
    expect(memberDeductions([], [{ memberId: 'M1', field: 'deductions' as const, old: 0, new: -3 }], 'M1')).toBe(0);
  });
});

describe('who evaluates whom (考人)', () => {
  const head = { _id: 'H', roles: ['cadre', 'sectionHead'] as const, sectionId: 'S03' };
  it('a head their staff, a leader the heads, nobody themself', () => {
    expect(staffEvaluationProblem({ ...head, roles: [...head.roles] }, { _id: 'C', roles: ['cadre'], sectionId: 'S03' })).toBeNull();
    expect(staffEvaluationProblem({ ...head, roles: [...head.roles] }, { _id: 'C', roles: ['cadre'], sectionId: 'S04' })).toBe(
      '只能评价本股室的工作人员',
    );
    expect(staffEvaluationProblem({ _id: 'L', roles: ['leader'], sectionId: null }, { ...head, roles: [...head.roles] })).toBeNull();
    expect(staffEvaluationProblem({ ...head, roles: [...head.roles] }, { ...head, roles: [...head.roles] })).toBe('不能给自己评分');
  });
  it('a head is scored by the leader who oversees the section (分管领导), or any leader as the park’s setting says', () => {
    const h = { ...head, roles: [...head.roles] };
    const overseer = { _id: 'L1', roles: ['leader' as const], sectionId: null };
    const other = { _id: 'L2', roles: ['leader' as const], sectionId: null };
    expect(staffEvaluationProblem(overseer, h, { leaderId: 'L1', rule: 'overseeing' })).toBeNull();
    expect(staffEvaluationProblem(other, h, { leaderId: 'L1', rule: 'overseeing' })).toBe('股室负责人由分管该股室的领导评价');
    expect(staffEvaluationProblem(other, h, { leaderId: 'L1', rule: 'anyLeader' })).toBeNull();
    // a section nobody oversees yet: any leader, whatever the setting
    expect(staffEvaluationProblem(other, h, { leaderId: null, rule: 'overseeing' })).toBeNull();
  });
});
