/**
 * The demo park's past: every quarter from the first of last year up to the one before `now`'s, closed as the
 * assessment function leaves a quarter (cloudfunctions/assessment/src) —
 * - each cadre's checklist (fixed at opening from the indicator tree, which has not changed since), dossier and
 *   the section head's evaluation (考人: a score, grades of the qualitative items, actual values of the rest);
 *   a section head is evaluated by a leader;
 * - every leader's score of every section's work (考事);
 * - spot checks (不定期抽查) on a few cadres and sections, some with deductions;
 * - the period closed, and the results `assessPeriod` gives over exactly those records, packed as close writes them.
 *
 * People keep a form of their own, so that a year's rankings and trends say something: each cadre has a level,
 * about one in eight improves or slips from quarter to quarter, every quarter adds noise, and every figure a cadre
 * gets in a quarter (visits, the head's grades and score, being caught out by a spot check) follows that quarter's
 * form. The two cadres the report names do well; the weakest slips further.
 *
 * Pure: `now` is passed in and every random choice comes from `rnd`.
 */
import { assessPeriod, packResults, type MemberInputs, type QuarterResultDoc } from '../shared/assessment/assessment';
import {
  memberDeductions,
  spotDeductions,
  type SectionEvaluationDoc,
  type SpotCheckDoc,
  type StaffEvaluationDoc,
} from '../shared/assessment/evaluations';
import type { PeriodDoc } from '../shared/assessment/period';
import { inPark, parkInstant, quarterOf, quarterRange, shiftQuarter } from '../shared/common/time';
import { DEFAULT_QUARTER_TARGETS } from '../shared/dossier/config';
import { countedProgress, DEFAULT_VISIT_RULE, newDossier, type DossierDoc } from '../shared/dossier/dossier';
import { checklistId, type ChecklistDoc, type ChecklistItem } from '../shared/indicators/checklist';
import type { QualitativeGrade } from '../shared/indicators/contract';
import type { MemberDoc } from '../shared/members/member';
import type { EnterpriseDoc, SectionDoc } from '../shared/park/park';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The quarters the demo has closed: from the first of last year up to the one before `now`'s (4 to 7 of them). */
export function closedQuarters(now: number): string[] {
  const current = quarterOf(now);
  const out: string[] = [];
  for (let q = `${inPark(now).year() - 1}Q1`; q < current; q = shiftQuarter(q, 1)) out.push(q);
  return out;
}

export interface HistoryInputs {
  now: number;
  /** Everyone: the cadres assessed are those with the cadre role, the leaders score sections and evaluate heads. */
  members: MemberDoc[];
  sections: SectionDoc[];
  enterprises: EnterpriseDoc[];
  /** A cadre's checklist as the tree gives it (the same in every quarter: the tree has not changed since). */
  itemsOf: (memberId: string) => ChecklistItem[];
  /** Cadres who do well throughout (the people the report names for their work). */
  exemplary: string[];
}

export interface DemoHistory {
  periods: PeriodDoc[];
  checklists: ChecklistDoc[];
  dossiers: DossierDoc[];
  staffEvaluations: StaffEvaluationDoc[];
  sectionEvaluations: SectionEvaluationDoc[];
  spotChecks: SpotCheckDoc[];
  quarterResults: QuarterResultDoc[];
  /** Each cadre's mean form over last year's quarters (about −2…2): what their colleagues make of them at year end. */
  standing: Map<string, number>;
}

/** A standard normal draw (Box–Muller) from the seeded source. */
export function normal(rnd: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));
const round1 = (x: number) => Math.round(x * 10) / 10;
const hex = (rnd: () => number, bytes: number) =>
  Array.from({ length: bytes }, () =>
    Math.floor(rnd() * 256)
      .toString(16)
      .padStart(2, '0'),
  ).join('');

interface Form {
  level: number;
  /** Change of form per quarter (0 for most). */
  trend: number;
}

function forms(cadres: MemberDoc[], exemplary: string[], rnd: () => number): Map<string, Form> {
  const out = new Map<string, Form>();
  for (const m of cadres) {
    const level = clamp(0.9 * normal(rnd), -2.2, 2);
    const r = rnd();
    out.set(m._id, { level: exemplary.includes(m._id) ? Math.max(level, 1.3) : level, trend: r < 0.06 ? 0.2 : r < 0.12 ? -0.2 : 0 });
  }
  // the weakest of the rest slips further: the one whose year shows 较差 and whom colleagues mark down
  const weakest = [...out].filter(([id]) => !exemplary.includes(id)).sort((a, b) => a[1].level - b[1].level)[0];
  if (weakest) weakest[1].trend = -0.15;
  return out;
}

