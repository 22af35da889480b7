/**
 * Key-project milestones: where a milestone and a project stand against plan, the plan's and the actual dates'
 * rules, who an on-time milestone counts for, and the landing cycle against the baseline, month by month.
 */
import { parkInstant } from '../../../shared/common/time';
import { STANDARD_MILESTONES } from '../../../shared/projects/config';
import { parkLanding, projectMonths } from '../../../shared/projects/dashboard';
import {
  creditedOwners,
  landingDays,
  landingFigure,
  milestoneState,
  planProblem,
  projectStatus,
  reachProblem,
  correctProblem,
  reachedOnTime,
  type Milestone,
} from '../../../shared/projects/milestone';

/** The standard six, planned on the given days, reached on the given ones. */
function project(planned: (string | null)[], actual: (string | null)[] = []): Milestone[] {
  return STANDARD_MILESTONES.map((s, i) => ({ key: s.key, name: s.name, planned: planned[i] ?? null, actual: actual[i] ?? null }));
}
const PLAN = ['2026-01-10', '2026-03-01', '2026-05-01', '2026-06-01', '2026-10-01', '2026-12-20'];

describe('a milestone against its plan', () => {
  it.each([
    [{ planned: '2026-06-01', actual: '2026-05-28' }, '2026-11-01', 'on_time', 0],
    [{ planned: '2026-06-01', actual: '2026-06-01' }, '2026-11-01', 'on_time', 0],
    [{ planned: '2026-06-01', actual: '2026-06-13' }, '2026-11-01', 'late', 12],
    [{ planned: '2026-06-01', actual: null }, '2026-06-11', 'lagging', 10],
    [{ planned: '2026-06-01', actual: null }, '2026-06-01', 'due', 0],
    [{ planned: '2026-06-01', actual: null }, '2026-05-25', 'due', 7],
    [{ planned: null, actual: '2026-06-01' }, '2026-11-01', 'reached', 0],
    [{ planned: null, actual: null }, '2026-11-01', 'unplanned', 0],
  ] as const)('%j on %s is %s (%i days)', (m, today, state, days) => {
    expect(milestoneState(m, today)).toEqual({ state, days });
    expect(reachedOnTime(m)).toBe(state === 'on_time');
  });

  it('a project lags by its furthest-behind milestone, and stands at the last one reached', () => {
    const ms = project(PLAN, ['2026-01-10', '2026-03-05', '2026-05-01', '2026-06-20']);
    const s = projectStatus(ms, '2026-11-01');
    expect(s).toMatchObject({ stage: '开工建设', lagging: true, lagDays: 31, laggingName: '试生产', reached: 4, total: 6 });
    expect(s.next).toEqual({ key: 'trial', name: '试生产', planned: '2026-10-01' });
    // before the trial run falls due it is on schedule, although an earlier milestone was late
    expect(projectStatus(ms, '2026-09-30')).toMatchObject({ lagging: false, lagDays: 0, laggingName: null });
    expect(projectStatus(project(PLAN), '2025-12-01').stage).toBe('未签约');
  });
});

describe('the landing cycle', () => {
  it('runs from signing to production, once the project produces', () => {
    expect(landingDays(project(PLAN, ['2026-01-10', '2026-03-01', '2026-05-01', '2026-06-01', '2026-09-20']))).toBeNull();
    expect(landingDays(project(PLAN, ['2025-01-10', '2025-03-01', '2025-05-01', '2025-06-01', '2025-09-20', '2026-01-10']))).toBe(365);
  });

  it('is compared with the baseline as a mean, in percent shorter', () => {
    expect(landingFigure([400, 464], 540)).toEqual({ landed: 2, meanDays: 432, baselineDays: 540, shorterPercent: 20 });
    expect(landingFigure([600], 500).shorterPercent).toBe(-20);
    expect(landingFigure([], 540)).toEqual({ landed: 0, meanDays: null, baselineDays: 540, shorterPercent: null });
  });

  it('the dashboard counts milestones due and on time, and landings, in the month they fall in', () => {
    const landed = project(
      ['2025-01-10', null, null, null, null, '2026-03-31'],
      ['2025-01-10', '2025-02-01', '2025-04-01', '2025-05-01', '2026-01-01', '2026-03-15'],
    );
    const lagging = project(PLAN, ['2026-01-10', '2026-03-05']);
    const months = projectMonths([{ milestones: landed }, { milestones: lagging }], ['2026-03', '2026-05', '2026-07']);
    expect(months[0]).toEqual({ month: '2026-03', due: 2, onTime: 1, landed: 1, meanLandingDays: 429 });
    expect(months[1]).toEqual({ month: '2026-05', due: 1, onTime: 0, landed: 0, meanLandingDays: null });
    expect(months[2]).toEqual({ month: '2026-07', due: 0, onTime: 0, landed: 0, meanLandingDays: null });
    expect(parkLanding([{ milestones: landed }, { milestones: lagging }], 540)).toMatchObject({ landed: 1, meanDays: 429, shorterPercent: 21 });
  });
});

