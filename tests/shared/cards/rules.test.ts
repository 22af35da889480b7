/** The red and yellow card rules: what each record proposes, and what lifts each card. */
import { appealKey, hasRedInForce, liftMet, projectKey, proposeCards, quarterKey, repeatKey, type CardRecords } from '../../../shared/cards/rules';

const none: CardRecords = { projects: [], appeals: [], quarters: [], cards: [] };
const TODAY = '2026-12-02';

describe('the card rules propose', () => {
  it('a yellow to each owner of a key project whose milestone is past its planned date and not reached', () => {
    const r: CardRecords = {
      ...none,
      projects: [
        {
          id: 'P1',
          name: '砂石码头',
          owners: ['M2', 'M3'],
          milestones: [
            { key: 'signing', name: '签约', planned: '2026-03-01', actual: '2026-02-20' },
            { key: 'start', name: '开工', planned: '2026-11-22', actual: null },
            { key: 'production', name: '投产', planned: '2027-06-30', actual: null },
          ],
        },
      ],
    };
    const p = proposeCards(r, TODAY);
    // 开工 planned 2026-11-22, not reached on 2026-12-02: 10 days behind; 签约 reached, 投产 not yet due
    expect(p.map((x) => [x.key, x.color, x.memberId])).toEqual([
      [projectKey('P1', 'start', 'M2'), 'yellow', 'M2'],
      [projectKey('P1', 'start', 'M3'), 'yellow', 'M3'],
    ]);
    expect(p[0]?.why).toBe('重点项目“砂石码头”的“开工”节点计划2026-11-22完成，已滞后10天');
    // reached (even late) lifts it; not reached, it stays
    const card = { key: projectKey('P1', 'start', 'M2'), rule: 'project' as const, memberId: 'M2' };
    expect(liftMet(card, r, TODAY)).toBe(false);
    const reached = {
      ...r,
      projects: r.projects.map((x) => ({ ...x, milestones: x.milestones.map((m) => (m.key === 'start' ? { ...m, actual: '2026-12-01' } : m)) })),
    };
    expect(liftMet(card, reached, TODAY)).toBe(true);
    expect(proposeCards(reached, TODAY)).toEqual([]);
  });

  it('a yellow to the assignee of an appeal past a deadline, lifted when it is past none', () => {
    const r: CardRecords = { ...none, appeals: [{ id: 'A1', enterpriseName: '吉安某电子', assigneeId: 'M4', overdue: ['accept', 'resolve'] }] };
    expect(proposeCards(r, TODAY)).toEqual([
      expect.objectContaining({ key: appealKey('A1', 'M4'), color: 'yellow', why: '吉安某电子的诉求超期未受理、办结' }),
    ]);
    const card = { key: appealKey('A1', 'M4'), rule: 'appeal' as const, memberId: 'M4' };
    expect(liftMet(card, r, TODAY)).toBe(false);
    expect(liftMet(card, { ...none, appeals: [{ ...r.appeals[0], overdue: [] } as CardRecords['appeals'][number]] }, TODAY)).toBe(true);
  });

  it('a red for a 较差 quarter, lifted by a later quarter of 一般 or better', () => {
    const r: CardRecords = {
      ...none,
      quarters: [
        { periodId: '2026Q2', memberId: 'M5', grade: 'poor' },
        { periodId: '2026Q1', memberId: 'M5', grade: 'good' },
        { periodId: '2026Q2', memberId: 'M6', grade: 'average' },
      ],
    };
    expect(proposeCards(r, TODAY).map((x) => [x.key, x.color, x.why])).toEqual([
      [quarterKey('2026Q2', 'M5'), 'red', '2026年第二季度考核等次为“较差”'],
    ]);
    const card = { key: quarterKey('2026Q2', 'M5'), rule: 'quarter' as const, memberId: 'M5' };
    // an earlier good quarter does not lift it; a later 较差 does not either; a later 一般 does
    expect(liftMet(card, r, TODAY)).toBe(false);
    expect(liftMet(card, { ...r, quarters: [...r.quarters, { periodId: '2026Q3', memberId: 'M5', grade: 'poor' }] }, TODAY)).toBe(false);
    expect(liftMet(card, { ...r, quarters: [...r.quarters, { periodId: '2026Q3', memberId: 'M5', grade: 'average' }] }, TODAY)).toBe(true);
  });

  it('a red for a yellow issued while another yellow of the same cadre is in force, lifted when both are', () => {
    const y = (key: string, at: number, status: 'issued' | 'lifted' = 'issued') => ({
      key,
      rule: 'appeal' as const,
      color: 'yellow' as const,
      memberId: 'M7',
      status,
      issuedAt: at,
    });
    const two: CardRecords = { ...none, cards: [y('Y1', 1), y('Y2', 2)] };
    expect(proposeCards(two, TODAY)).toEqual([expect.objectContaining({ key: repeatKey('M7', 'Y2'), color: 'red', memberId: 'M7' })]);
    // the first lifted before the second came: no repeat
    expect(proposeCards({ ...none, cards: [y('Y1', 1, 'lifted'), y('Y2', 2)] }, TODAY)).toEqual([]);
    // another cadre's yellow is not a repeat
    expect(proposeCards({ ...none, cards: [y('Y1', 1), { ...y('Y2', 2), memberId: 'M8' }] }, TODAY)).toEqual([]);
    const red = { key: repeatKey('M7', 'Y2'), rule: 'repeat' as const, memberId: 'M7' };
    expect(liftMet(red, two, TODAY)).toBe(false);
    expect(liftMet(red, { ...none, cards: [y('Y1', 1, 'lifted'), y('Y2', 2)] }, TODAY)).toBe(false);
    expect(liftMet(red, { ...none, cards: [y('Y1', 1, 'lifted'), y('Y2', 2, 'lifted')] }, TODAY)).toBe(true);
  });
});

describe('the annual veto', () => {
  it('reads a red card in force issued by the year’s end, not a yellow, a lifted red, or one of the next year', () => {
    const end = Date.parse('2025-12-31T15:59:59Z');
    const c = (over: object) => ({ memberId: 'M1', color: 'red' as const, status: 'issued', decidedAt: end - 1000, ...over });
    expect(hasRedInForce([c({})], 'M1', end)).toBe(true);
    expect(hasRedInForce([c({ color: 'yellow' })], 'M1', end)).toBe(false);
    expect(hasRedInForce([c({ status: 'lifted' })], 'M1', end)).toBe(false);
    expect(hasRedInForce([c({ decidedAt: end + 1000 })], 'M1', end)).toBe(false);
    expect(hasRedInForce([c({})], 'M2', end)).toBe(false);
  });
});