const VISIT_FINDINGS = [
  '走访台账与实际不符，部分走访记录缺少照片',
  '企业诉求超期未办结，未及时向企业反馈',
  '包联企业走访频次不足，企业反映联系不紧密',
  '承办事项办理资料不完整，工作日志填报不全',
];
const SECTION_FINDINGS = ['督办事项未按期办结', '股室工作台账更新不及时', '惠企政策兑现资料归档不规范', '安全隐患整改闭环资料不全'];
const NOTHING_FOUND = '抽查工作台账和办理记录，资料齐全，未发现问题';

/** A quantitative item's actual value as the section head enters it, from the cadre's form `f`. */
function actualOf(it: ChecklistItem, f: number, rnd: () => number): number {
  const target = it.target ?? 0;
  const n = normal(rnd);
  if (it.unit === '%') return round1(clamp(94.5 + 3.5 * f + 2.5 * n, 50, 100));
  // accidents (安全生产事故起数): none, but now and then where the form is poor
  if (it.direction === 'lower' && target === 0) return f + 0.8 * n < -2 ? 1 : 0;
  if (it.direction === 'lower') return round1(Math.max(2, target * (1 - 0.12 * f + 0.1 * n)));
  if (it.rule?.type === 'bonus') return Math.max(0, Math.round(target + 0.8 * f + 0.7 * n));
  return round1(target * clamp(0.85 + 0.14 * f + 0.1 * n, 0.2, 1.3));
}

function gradeOf(f: number, rnd: () => number): QualitativeGrade {
  const g = f + 0.7 * normal(rnd);
  return g > 1.1 ? 'A' : g > -0.8 ? 'B' : g > -1.9 ? 'C' : 'D';
}

/**
 * A cadre's dossier at the quarter's end: distinct enterprises visited (some more than once), milestones reached,
 * appeals resolved — the counters the reports would have left (applyReport), set at once.
 */
function closedDossier(periodId: string, m: MemberDoc, idx: number, f: number, enterprises: EnterpriseDoc[], rnd: () => number): DossierDoc {
  const t = DEFAULT_QUARTER_TARGETS;
  const d = newDossier(periodId, m);
  const visits = Math.round(t.enterprise_visit * clamp(0.85 + 0.15 * f + 0.08 * normal(rnd), 0.3, 1.3));
  // each cadre serves a stretch of sixty of the park's enterprises, as this quarter's reports do
  const stretch = enterprises.slice((idx % 3) * 40, (idx % 3) * 40 + 60).map((e) => e._id);
  for (let i = 0; i < visits && i < stretch.length; i += 1) {
    const j = i + Math.floor(rnd() * (stretch.length - i));
    [stretch[i], stretch[j]] = [stretch[j] as string, stretch[i] as string];
  }
  d.visitedEnterpriseIds = stretch.slice(0, visits);
  // about one in five visited twice or more
  d.visitTally = Object.fromEntries(d.visitedEnterpriseIds.map((id) => [id, rnd() < 0.2 ? 2 + Math.floor(rnd() * 2) : 1]));
  d.visitCount = Object.values(d.visitTally).reduce((s, x) => s + x, 0);
  d.progress = {
    enterprise_visit: d.visitedEnterpriseIds.length,
    project_milestone: Math.round(t.project_milestone * clamp(0.8 + 0.2 * f + 0.1 * normal(rnd), 0, 1.4)),
    appeal_resolved: Math.round(t.appeal_resolved * clamp(0.87 + 0.15 * f + 0.1 * normal(rnd), 0.2, 1.5)),
  };
  return d;
}

/**
 * Instants in a quarter, in office hours: `at(offset)` on day `offset` of it (negative: days before its last).
 * Park time has no daylight saving, so a day is always 24 hours.
 */
function quarterClock(periodId: string, rnd: () => number) {
  const { first, last } = quarterRange(periodId);
  const start = parkInstant(first, '09:00');
  const end = parkInstant(last, '09:00');
  return (offset: number) => (offset >= 0 ? start + offset * DAY : end + (offset + 1) * DAY) + Math.floor(rnd() * 8 * HOUR);
}

interface Park {
  cadres: MemberDoc[];
  leaders: MemberDoc[];
  admin: MemberDoc | undefined;
  sections: SectionDoc[];
}

/**
 * The quarter's spot checks, as spotCheck records them: a leader checks a few cadres and now and then a section or
 * two, picked by them (no recorded draw: the demo's closed quarters have none, so drawId is null); the admin
 * follows up an enterprise's complaint about the cadre in the worst form. What a check finds follows the target's
 * form: most find nothing, some take a few points off.
 */
