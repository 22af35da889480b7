import { ReportKind } from '../../../shared/dossier/contract';
import { DEFAULT_QUARTER_TARGETS } from '../../../shared/dossier/config';
import {
  applyConfirmation,
  applyReport,
  countedProgress,
  visitSummary,
  newDossier,
  defaultTargets,
  emptyProgress,
  isOwnPhoto,
  overallPercent,
  percentOf,
  reportDateProblem,
  targetProgress,
} from '../../../shared/dossier/dossier';

describe('dossier progress (绩效档案)', () => {
  const visits = DEFAULT_QUARTER_TARGETS.enterprise_visit; // 30 enterprises a quarter, from the report

  it('shows a bar that never reads "done" before the target is met', () => {
    expect(percentOf(visits - 1, visits)).toBe(96); // 29/30 = 96.7 → 96
    expect(percentOf(visits, visits)).toBe(100);
    expect(percentOf(visits + 5, visits)).toBe(100); // capped
    expect(percentOf(17, visits)).toBe(56); // 17/30 = 56.7 → 56
    expect(percentOf(0, visits)).toBe(0);
  });

  it('treats a zero target as met', () => {
    expect(percentOf(0, 0)).toBe(100);
  });

  it('counts the first visit to an enterprise towards the target, and a repeat visit only as a visit', () => {
    const start = { progress: emptyProgress(), visitedEnterpriseIds: [] as string[], visitCount: 0 };
    const once = applyReport(start, 'enterprise_visit', 'E001');
    const twice = applyReport(once, 'enterprise_visit', 'E001');
    const other = applyReport(twice, 'enterprise_visit', 'E002');
    expect(once.progress.enterprise_visit).toBe(1);
    expect(twice.progress.enterprise_visit).toBe(1);
    expect(twice.visitCount).toBe(2);
    expect(other.progress.enterprise_visit).toBe(2);
    expect(other.visitCount).toBe(3);
    expect(start.visitCount).toBe(0); // the input is not mutated
  });

  it('counts an appeal resolved and a project milestone, and records other achievements without a counter', () => {
    const start = { progress: emptyProgress(), visitedEnterpriseIds: [] as string[], visitCount: 0 };
    const appeal = applyReport(start, 'appeal_resolved', 'E001');
    expect(appeal.progress).toEqual({ ...emptyProgress(), appeal_resolved: 1 });
    expect(appeal.visitedEnterpriseIds).toEqual([]); // solving an appeal is not a visit
    expect(applyReport(appeal, 'project_milestone', null).progress.project_milestone).toBe(1);
    expect(applyReport(appeal, 'achievement', null)).toEqual(appeal);
  });

  it('lists the three default targets of the report with their counts', () => {
    const progress = { ...emptyProgress(), enterprise_visit: 12, appeal_resolved: 10 };
    const rows = targetProgress({ targets: defaultTargets(), progress });
    expect(rows.map((r) => [r.metric, r.done, r.target])).toEqual([
      ['enterprise_visit', 12, DEFAULT_QUARTER_TARGETS.enterprise_visit],
      ['project_milestone', 0, DEFAULT_QUARTER_TARGETS.project_milestone],
      ['appeal_resolved', 10, DEFAULT_QUARTER_TARGETS.appeal_resolved],
    ]);
    // (40 + 0 + 100) / 3 = 46.7 → 46
    expect(overallPercent(rows)).toBe(46);
  });
});

describe('report dates', () => {
  const today = '2026-11-24';
  it('accepts the first day of the quarter and today', () => {
    expect(reportDateProblem('2026-10-01', '2026Q4', today)).toBeNull();
    expect(reportDateProblem(today, '2026Q4', today)).toBeNull();
  });
  it('refuses the day before the quarter began', () => {
    expect(reportDateProblem('2026-09-30', '2026Q4', today)).toBe('before_period');
  });
  it('refuses tomorrow: work is reported once done', () => {
    expect(reportDateProblem('2026-11-25', '2026Q4', today)).toBe('in_future');
  });
  it('refuses a day after the quarter', () => {
    expect(reportDateProblem('2027-01-01', '2026Q4', '2027-01-05')).toBe('after_period');
  });
});

describe('report photos', () => {
  it('accepts only files under the reporter’s own folder', () => {
    expect(isOwnPhoto('cloud://env-1.bucket/reports/M010/20261124-ab.jpg', 'M010')).toBe(true);
    expect(isOwnPhoto('cloud://env-1.bucket/reports/M011/20261124-ab.jpg', 'M010')).toBe(false);
    expect(isOwnPhoto('cloud://env-1.bucket/reports/M0101/x.jpg', 'M010')).toBe(false);
    expect(isOwnPhoto('cloud://env-1.bucket/reports/M010/../M011/x.jpg', 'M010')).toBe(false);
    expect(isOwnPhoto('https://evil.example/reports/M010/x.jpg', 'M010')).toBe(false);
  });
});

describe('counting a report into a stored dossier', () => {
  it('gives back only the counters, never the stored _id, for every kind of report', () => {
    const stored = { ...newDossier('2026Q4', { _id: 'M1', sectionId: 'S1' }), _id: '2026Q4_M1' };
    for (const kind of ReportKind.options) {
      const next = applyReport(stored, kind, kind === 'enterprise_visit' || kind === 'appeal_resolved' ? 'E1' : null);
      expect(Object.keys(next).sort()).toEqual(['progress', 'visitCount', 'visitTally', 'visitedEnterpriseIds']);
    }
  });
});

describe('visits the enterprise confirms', () => {
  const visit = (d: ReturnType<typeof newDossier>, e: string) => ({ ...d, ...applyReport(d, 'enterprise_visit', e) });
  const start = () => visit(visit(visit(newDossier('2026Q4', { _id: 'M1', sectionId: 'S1' }), 'E1'), 'E1'), 'E2');

  it('a confirmation joins the enterprise to those confirmed; the target counts them when the admin says so', () => {
    const d = { ...start(), ...applyConfirmation(start(), 'E1', 'confirmed') };
    expect(d.confirmedEnterpriseIds).toEqual(['E1']);
    expect(visitSummary(d)).toEqual({ confirmed: 1, unconfirmed: 2, denied: 0 });
    expect(countedProgress(d, { countUnconfirmed: true }).enterprise_visit).toBe(2);
    expect(countedProgress(d, { countUnconfirmed: false }).enterprise_visit).toBe(1);
    expect(targetProgress(d, { countUnconfirmed: false }).find((r) => r.metric === 'enterprise_visit')?.done).toBe(1);
  });

  it('a denial takes the visit off, and the enterprise off only with its last visit', () => {
    let d = start();
    d = { ...d, ...applyConfirmation(d, 'E1', 'denied') };
    expect([d.visitCount, d.progress.enterprise_visit, d.visitedEnterpriseIds]).toEqual([2, 2, ['E1', 'E2']]);
    d = { ...d, ...applyConfirmation(d, 'E1', 'denied') };
    expect([d.visitCount, d.progress.enterprise_visit, d.visitedEnterpriseIds]).toEqual([1, 1, ['E2']]);
    expect(visitSummary(d)).toEqual({ confirmed: 0, unconfirmed: 1, denied: 2 });
  });

  it('a dossier written before visits were tallied counts an enterprise’s visits as one', () => {
    const { visitTally: _none, ...old } = start();
    const d = applyConfirmation(old, 'E1', 'denied');
    expect(d.visitedEnterpriseIds).toEqual(['E2']);
    expect(d.progress.enterprise_visit).toBe(1);
  });
});