describe('a plan', () => {
  const plan = (ms: Milestone[]) => ms.map(({ key, name, planned }) => ({ key, name, planned }));

  it('keeps signing first and production last, distinct names, and dates that never go back', () => {
    const ms = project(PLAN);
    expect(planProblem(plan(ms), ms)).toBeNull();
    expect(planProblem(plan(ms).slice(1), ms)?.message).toBe('第一个节点应为签约');
    expect(planProblem(plan(ms).slice(0, -1), ms)?.message).toBe('最后一个节点应为投产');
    const swapped = plan(ms).map((m) => (m.key === 'permits' ? { ...m, planned: '2026-02-01' } : m));
    expect(planProblem(swapped, ms)).toMatchObject({ code: 'INVALID_INPUT', path: 'milestones.2.planned' });
    expect(planProblem(swapped, ms)?.message).toBe('「施工许可」的计划日期不能早于「供地」（2026-03-01）');
    const twice = plan(ms).map((m) => (m.key === 'land' ? { ...m, name: '签约' } : m));
    expect(planProblem(twice, ms)?.message).toBe('节点名称「签约」重复');
    // unplanned milestones in between are skipped by the order check
    expect(planProblem(plan(project([PLAN[0] ?? null, null, '2026-02-01'])), project([]))).toBeNull();
  });

  it('cannot drop, move or re-date a milestone already reached', () => {
    const ms = project(PLAN, ['2026-01-10', '2026-03-20']);
    const redated = plan(ms).map((m) => (m.key === 'land' ? { ...m, planned: '2026-03-25' } : m));
    expect(planProblem(redated, ms)?.message).toBe('「供地」已完成，计划日期不能再改');
    expect(
      planProblem(
        plan(ms).filter((m) => m.key !== 'land'),
        ms,
      )?.message,
    ).toBe('「供地」已完成，不能删除');
    const p = plan(ms);
    const moved = [p[0], { ...(p[2] as (typeof p)[number]), planned: null }, p[1], ...p.slice(3)] as typeof p;
    expect(planProblem(moved, ms)?.message).toBe('「供地」已完成，不能调整顺序');
    // the milestones ahead may be re-planned and added to
    const later = plan(ms).map((m) => (m.key === 'trial' ? { ...m, planned: '2026-11-01' } : m));
    expect(planProblem([...later.slice(0, 5), { key: 'm1', name: '环保验收', planned: '2026-12-01' }, ...later.slice(5)], ms)).toBeNull();
  });
});

describe('correcting a milestone reached', () => {
  // signing 2026-01-10, land 2026-03-05, permits 2026-04-30
  const ms = project(PLAN, ['2026-01-10', '2026-03-05', '2026-04-30']);

  it('moves its date within its neighbours and not ahead of today, or takes back the last one reached', () => {
    expect(correctProblem(ms, 'land', '2026-03-01', '2026-11-01')).toBeNull();
    expect(correctProblem(ms, 'land', '2026-01-10', '2026-11-01')).toBeNull();
    expect(correctProblem(ms, 'land', '2026-01-09', '2026-11-01')?.message).toBe('实际完成日期不能早于「签约」（2026-01-10）');
    expect(correctProblem(ms, 'land', '2026-05-01', '2026-11-01')?.message).toBe('实际完成日期不能晚于「施工许可」（2026-04-30）');
    expect(correctProblem(ms, 'permits', '2026-11-02', '2026-11-01')?.message).toBe('实际完成日期不能晚于今天');
    expect(correctProblem(ms, 'permits', '2026-04-30', '2026-11-01')?.message).toBe('与原填报日期相同，无需更正');
    expect(correctProblem(ms, 'permits', null, '2026-11-01')).toBeNull();
    expect(correctProblem(ms, 'land', null, '2026-11-01')?.message).toBe('「施工许可」已完成，请先更正它');
    expect(correctProblem(ms, 'construction', '2026-06-01', '2026-11-01')).toMatchObject({ code: 'CONFLICT' });
    expect(correctProblem(ms, 'nope', null, '2026-11-01')).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('recording a milestone reached', () => {
  const ms = project(PLAN, ['2026-01-10', '2026-03-05']);

  it('takes the next milestone, on a day not ahead of today nor before the one reached before', () => {
    expect(reachProblem(ms, 'permits', '2026-04-30', '2026-11-01')).toBeNull();
    expect(reachProblem(ms, 'permits', '2026-11-02', '2026-11-01')?.message).toBe('实际完成日期不能晚于今天');
    expect(reachProblem(ms, 'permits', '2026-03-01', '2026-11-01')?.message).toBe('实际完成日期不能早于「供地」（2026-03-05）');
    expect(reachProblem(ms, 'construction', '2026-06-01', '2026-11-01')?.message).toBe('请先填报「施工许可」的实际完成日期');
    expect(reachProblem(ms, 'land', '2026-03-06', '2026-11-01')).toMatchObject({ code: 'CONFLICT' });
    expect(reachProblem(ms, 'nope', '2026-03-06', '2026-11-01')).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('counts for the owners who claimed the project before the day it was reached', () => {
    const claims = [
      { memberId: 'A', at: parkInstant('2026-04-01', '09:00') },
      { memberId: 'B', at: parkInstant('2026-04-29', '23:59') },
      { memberId: 'C', at: parkInstant('2026-04-30', '08:00') },
    ];
    expect(creditedOwners(claims, '2026-04-30').map((c) => c.memberId)).toEqual(['A', 'B']);
  });
});