function spotChecksOf(periodId: string, park: Park, form: Map<string, number>, sectionForm: Map<string, number>, rnd: () => number): SpotCheckDoc[] {
  const at = quarterClock(periodId, rnd);
  const leader = () => (park.leaders[Math.floor(rnd() * park.leaders.length)] as MemberDoc)._id;
  const checks: SpotCheckDoc[] = [];
  const check = (targetType: SpotCheckDoc['targetType'], targetId: string, when: number, by: string) => {
    const f = (targetType === 'member' ? form.get(targetId) : sectionForm.get(targetId)) ?? 0;
    const found = f + 0.6 * normal(rnd) < -0.3;
    const findings = found ? ((targetType === 'member' ? VISIT_FINDINGS : SECTION_FINDINGS)[Math.floor(rnd() * 4)] ?? '') : NOTHING_FOUND;
    const deduction = found ? (targetType === 'member' ? 1 + Math.floor(rnd() * 3) + (f < -1 ? 2 : 0) : 1 + Math.floor(rnd() * 2)) : 0;
    checks.push({ _id: `SPOT-${hex(rnd, 5).toUpperCase()}`, periodId, targetType, targetId, findings, deduction, drawId: null, by, at: when });
  };
  const rounds: [SpotCheckDoc['targetType'], string[], number, number][] = [
    ['member', park.cadres.map((m) => m._id), 3, 0.8],
    ['section', park.sections.map((s) => s._id), 2, 0.5],
  ];
  for (const [targetType, pool, count, chance] of rounds) {
    if (rnd() >= chance) continue;
    const by = leader();
    const day = 30 + Math.floor(rnd() * 20);
    const picked = new Set<string>();
    while (picked.size < count) picked.add(pool[Math.floor(rnd() * pool.length)] ?? '');
    for (const id of picked) check(targetType, id, at(day + Math.floor(rnd() * 10)), by);
  }
  if (rnd() < 0.6) {
    const worst = [...form].sort((a, b) => a[1] - b[1])[0];
    if (worst) check('member', worst[0], at(55 + Math.floor(rnd() * 20)), park.admin?._id ?? leader());
  }
  return checks;
}

/** One closed quarter, the `k`-th of `total`. */
function closedQuarter(
  periodId: string,
  k: number,
  total: number,
  park: Park,
  inputs: HistoryInputs,
  people: Map<string, Form>,
  sectionLevel: Map<string, number>,
  rnd: () => number,
) {
  const at = quarterClock(periodId, rnd);
  const form = new Map(park.cadres.map((m) => [m._id, formIn(people.get(m._id), k, total) + 0.45 * normal(rnd)]));
  const sectionForm = new Map(park.sections.map((s) => [s._id, (sectionLevel.get(s._id) ?? 0) + 0.35 * normal(rnd)]));
  const checklists: ChecklistDoc[] = park.cadres.map((m) => ({
    _id: checklistId(periodId, m._id),
    periodId,
    memberId: m._id,
    sectionId: m.sectionId ?? '',
    items: inputs.itemsOf(m._id),
  }));
  const dossiers = park.cadres.map((m, idx) => closedDossier(periodId, m, idx, form.get(m._id) ?? 0, inputs.enterprises, rnd));
  const headOf = new Map(park.cadres.filter((m) => m.roles.includes('sectionHead')).map((m) => [m.sectionId, m._id]));
  const staffEvaluations: StaffEvaluationDoc[] = park.cadres.map((m, idx) => {
    const f = form.get(m._id) ?? 0;
    const items = checklists[idx]?.items ?? [];
    const grades: Record<string, QualitativeGrade> = {};
    const actuals: Record<string, number> = {};
    for (const it of items) {
      if (it.kind === 'qualitative') grades[it.nodeId] = gradeOf(f, rnd);
      else if (!it.metric && it.target !== null) actuals[it.nodeId] = actualOf(it, f, rnd);
    }
    // a head is evaluated by the leader in charge of the section (分管领导), staff by their head
    const sectionIdx = park.sections.findIndex((s) => s._id === m.sectionId);
    const head = headOf.get(m.sectionId);
    const by = m.roles.includes('sectionHead') || !head ? (park.leaders[sectionIdx % park.leaders.length] as MemberDoc)._id : head;
    return {
      _id: `${periodId}_${m._id}`,
      periodId,
      memberId: m._id,
      sectionId: m.sectionId ?? '',
      score: Math.round(clamp(81 + 6.5 * f + 3 * normal(rnd), 40, 99)),
      grades,
      actuals,
      comment: '',
      by,
      at: at(-(2 + Math.floor(rnd() * 8))),
    };
  });
  const sectionEvaluations: SectionEvaluationDoc[] = park.sections.flatMap((s) =>
    park.leaders.map((l) => ({
      _id: `${periodId}_${s._id}_${l._id}`,
      periodId,
      sectionId: s._id,
      leaderId: l._id,
      score: Math.round(clamp(86 + 4 * (sectionForm.get(s._id) ?? 0) + 2.5 * normal(rnd), 60, 99)),
      comment: '',
      at: at(-(2 + Math.floor(rnd() * 8))),
    })),
  );
  const spots = spotChecksOf(periodId, park, form, sectionForm, rnd);
  // as the function computes it (cloudfunctions/assessment/src/lib.ts compute): the same records, the same rules
  const stored = new Map(staffEvaluations.map((e) => [e.memberId, e]));
  const members: MemberInputs[] = park.cadres.map((m, idx) => {
    const ev = stored.get(m._id);
    return {
      memberId: m._id,
      name: m.name,
      sectionId: m.sectionId ?? '',
      items: checklists[idx]?.items ?? [],
      inputs: {
        progress: countedProgress(dossiers[idx] ?? newDossier(periodId, m), DEFAULT_VISIT_RULE),
        actuals: ev?.actuals ?? {},
        grades: ev?.grades ?? {},
      },
      staffEvaluation: ev?.score ?? null,
      deductions: memberDeductions(spots, [], m._id),
    };
  });
  const result = assessPeriod(
    members,
    park.sections.map((s) => ({
      sectionId: s._id,
      name: s.name,
      leaderScores: sectionEvaluations.filter((e) => e.sectionId === s._id).map((e) => e.score),
      deductions: spotDeductions(spots, 'section', s._id),
    })),
  );
  // closed by the admin in the first days of the next quarter (never after the park is built)
  const closedAt = Math.min(parkInstant(quarterRange(shiftQuarter(periodId, 1)).first, '17:30') + 6 * DAY, inputs.now - HOUR);
  const period: PeriodDoc = { _id: periodId, status: 'closed', closedAt, closedBy: park.admin?._id ?? 'M002' };
  return { period, checklists, dossiers, staffEvaluations, sectionEvaluations, spots, quarterResults: packResults(periodId, result), form };
}

/** Form in the k-th of `total` quarters, before the quarter's noise: the level, moved by the trend about the middle. */
function formIn(f: Form | undefined, k: number, total: number): number {
  return f ? f.level + f.trend * (k - (total - 1) / 2) : 0;
}

export function demoHistory(inputs: HistoryInputs, rnd: () => number): DemoHistory {
  const active = inputs.members.filter((m) => m.active);
  const park: Park = {
    // in _id order, as the function loads them
    cadres: active.filter((m) => m.roles.includes('cadre')).sort((a, b) => a._id.localeCompare(b._id)),
    leaders: active.filter((m) => m.roles.includes('leader')),
    admin: active.find((m) => m.roles.includes('admin')),
    sections: [...inputs.sections].sort((a, b) => a.order - b.order),
  };
  const people = forms(park.cadres, inputs.exemplary, rnd);
  const sectionLevel = new Map(park.sections.map((s) => [s._id, 0.7 * normal(rnd)]));
  const quarters = closedQuarters(inputs.now);
  const out: DemoHistory = {
    periods: [],
    checklists: [],
    dossiers: [],
    staffEvaluations: [],
    sectionEvaluations: [],
    spotChecks: [],
    quarterResults: [],
    standing: new Map(),
  };
  const lastYear = String(inPark(inputs.now).year() - 1);
  const yearForms = new Map<string, number[]>();
  quarters.forEach((periodId, k) => {
    const q = closedQuarter(periodId, k, quarters.length, park, inputs, people, sectionLevel, rnd);
    out.periods.push(q.period);
    out.checklists.push(...q.checklists);
    out.dossiers.push(...q.dossiers);
    out.staffEvaluations.push(...q.staffEvaluations);
    out.sectionEvaluations.push(...q.sectionEvaluations);
    out.spotChecks.push(...q.spots);
    out.quarterResults.push(...q.quarterResults);
    if (periodId.startsWith(lastYear)) for (const [id, f] of q.form) yearForms.set(id, [...(yearForms.get(id) ?? []), f]);
  });
  for (const [id, fs] of yearForms) out.standing.set(id, fs.reduce((s, x) => s + x, 0) / fs.length);
  return out;
}
