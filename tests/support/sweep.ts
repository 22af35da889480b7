/**
 * The generated sweep: every action of every function called with generated inputs (tests/support/generate.ts)
 * through the gateway, the function host and the real SDK, against the sweep fixture (tests/support/fixture.ts).
 *
 * `PLANS` says, for each action, who calls it (an identity the access table allows for that very input: the
 * section head of the member evaluated, the voter of the ballot, the reviewer an application waits for…), which
 * existing values its fields take, and, where success depends on records in a way no schema says (a ballot must
 * rate every candidate, weights must add up to 100), an arbitrary of its own. Its type lists every action of the
 * contract, so a new action cannot be left out.
 *
 * Valid inputs must never answer INTERNAL or UNKNOWN_ACTION, and a success must match the action's output schema;
 * hostile ones must be refused with a coded error and a Chinese message, and leave the whole store as it was.
 * Used by tests/cloudfunctions/generated.test.ts (which asserts) and `npm run bench` (which prints the figures).
 */
import { createHash } from 'crypto';
import { request } from 'http';
import fc from 'fast-check';
import type { z } from 'zod';
import { ErrorCode } from '../../shared/common/errors';
import { Day, PeriodId } from '../../shared/common/schema';
import { dayOf, quarterRange, shiftQuarter } from '../../shared/common/time';
import { contracts, type ActionName, type FnName } from '../../shared/contracts';
import { InviteCode } from '../../shared/members/contract';
import { CreditCode } from '../../shared/park/contract';
import { creditCheckChar } from '../../shared/park/credit-code';
import type { MemberDoc } from '../../shared/members/member';
import { TREE } from '../../shared/indicators/config';
import { weightGroup, type TreeNodeDoc } from '../../shared/indicators/indicator';
import type { ProjectDoc } from '../../shared/projects/project';
import { formulaFields } from '../../shared/annual/config';
import { defaultPaySettings, PROVINCIAL_TIERS } from '../../shared/pay/pay';
import { Receipt } from '../../shared/votes/contract';
import type { FixtureCloud, KnownCampaign, SweepFixture } from './fixture';
import { defOf, hostileInputs, nastyInputs, validInputs, toJson, type Arb, type Hints } from './generate';
import { makeReceipt } from '../../shared/votes/campaign';

/** Who calls: a member (their demo WeChat identity), or null for a fresh WeChat identity bound to nobody. */
export type Caller = string | null;

interface ActionPlan {
  /** An identity the access table allows for this input (`i`: the input's number, to take turns). */
  caller(input: Record<string, unknown>, f: SweepFixture, i: number): Caller | Promise<Caller>;
  /** Existing values by field name, for this action only (over the common ones). */
  pools?(f: SweepFixture): Record<string, readonly unknown[]>;
  /** Inputs whose success depends on records beyond what a schema says; mixed half and half with derived ones. */
  extra?(f: SweepFixture): Arb;
}

type Plans = { [F in FnName]: { [A in ActionName<F>]: ActionPlan } };

const turn = <T>(xs: readonly T[], i: number): T => xs[i % xs.length] as T;
const id = (m: MemberDoc | null) => (m as MemberDoc)._id;
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const has = (m: MemberDoc | undefined, role: string) => m?.roles.some((r) => r === role) ?? false;

function memberOf(f: SweepFixture, memberId: unknown): MemberDoc | undefined {
  return f.members.find((m) => m._id === memberId);
}
/** Only people bound to a WeChat identity can call (`t.as` signs in as the demo identity of a bound person). */
const callable = (f: SweepFixture) => f.members.filter((m) => m.active && m.bound);
function headOf(f: SweepFixture, sectionId: unknown): MemberDoc | undefined {
  return callable(f).find((m) => has(m, 'sectionHead') && m.sectionId === sectionId);
}
const leaders = (f: SweepFixture) =>
  callable(f)
    .filter((m) => has(m, 'leader'))
    .map((m) => m._id);
const staff = (f: SweepFixture) => [id(f.person.cadre), id(f.person.headSame), id(f.person.leader), id(f.person.admin)];
const leaderOrAdmin = (f: SweepFixture) => [id(f.person.leader), id(f.person.admin)];
/** Sections a spare person may be moved into: not the target's, the other head's, nor the one kept empty. */
const movable = (f: SweepFixture) =>
  f.sections.map((s) => s._id).filter((s) => s !== f.sectionId && s !== f.person.headOther?.sectionId && s !== f.directory.emptySection);
const sectionCadres = (f: SweepFixture) =>
  callable(f)
    .filter((m) => m.sectionId === f.sectionId && has(m, 'cadre') && !has(m, 'sectionHead'))
    .map((m) => m._id);

/** Someone who may see the section's records: its head, a leader, the admin (scope 'section'). */
function sectionViewer(f: SweepFixture, sectionId: unknown, i: number): Caller {
  const head = sectionId === undefined ? f.person.headSame : headOf(f, sectionId);
  return turn([...(head ? [head._id] : []), ...leaderOrAdmin(f)], i);
}

/** Someone who may see the member's records: themself, their section head, a leader, the admin (scope 'member'). */
function memberViewer(f: SweepFixture, memberId: unknown, i: number): Caller {
  if (memberId === undefined) return turn(staff(f), i);
  const m = memberOf(f, memberId);
  if (!m || !m.active) return id(f.person.admin);
  const self = has(m, 'enterprise') || !m.bound ? [] : [m._id];
  const head = has(m, 'leader') || has(m, 'admin') ? undefined : headOf(f, m.sectionId);
  return turn([...self, ...(head && head._id !== m._id ? [head._id] : []), ...leaderOrAdmin(f)], i);
}

function campaigns(f: SweepFixture): KnownCampaign[] {
  return [f.campaigns.open, ...f.campaigns.spares, f.campaigns.past, f.campaigns.counted];
}
function campaignOf(f: SweepFixture, campaignId: unknown): KnownCampaign | undefined {
  return campaigns(f).find((c) => c.view.id === campaignId);
}
/** Someone on the campaign's roll (scope 'roll'); the admin for a campaign that does not exist. */
function voter(f: SweepFixture, campaignId: unknown, i: number): Caller {
  const c = campaignOf(f, campaignId);
  return c && c.roll.length > 0 ? turn(c.roll, i) : id(f.person.admin);
}

/** Weights for a whole group that add up to 100 (so `saveWeights` may accept them whatever the group holds now). */
function wholeGroups(f: SweepFixture): Arb {
  return fc.constantFrom(...f.weightGroups).chain((group) =>
    fc.array(fc.integer({ min: 0, max: 100 }), { minLength: group.length - 1, maxLength: group.length - 1 }).map((cuts) => {
      const edges = [0, ...cuts.sort((a, b) => a - b), 100];
      return { changes: group.map((nodeId, k) => ({ nodeId, weight: (edges[k + 1] ?? 100) - (edges[k] ?? 0) })) };
    }),
  );
}

/**
 * Whole groups of the tree as the sweep found them, among those whose indicators the sweep's `save` leaves alone:
 * every node listed (so nothing with nodes under it is removed), the weights cut afresh to add up to 100, now and
 * then a node added — a goal of new wording, or an indicator the group lacks — which the group's next save, listing
 * the nodes found, removes again. A cadre's own nodes go under their section's indicator or under none, which holds
 * whatever post the sweep's `savePerson` gave them since.
 */
function treeGroups(f: SweepFixture): Arb {
  const kept = new Set(f.treeIndicators);
  const byId = new Map(f.treeNodes.map((n) => [n._id, n]));
  const grouped = new Map<string, TreeNodeDoc[]>();
  for (const n of [...f.treeNodes].sort((a, b) => a.order - b.order)) grouped.set(weightGroup(n), [...(grouped.get(weightGroup(n)) ?? []), n]);
  const groups = [...grouped.values()].filter(
    (g) => g.length < TREE.groupMaxNodes && g.every((n) => n.level === 'goal' || (n.indicatorId !== null && kept.has(n.indicatorId))),
  );
  const goals = f.treeNodes.filter((n) => n.level === 'goal').map((n) => n._id);
  const sectionNodes = (sectionId: string | null) => f.treeNodes.filter((n) => n.level === 'section' && n.sectionId === sectionId).map((n) => n._id);
  const parentOf = (n: TreeNodeDoc): string | null => {
    const p = n.parentId ? byId.get(n.parentId) : undefined;
    return n.level === 'personal' && p?.level === 'post' ? p.parentId : n.parentId;
  };
  const cut = fc.array(fc.integer({ min: 0, max: TREE.groupTotal }), { minLength: TREE.groupMaxNodes, maxLength: TREE.groupMaxNodes });
  return fc.record({ group: fc.constantFrom(...groups), add: fc.boolean(), pick: fc.nat(), cuts: cut }).map(({ group, add, pick, cuts }) => {
    const first = group[0] as TreeNodeDoc;
    const nodes: { nodeId: string | null; indicatorId: string | null; label: string | null; parentId: string | null; target: number | null }[] =
      group.map((n) => ({
        nodeId: n._id,
        indicatorId: n.indicatorId,
        label: n.level === 'goal' ? n.label : null,
        parentId: parentOf(n),
        target: n.target,
      }));
    const missing = f.treeIndicators.filter((x) => !group.some((n) => n.indicatorId === x));
    const under = sectionNodes(first.sectionId);
    if (add && first.level === 'goal')
      nodes.push({ nodeId: null, indicatorId: null, label: `生成测试目标${(pick % 5) + 1}`, parentId: null, target: null });
    else if (add && missing.length > 0 && (first.level === 'section' || under.length > 0)) {
      const parentId = first.level === 'section' ? turn(goals, pick) : first.level === 'personal' && pick % 2 === 1 ? null : turn(under, pick);
      nodes.push({ nodeId: null, indicatorId: turn(missing, pick), label: null, parentId, target: null });
    }
    const edges = [0, ...cuts.slice(0, nodes.length - 1).sort((a, b) => a - b), TREE.groupTotal];
    const weighted = nodes.map((n, k) => ({ ...n, weight: (edges[k + 1] ?? 0) - (edges[k] ?? 0) }));
    switch (first.level) {
      case 'goal':
        return { level: 'goal', nodes: weighted };
      case 'section':
        return { level: 'section', sectionId: first.sectionId, nodes: weighted };
      case 'post':
        return { level: 'post', sectionId: first.sectionId, post: first.post ?? '', nodes: weighted };
      case 'personal':
        return { level: 'personal', memberId: first.memberId, nodes: weighted };
    }
  });
}

/** A complete ballot of the open campaign, by one of its candidates who is on the roll (and so not rating themself). */
function completeBallots(f: SweepFixture): Arb {
  const c = f.campaigns.open;
  const voters = c.view.candidates.map((x) => x.id).filter((x) => c.roll.includes(x));
  const grade = fc.constantFrom<string>('competent', 'competent', 'competent', 'basic', 'basic', 'incompetent', 'excellent');
  return fc.constantFrom(...voters).chain((me) => {
    const others = c.view.candidates.filter((x) => x.id !== me);
    const n = others.length * c.view.dimensions.length;
    return fc.tuple(fc.array(grade, { minLength: n, maxLength: n }), fc.uint8Array({ minLength: 12, maxLength: 12 })).map(([gs, bytes]) => ({
      campaignId: c.view.id,
      // the receipt the phone makes for its ballot
      receipt: makeReceipt(bytes),
      ratings: Object.fromEntries(
        others.map((x, i) => [x.id, Object.fromEntries(c.view.dimensions.map((d, j) => [d.key, gs[i * c.view.dimensions.length + j]]))]),
      ),
    }));
  });
}

/** 考人 of a cadre of the target's section (or of a head), with grades and actual values of their own checklist items. */
function staffEvaluations(f: SweepFixture): Arb {
  const heads = f.members.filter((m) => m.active && has(m, 'sectionHead')).map((m) => m._id);
  return fc.constantFrom(...sectionCadres(f), ...heads.slice(0, 3)).chain((memberId) => {
    const items = f.checklists.get(memberId)?.items ?? [];
    const qualitative = items.filter((x) => x.kind === 'qualitative').map((x) => x.nodeId);
    const entered = items.filter((x) => x.kind === 'quantitative' && !x.metric).map((x) => x.nodeId);
    return fc.record({
      memberId: fc.constant(memberId),
      score: fc.integer({ min: 0, max: 100 }),
      grades: qualitative.length ? fc.dictionary(fc.constantFrom(...qualitative), fc.constantFrom('A', 'B', 'C', 'D')) : fc.constant({}),
      actuals: entered.length ? fc.dictionary(fc.constantFrom(...entered), fc.double({ min: 0, max: 1e4, noNaN: true })) : fc.constant({}),
      comment: fc.constantFrom('', '工作扎实', '按期完成任务'),
    });
  });
}

/** A spot check of someone or some section that exists, now and then of one a recorded draw picked. */
function spotChecks(f: SweepFixture): Arb {
  const free = fc.oneof(
    fc.record({ targetType: fc.constant('member'), targetId: fc.constantFrom(...f.members.map((m) => m._id)) }),
    fc.record({ targetType: fc.constant('section'), targetId: fc.constantFrom(...f.sections.map((s) => s._id)) }),
  );
  const drawn = fc
    .constantFrom(...f.draws)
    .chain((d) => fc.record({ targetType: fc.constant(d.pool), targetId: fc.constantFrom(...d.picked), drawId: fc.constant(d.id) }));
  return fc
    .tuple(fc.oneof(free, drawn), fc.constantFrom('台账记录不全', '走访记录与企业反馈不符', '项目进度填报滞后'), fc.integer({ min: 0, max: 5 }))
    .map(([target, findings, deduction]) => ({ ...target, findings, deduction }));
}

/** Campaigns with the default settings, as most are set up (the derived ones try every setting). */
const plainCampaigns: Arb = fc.record({
  title: fc.constantFrom('年度民主测评', '干部互评', '班子测评（年终）', '2026年度领导评干部'),
  kind: fc.constantFrom('leaders_rate_cadres', 'peer', 'rate_leadership'),
  year: fc.integer({ min: 2020, max: 2100 }),
});

/** The appeal's assignee (its steps), its enterprise's contact (confirm, rate), or the admin (decide, reassign). */
async function appealActor(f: SweepFixture, appealId: unknown, who: 'assignee' | 'filer' | 'admin'): Promise<Caller> {
  if (who === 'admin') return id(f.person.admin);
  const [a] = (await f.store.find('appeals', { _id: str(appealId) ?? '' })) as { assigneeId: string | null; enterpriseId: string }[];
  if (who === 'assignee') return a?.assigneeId && callable(f).some((m) => m._id === a.assigneeId) ? a.assigneeId : id(f.person.cadre);
  const contact = callable(f).find((m) => has(m, 'enterprise') && m.enterpriseId === a?.enterpriseId);
  return contact ? contact._id : id(f.person.enterprise);
}
/**
 * Steps run in the contract's order, each on what the ones before left: `reopen` and `reassign` (which needs an
 * appeal still in hand) get two resolved appeals of their own, which `confirm` never sees.
 */
function appealPlan(who: 'assignee' | 'filer' | 'admin', only: 'kept' | 'others' | 'all' = 'all'): ActionPlan {
  const ids = (f: SweepFixture) =>
    only === 'kept' ? f.appealsToReopen : only === 'others' ? f.appealIds.filter((x) => !f.appealsToReopen.includes(x)) : f.appealIds;
  return {
    caller: (input, f) => appealActor(f, input.appealId, who),
    pools: (f) => ({ appealId: ids(f), memberId: f.members.filter((m) => m.active && has(m, 'cadre')).map((m) => m._id) }),
  };
}

export const PLANS: Plans = {
  members: {
    me: { caller: (_, f, i) => turn([...staff(f), id(f.person.headOther), id(f.person.enterprise)], i) },
    // each call a new WeChat user: a bound one could bind no more
    bind: { caller: () => null },
    issueInvite: {
      caller: (_, f) => id(f.person.admin),
      pools: (f) => ({ memberId: [...f.members.filter((m) => !m.bound).map((m) => m._id), ...f.members.map((m) => m._id)] }),
    },
    roster: { caller: (_, f) => id(f.person.admin) },
    addContact: { caller: (_, f) => id(f.person.admin), pools: (f) => ({ enterpriseId: f.enterpriseIds }) },
    people: { caller: (_, f) => id(f.person.admin), pools: (f) => ({ q: ['', '生成', '王', 'M0', '李'], sectionId: f.sections.map((s) => s._id) }) },
    // new people go anywhere but the section kept empty for retiring
    savePerson: {
      caller: (_, f) => id(f.person.admin),
      pools: (f) => ({
        memberId: [...f.directory.leavers, ...f.members.filter((m) => m.active && !m.enterpriseId).map((m) => m._id)],
        sectionId: f.sections.map((s) => s._id),
      }),
    },
    // the spare people move between the sections other actions do not count on (never into the one kept empty)
    change: {
      caller: (_, f) => id(f.person.admin),
      pools: (f) => ({ memberId: f.directory.unbindable, sectionId: movable(f) }),
      extra: (f) =>
        fc.record({
          memberId: fc.constantFrom(...f.directory.unbindable),
          on: fc.constant(dayOf(Date.now())),
          reason: fc.constant('生成测试：工作调整'),
          sectionId: fc.constantFrom(...movable(f)),
        }),
    },
    yearStatus: { caller: (_, f) => id(f.person.admin), pools: (f) => ({ memberId: f.directory.unbindable, year: [2026, 2027] }) },
    // only the people made to leave: everyone else is needed by the actions after this one
    leave: {
      caller: (_, f) => id(f.person.admin),
      pools: (f) => ({ memberId: f.directory.leavers }),
      extra: (f) =>
        fc.record({
          memberId: fc.constantFrom(...f.directory.leavers),
          on: fc.constant(dayOf(Date.now())),
          reason: fc.constant('生成测试：调离园区'),
        }),
    },
    unbind: { caller: (_, f) => id(f.person.admin), pools: (f) => ({ memberId: f.directory.unbindable }) },
    // people who sign themselves out: bound for the sweep, needed by nothing after it
    signOut: { caller: (_, f, i) => turn(f.directory.signOuts, i) },
  },
  imports: {
    template: { caller: (_, f) => id(f.person.admin) },
    preview: { caller: (_, f) => id(f.person.admin), pools: (f) => ({ fileId: f.directory.files }) },
    commit: { caller: (_, f) => id(f.person.admin), pools: (f) => ({ planId: f.directory.plans }) },
    export: { caller: (_, f) => id(f.person.admin) },
  },
  park: {
    status: { caller: (_, f, i) => turn([null, ...staff(f), id(f.person.enterprise)], i) },
    // the sweep's park is set up, so set-up never succeeds here: tests/cloudfunctions/park.test.ts sets one up
    setup: {
      caller: () => null,
      extra: () =>
        fc.record({
          code: fc.constantFrom('sweep-setup-code-000001', 'sweep-setup-code-000002'),
          parkName: fc.constantFrom('生成测试园区', '白鹭洲工业园区'),
          adminName: fc.constantFrom('生成测试', '周组织'),
          staffNo: fc.constantFrom('', 'X1'),
        }),
    },
    saveSettings: { caller: (_, f) => id(f.person.admin) },
    sectionsAdmin: { caller: (_, f) => id(f.person.admin) },
    saveSection: {
      caller: (_, f) => id(f.person.admin),
      pools: (f) => ({ id: [f.directory.emptySection, ...f.sections.map((s) => s._id)], leaderId: [null, ...leaders(f)] }),
    },
    // the active sections as they stand when the sweep reaches this action, in an order of its own
    orderSections: {
      caller: (_, f) => id(f.person.admin),
      extra: (f) => {
        const active = (f.store.find('sections') as { _id: string; order: number; active?: boolean }[]).filter((x) => x.active !== false);
        return fc
          .shuffledSubarray(
            active.map((x) => x._id),
            { minLength: active.length, maxLength: active.length },
          )
          .map((ids) => ({ ids }));
      },
    },
    retireSection: { caller: (_, f) => id(f.person.admin), pools: (f) => ({ id: [f.directory.emptySection] }) },
    enterprisesAdmin: { caller: (_, f) => id(f.person.admin), pools: () => ({ q: ['', '电', '9136', '有限公司'] }) },
    saveEnterprise: {
      caller: (_, f) => id(f.person.admin),
      pools: (f) => ({
        id: [f.directory.spareEnterprise, ...f.enterpriseIds.slice(0, 5)],
        creditCode: f.directory.creditCodes,
        liaisonId: [null, ...sectionCadres(f)],
      }),
    },
    retireEnterprise: { caller: (_, f) => id(f.person.admin), pools: (f) => ({ id: [f.directory.spareEnterprise] }) },
    sections: { caller: (_, f, i) => turn([id(f.person.headSame), ...leaderOrAdmin(f)], i) },
    searchEnterprises: { caller: (_, f, i) => turn(staff(f), i), pools: () => ({ q: ['', '电', '科技', '有限公司', '江西', '吉安'] }) },
    calendar: { caller: (_, f, i) => turn(staff(f), i) },
    saveCalendar: { caller: (_, f) => id(f.person.admin), extra: yearCalendars },
  },
  projects: {
    list: { caller: (_, f, i) => turn(staff(f), i) },
    get: { caller: (_, f, i) => turn(staff(f), i) },
    claim: { caller: (_, f, i) => turn(sectionCadres(f), i) },
    // the admin may record any project's milestones; half the inputs the next milestone of a project, today
    reach: { caller: (_, f) => id(f.person.admin), pools: (f) => ({ key: milestoneKeys(f) }), extra: nextMilestones },
    // the admin corrects the last reached milestone of a project: to today, or back to not reached
    correct: { caller: (_, f) => id(f.person.admin), pools: (f) => ({ key: milestoneKeys(f) }), extra: corrections },
    plan: { caller: (_, f) => id(f.person.admin), pools: (f) => ({ key: [...milestoneKeys(f), null] }), extra: plans },
    create: { caller: (_, f) => id(f.person.admin) },
    // stopping or restoring any project: half the inputs find it as the input wants it (the rest: CONFLICT)
    retire: { caller: (_, f) => id(f.person.admin) },
    dashboard: { caller: (_, f, i) => turn(leaderOrAdmin(f), i) },
    settings: { caller: (_, f, i) => turn(staff(f), i) },
    saveSettings: { caller: (_, f) => id(f.person.admin) },
  },
  dossier: {
    mine: { caller: (_, f, i) => turn(sectionCadres(f), i) },
    // the target cadre: the photo pool holds their uploads
    recordVisit: { caller: (_, f) => id(f.person.cadre) },
    record: { caller: (_, f) => id(f.person.cadre) },
    summary: { caller: (_, f, i) => turn(sectionCadres(f), i) },
    saveSummary: { caller: (_, f, i) => turn(sectionCadres(f), i) },
    reports: { caller: (_, f, i) => turn(sectionCadres(f), i) },
    sectionStaff: { caller: (input, f, i) => sectionViewer(f, input.sectionId, i) },
    // the target's own visits; the visited enterprise's contact with their codes, half confirming, half denying
    visitCode: { caller: (_, f) => id(f.person.cadre), pools: (f) => ({ reportId: f.visits.map((v) => v.reportId) }) },
    visit: { caller: (_, f) => id(f.person.enterprise), pools: (f) => ({ code: f.visits.map((v) => v.code) }) },
    confirmVisit: { caller: (_, f) => id(f.person.enterprise), pools: (f) => ({ code: f.visits.map((v) => v.code) }), extra: visitAnswers },
    settings: { caller: (_, f, i) => turn(staff(f), i) },
    saveSettings: { caller: (_, f) => id(f.person.admin) },
  },
  indicators: {
    library: { caller: (_, f, i) => turn(staff(f), i) },
    // indicators the tree's groups stand on stay as they are, for saveGroup (SweepFixture.treeIndicators)
    save: { caller: (_, f) => id(f.person.admin), pools: (f) => ({ id: f.indicatorIds.filter((x) => !f.treeIndicators.includes(x)) }) },
    history: { caller: (_, f, i) => turn(staff(f), i) },
    tree: { caller: (input, f, i) => sectionViewer(f, input.sectionId, i) },
    saveWeights: { caller: (_, f) => id(f.person.admin), extra: wholeGroups },
    saveGroup: { caller: (_, f) => id(f.person.admin), extra: treeGroups },
    checklist: { caller: (input, f, i) => memberViewer(f, input.memberId, i) },
  },
  applications: {
    apply: { caller: (_, f, i) => turn(sectionCadres(f), i) },
    list: { caller: (_, f, i) => turn([...staff(f), id(f.person.enterprise)], i) },
    // the reviewer the application waits for now: the head of its section, then the admin
    review: {
      caller: async (input, f) => {
        const [app] = (await f.store.find('applications', { _id: str(input.applicationId) ?? '' })) as { status: string; sectionId: string }[];
        const head = app?.status === 'pending_head' ? headOf(f, app.sectionId) : undefined;
        return head ? head._id : id(f.person.admin);
      },
    },
  },
  assessment: {
    // heads are evaluated by leaders, cadres by the head of their section
    evaluateStaff: {
      caller: (input, f, i) => {
        const m = memberOf(f, input.memberId);
        // the leader who oversees the head's section (分管领导), any leader where none is set
        const overseer = f.sections.find((s) => s._id === m?.sectionId)?.leaderId;
        if (has(m, 'sectionHead')) return overseer ?? turn(leaders(f), i);
        const head = headOf(f, m?.sectionId);
        return head && head._id !== m?._id ? head._id : id(f.person.headSame);
      },
      pools: (f) => ({ memberId: sectionCadres(f) }),
      extra: staffEvaluations,
    },
    myEvaluations: { caller: (_, f, i) => turn([id(f.person.headSame), id(f.person.headOther), id(f.person.leader)], i) },
    evaluateSection: { caller: (_, f, i) => turn(leaders(f), i) },
    draw: { caller: (_, f, i) => turn(leaderOrAdmin(f), i) },
    draws: {
      caller: (_, f, i) => turn(leaderOrAdmin(f), i),
      pools: (f) => ({ periodId: [f.periods.closed, f.periods.closable, f.periods.current] }),
    },
    spotCheck: {
      caller: (_, f, i) => turn(leaderOrAdmin(f), i),
      extra: spotChecks,
      pools: (f) => ({ targetId: [...f.members.map((m) => m._id), ...f.sections.map((s) => s._id)], drawId: f.draws.map((d) => d.id) }),
    },
    status: { caller: (_, f) => id(f.person.admin) },
    openPeriod: { caller: (_, f) => id(f.person.admin) },
    close: { caller: (_, f) => id(f.person.admin) },
    result: { caller: (input, f, i) => memberViewer(f, input.memberId, i) },
    ranking: { caller: (_, f, i) => turn(leaderOrAdmin(f), i) },
    correct: {
      caller: (_, f) => id(f.person.admin),
      pools: (f) => ({
        periodId: [f.periods.closed, f.periods.closed, f.periods.closable, f.periods.current],
        memberId: f.members.filter((m) => has(m, 'cadre')).map((m) => m._id),
      }),
    },
  },
  votes: {
    list: { caller: (_, f, i) => turn([...staff(f), id(f.person.enterprise)], i) },
    get: { caller: (input, f, i) => (i % 3 === 2 ? voter(f, input.campaignId, i) : turn(leaderOrAdmin(f), i)) },
    create: { caller: (_, f) => id(f.person.admin), extra: () => plainCampaigns },
    // drafts of their own, so that the open campaign keeps taking ballots
    open: { caller: (_, f) => id(f.person.admin), pools: (f) => ({ campaignId: f.campaigns.spares.map((c) => c.view.id) }) },
    close: { caller: (_, f) => id(f.person.admin), pools: (f) => ({ campaignId: f.campaigns.spares.map((c) => c.view.id) }) },
    qrcode: { caller: (_, f) => id(f.person.admin) },
    ballot: { caller: (input, f, i) => voter(f, input.campaignId, i) },
    // the voter is the one candidate a complete ballot leaves out (nobody rates themself)
    submit: {
      caller: (input, f, i) => {
        const c = campaignOf(f, input.campaignId);
        const rated = new Set(Object.keys((input.ratings as object | undefined) ?? {}));
        const left = c?.view.candidates.filter((x) => !rated.has(x.id)).map((x) => x.id) ?? [];
        return left.length === 1 && c?.roll.includes(left[0] as string) ? (left[0] as string) : voter(f, input.campaignId, i);
      },
      pools: (f) => ({ campaignId: [f.campaigns.open.view.id, f.campaigns.counted.view.id] }),
      extra: completeBallots,
    },
    turnout: { caller: (_, f) => id(f.person.admin) },
    results: { caller: (_, f, i) => turn(leaderOrAdmin(f), i) },
    checkReceipt: { caller: (input, f, i) => voter(f, input.campaignId, i), pools: (f) => ({ campaignId: [f.campaigns.counted.view.id] }) },
  },
  appeals: {
    file: { caller: (_, f) => id(f.person.enterprise) },
    mine: { caller: (_, f) => id(f.person.enterprise) },
    // 待分派 is the admin's list; the others anyone's on the park side who may see the section asked for
    inbox: {
      caller: (input, f, i) =>
        input.state === 'unassigned' ? id(f.person.admin) : input.sectionId === undefined ? turn(staff(f), i) : sectionViewer(f, input.sectionId, i),
    },
    get: appealPlan('assignee'),
    accept: appealPlan('assignee'),
    progress: appealPlan('assignee'),
    resolve: appealPlan('assignee'),
    confirm: appealPlan('filer', 'others'),
    reopen: appealPlan('filer', 'kept'),
    rate: appealPlan('filer'),
    callBack: appealPlan('assignee'),
    rectify: appealPlan('assignee'),
    contest: appealPlan('assignee'),
    decide: appealPlan('admin'),
    reassign: appealPlan('admin', 'kept'),
    dashboard: { caller: (_, f, i) => turn(leaderOrAdmin(f), i) },
  },
  annual: {
    formula: { caller: (_, f, i) => turn(staff(f), i), pools: annualYears },
    // half the inputs the defaults for this year's draft: saved, a new version
    saveFormula: {
      caller: (_, f) => id(f.person.admin),
      pools: annualYears,
      extra: (f) =>
        fc.boolean().map((needsGood) => ({
          ...formulaFields(f.annual.draft),
          excellentNeedsGoodQuarters: needsGood,
          year: f.annual.draft,
          reason: '调整考核办法',
        })),
    },
    compute: { caller: (_, f) => id(f.person.admin), pools: annualYears },
    status: { caller: (_, f, i) => turn(leaderOrAdmin(f), i), pools: annualYears },
    ranking: { caller: (_, f, i) => turn(leaderOrAdmin(f), i), pools: annualYears },
    explain: {
      caller: (_, f, i) => turn(leaderOrAdmin(f), i),
      pools: (f) => ({ ...annualYears(f), memberId: f.annual.draftCadres.map((c) => c.memberId) }),
    },
    // a draft cadre given their grade again, or a lower one: never past the quota
    adjust: { caller: (_, f, i) => turn(leaderOrAdmin(f), i), pools: annualYears, extra: adjustments },
    confirm: { caller: (_, f, i) => turn(leaderOrAdmin(f), i), pools: annualYears },
    publish: { caller: (_, f) => id(f.person.admin), pools: annualYears },
    notify: { caller: (_, f) => id(f.person.admin), pools: annualYears },
    acknowledge: { caller: (_, f, i) => turn(f.annual.notifiedCadres, i), pools: annualYears },
    requestReview: { caller: (_, f, i) => turn(f.annual.notifiedCadres, i), pools: annualYears },
    // each review answered with the grade it has (excellent) or a lower one: both kinds succeed
    answerReview: { caller: (_, f) => id(f.person.admin), pools: annualYears, extra: reviewAnswers },
    export: { caller: (_, f, i) => turn(leaderOrAdmin(f), i), pools: annualYears },
  },
  audit: {
    log: { caller: (_, f) => id(f.person.admin) },
    verify: { caller: (_, f) => id(f.person.admin) },
  },
  cards: {
    proposals: { caller: (_, f, i) => turn(leaderOrAdmin(f), i) },
    // the first of each key decided succeeds, a repeat is a conflict
    issue: { caller: (_, f) => id(f.person.leader), pools: (f) => ({ key: f.cards.pending.filter((_, i) => i % 2 === 0) }) },
    withhold: { caller: (_, f) => id(f.person.leader), pools: (f) => ({ key: f.cards.pending.filter((_, i) => i % 2 === 1) }) },
    lift: { caller: (_, f) => id(f.person.leader), pools: (f) => ({ key: f.cards.liftable }) },
    cards: { caller: (x, f, i) => memberViewer(f, x.memberId, i), pools: (f) => ({ memberId: f.members.map((m) => m._id) }) },
  },
  feedback: {
    draft: { caller: (_, f, i) => turn([id(f.person.headSame), id(f.person.leader)], i), pools: feedbackPools },
    // the first report of a cadre's quarter is sent, a second is a conflict
    send: { caller: (_, f, i) => turn([id(f.person.headSame), id(f.person.leader)], i), pools: feedbackPools },
    reports: { caller: (x, f, i) => memberViewer(f, x.memberId, i), pools: (f) => ({ memberId: sectionCadres(f) }) },
    acknowledge: {
      caller: (x, f) => f.feedback.reports.find((r) => r.id === x.reportId)?.memberId ?? id(f.person.cadre),
      pools: (f) => ({ reportId: f.feedback.reports.map((r) => r.id) }),
    },
    recordTalk: {
      caller: (_, f, i) => turn([id(f.person.headSame), id(f.person.leader)], i),
      pools: (f) => ({ reportId: f.feedback.reports.map((r) => r.id) }),
      extra: (f) =>
        fc
          .constantFrom(...f.feedback.reports)
          .map((r) => ({ reportId: r.id, date: '2026-10-12', notes: '谈心谈话记录', plan: '每周报告进展', followUpOn: '2026-11-12' })),
    },
    bulletinDraft: { caller: (_, f, i) => turn(leaderOrAdmin(f), i), pools: (f) => ({ periodId: [f.periods.closed, f.periods.current] }) },
    // the first of a quarter is published, a second is a conflict
    publishBulletin: { caller: (_, f, i) => turn(leaderOrAdmin(f), i), pools: (f) => ({ periodId: [f.periods.closed, f.periods.current] }) },
    bulletins: { caller: (_, f, i) => turn(staff(f), i) },
  },
  reminders: {
    subscribe: { caller: (_, f, i) => turn(staff(f), i) },
    mine: { caller: (_, f, i) => turn(staff(f), i) },
    runs: { caller: (_, f) => id(f.person.admin) },
    run: { caller: (_, f) => id(f.person.admin) },
  },
  pay: {
    settings: { caller: (_, f, i) => turn(leaderOrAdmin(f), i), pools: payYears },
    // the defaults for the draft year hold the report's ratios: saved, then simulated
    saveSettings: {
      caller: (_, f) => id(f.person.admin),
      pools: payYears,
      extra: (f) =>
        fc
          .constantFrom(...PROVINCIAL_TIERS)
          .map((provincialTier) => ({ ...payFields(f.annual.draft), provincialTier, year: f.annual.draft, reason: '调整绩效奖金方案' })),
    },
    simulate: { caller: (_, f, i) => turn(leaderOrAdmin(f), i), pools: payYears },
    release: { caller: (_, f) => id(f.person.admin), pools: payYears },
    mine: { caller: (_, f, i) => turn(staff(f), i), pools: payYears },
    export: { caller: (_, f, i) => turn(leaderOrAdmin(f), i), pools: payYears },
  },
  ratings: {
    create: { caller: (_, f) => id(f.person.admin) },
    draw: { caller: (_, f) => id(f.person.admin), pools: (f) => ({ campaignId: [...f.ratingCampaigns.drafts, f.ratingCampaignId] }) },
    // never the open campaign the rating actions use
    close: { caller: (_, f) => id(f.person.admin), pools: (f) => ({ campaignId: [f.ratingCampaigns.toClose, f.ratingCampaigns.closed] }) },
    list: { caller: (_, f, i) => turn(leaderOrAdmin(f), i) },
    get: { caller: (_, f, i) => turn(leaderOrAdmin(f), i), pools: (f) => ({ campaignId: ratingCampaignIds(f) }) },
    codes: { caller: (_, f) => id(f.person.admin), pools: (f) => ({ campaignId: [f.ratingCampaignId, f.ratingCampaigns.closed] }) },
    // whoever scanned: a WeChat user bound to nobody, or the enterprise's contact
    form: { caller: (_, f, i) => (i % 2 ? null : id(f.person.enterprise)), pools: (f) => ({ code: f.ratingCodes }) },
    submit: { caller: (_, f, i) => (i % 2 ? null : id(f.person.enterprise)), pools: (f) => ({ code: f.ratingCodes }) },
    results: { caller: (_, f, i) => turn(leaderOrAdmin(f), i), pools: (f) => ({ campaignId: ratingCampaignIds(f) }) },
  },
};

function projectsNow(f: SweepFixture): ProjectDoc[] {
  return f.projects;
}
function milestoneKeys(f: SweepFixture): string[] {
  return [...new Set(projectsNow(f).flatMap((p) => p.milestones.map((m) => m.key)))];
}
function feedbackPools(f: SweepFixture) {
  return { memberId: sectionCadres(f), periodId: [f.periods.closed] };
}

function payYears(f: SweepFixture) {
  return { year: [f.annual.payable, f.annual.draft, f.annual.notified, f.annual.published] };
}
function payFields(year: number) {
  const { year: _year, ...fields } = defaultPaySettings(year);
  return fields;
}

/** A project's next milestone, reached today: the first of each succeeds, a repeat is a conflict. */
function nextMilestones(f: SweepFixture): Arb {
  const next = projectsNow(f).flatMap((p) => {
    const m = p.milestones.find((x) => x.actual === null);
    return m ? [{ projectId: p._id, key: m.key, actual: dayOf(Date.now()), note: '' }] : [];
  });
  return fc.constantFrom(...next);
}
/** Corrections that keep the order: a project's last reached milestone moved to today, or taken back. */
function corrections(f: SweepFixture): Arb {
  const today = dayOf(Date.now());
  const options = projectsNow(f).flatMap((p) => {
    const last = [...p.milestones].reverse().find((m) => m.actual !== null);
    if (!last) return [];
    const reason = '填报日期有误，予以更正';
    return [
      { projectId: p._id, key: last.key, actual: null, reason },
      ...(last.actual !== today ? [{ projectId: p._id, key: last.key, actual: today, reason }] : []),
    ];
  });
  return fc.constantFrom(...options);
}
/** A project's plan with the unreached milestones' planned dates moved by the same days: in order, so it saves. */
function plans(f: SweepFixture): Arb {
  const projects = projectsNow(f);
  return fc.record({ p: fc.constantFrom(...projects), shift: fc.integer({ min: 0, max: 60 }) }).map(({ p, shift }) => ({
    projectId: p._id,
    milestones: p.milestones.map((m) => ({
      key: m.key,
      name: m.name,
      planned: m.actual === null && m.planned !== null ? dayOf(Date.parse(`${m.planned}T12:00:00+08:00`) + shift * 86_400_000) : m.planned,
    })),
  }));
}

/** Each code answered, the even ones confirmed and the odd ones denied with a reason: both answers succeed. */
function visitAnswers(f: SweepFixture): Arb {
  return fc
    .integer({ min: 0, max: f.visits.length - 1 })
    .map((i) => ({ code: f.visits[i]?.code ?? '', confirm: i % 2 === 0, note: i % 2 === 0 ? '' : '走访日期与实际不符' }));
}

function annualYears(f: SweepFixture): Record<string, readonly unknown[]> {
  return { year: [f.annual.draft, f.annual.notified, f.annual.published] };
}
const LOWER = ['competent', 'basic', 'incompetent'] as const;
function adjustments(f: SweepFixture): Arb {
  return fc.record({ c: fc.constantFrom(...f.annual.draftCadres), k: fc.nat(2) }).map(({ c, k }) => ({
    year: f.annual.draft,
    memberId: c.memberId,
    grade: c.grade === 'excellent' && k === 0 ? 'excellent' : LOWER[k % 3],
    reason: '生成测试：班子研究调整',
  }));
}
function reviewAnswers(f: SweepFixture): Arb {
  return fc.nat(f.annual.reviews.length - 1).map((i) => {
    const r = f.annual.reviews[i] ?? { memberId: '', grade: 'competent' };
    return { year: f.annual.notified, memberId: r.memberId, grade: r.grade === 'excellent' ? 'excellent' : LOWER[i % 3], note: '生成测试：复核答复' };
  });
}

function ratingCampaignIds(f: SweepFixture): string[] {
  return [f.ratingCampaignId, ...f.ratingCampaigns.drafts, f.ratingCampaigns.toClose, f.ratingCampaigns.closed];
}

/** A year's holidays as the admin enters them: weekdays off, weekends worked, all inside the year. */
function yearCalendars(): Arb {
  return fc.integer({ min: 2027, max: 2035 }).chain((year) => {
    const day = fc.integer({ min: 0, max: 364 }).map((k) => dayOf(Date.parse(`${year}-01-01T12:00:00+08:00`) + k * 86_400_000));
    const weekday = (d: string) => new Date(`${d}T12:00:00+08:00`).getUTCDay();
    return fc
      .record({
        year: fc.constant(year),
        offDays: fc.uniqueArray(day, { maxLength: 12 }),
        makeUpDays: fc.uniqueArray(
          day.filter((d) => weekday(d) === 0 || weekday(d) === 6),
          { maxLength: 4 },
        ),
      })
      .filter((c) => !c.makeUpDays.some((d) => c.offDays.includes(d)));
  });
}

/** Ids and codes that exist, by the field names the contracts use. */
function commonPools(f: SweepFixture): Record<string, readonly unknown[]> {
  const { first } = quarterRange(f.periods.current);
  const today = dayOf(Date.now());
  const days: string[] = [];
  for (let d = first; d <= today && days.length < 120; d = dayOf(Date.parse(`${d}T12:00:00+08:00`) + 86_400_000)) days.push(d);
  const items = [...f.checklists.values()].flatMap((c) => c.items);
  return {
    memberId: [...f.members.map((m) => m._id)],
    sectionId: f.sections.map((s) => s._id),
    enterpriseId: f.enterpriseIds,
    projectId: f.projectIds,
    indicatorId: f.indicatorIds,
    nodeId: f.nodeIds,
    applicationId: f.applicationIds,
    campaignId: campaigns(f).map((c) => c.view.id),
    periodId: [f.periods.current, f.periods.closed, f.periods.closable, shiftQuarter(f.periods.current, 1)],
    date: days,
    receipt: f.receipts,
    code: f.inviteCodes,
    drawId: f.draws.map((d) => d.id),
    targetId: [...f.members.map((m) => m._id), ...f.sections.map((s) => s._id)],
    photoFileIds: f.photoIds,
    owner: ['park', ...f.sections.map((s) => s._id)],
    'grades[key]': items.filter((x) => x.kind === 'qualitative').map((x) => x.nodeId),
    'actuals[key]': items.filter((x) => x.kind === 'quantitative' && !x.metric).map((x) => x.nodeId),
    'ratings[key]': f.campaigns.open.view.candidates.map((c) => c.id),
    'ratings[value][key]': f.campaigns.open.view.dimensions.map((d) => d.key),
  };
}

/** Generators for the schemas whose refinements the walk cannot see. */
const SPECIAL = new Map<unknown, Arb>([
  // valid credit codes: 17 characters of the alphabet (digits where the division code goes), the check character
  [
    CreditCode,
    fc
      .tuple(fc.stringMatching(/^[1-9A-HJ-NPQRTUWXY]{2}$/), fc.stringMatching(/^\d{6}$/), fc.stringMatching(/^[0-9A-HJ-NPQRTUWXY]{9}$/), fc.boolean())
      .map(([a, b, c, lower]) => {
        const code = `${a}${b}${c}${creditCheckChar(`${a}${b}${c}`) ?? ''}`;
        return lower ? ` ${code.toLowerCase()} ` : code;
      }),
  ],
  [PeriodId, fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}Q${q}`)],
  [Day, fc.date({ min: new Date('1990-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))],
  [
    Receipt,
    fc.tuple(fc.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/), fc.boolean()).map(([r, lower]) => (lower ? ` ${r.toLowerCase()} ` : r)),
  ],
  [
    InviteCode,
    fc.tuple(fc.stringMatching(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{8}$/), fc.boolean()).map(([c, lower]) => (lower ? ` ${c.toLowerCase()}` : c)),
  ],
]);

// ---- running ----

export interface ValidFigures {
  generated: number;
  /** Generated values the input schema refused (not sent), and why (first issue's path and code). */
  rejected: number;
  rejectedBy: Record<string, number>;
  tried: number;
  succeeded: number;
  codes: Record<string, number>;
  seconds: number;
  /** Successes by each value of each top-level enum or boolean field (a kind that always fails shows as 0). */
  variants: Record<string, Record<string, number>>;
  problems: string[];
}

export interface HostileFigures {
  generated: number;
  /** Generated values the input schema accepted after all (not hostile; not sent). */
  accepted: number;
  tried: number;
  refused: number;
  /** Refused by the platform before the function (call data over 100 KB…): no `{ code }` reply. */
  platform: number;
  storeChanges: number;
  codes: Record<string, number>;
  seconds: number;
  problems: string[];
}

export interface ActionFigures {
  fn: FnName;
  action: string;
  valid?: ValidFigures;
  hostile?: HostileFigures;
}

export interface SweepOptions {
  valid: number;
  hostile: number;
  seed: number;
  /** Calls in flight at once. */
  concurrency: number;
  /** Also the hand-picked hostile inputs. */
  nasty: boolean;
}

export const ACTIONS = (Object.keys(contracts) as FnName[]).flatMap((fn) => Object.keys(contracts[fn]).map((action) => [fn, action] as const));

const CHINESE = /[\u4e00-\u9fff]/;
const CODES = new Set<string>(Object.values(ErrorCode));
/** What a function that ran and failed looks like to the caller: never a refusal. */
const EXECUTION_FAILURES = new Set([-501000, -504002, -504003, -604001]);

const specOf = (fn: FnName, action: string) =>
  (contracts[fn] as Record<string, { input: z.ZodType; output: z.ZodType }>)[action] as { input: z.ZodType; output: z.ZodType };
const planOf = (fn: FnName, action: string) => (PLANS[fn] as Record<string, ActionPlan>)[action] as ActionPlan;
const seedOf = (base: number, fn: string, action: string) => base + createHash('sha256').update(`${fn}.${action}`).digest().readUInt32BE(0);
const short = (v: unknown) => {
  const s = toJson(v);
  return s.length > 160 ? `${s.slice(0, 160)}… (${s.length} chars)` : s;
};
const bump = (o: Record<string, number>, k: string) => (o[k] = (o[k] ?? 0) + 1);

/** The fields whose every value should succeed somewhere: top-level enums and booleans. */
function variantFields(schema: z.ZodType): Record<string, string[]> {
  const shape = defOf(schema).shape ?? {};
  const out: Record<string, string[]> = {};
  for (const [key, field] of Object.entries(shape)) {
    let d = defOf(field);
    while (d.innerType && ['optional', 'default', 'nullable', 'prefault'].includes(d.type)) d = defOf(d.innerType);
    if (d.type === 'enum') out[key] = Object.values(d.entries ?? {}).map(String);
    else if (d.type === 'boolean') out[key] = ['true', 'false'];
  }
  return out;
}

/** Every collection and document of the store, to compare before and after. */
export async function storeSnapshot(store: FixtureCloud['cloud']['store']): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const coll of [...store.collections()].sort()) {
    const docs = (await store.find(coll)) as { _id: unknown }[];
    for (const d of docs) out.set(`${coll}/${String(d._id)}`, JSON.stringify(d));
  }
  return out;
}

/** A hash of the whole store: collection names and documents, sorted by collection and `_id`. */
export function storeHash(snapshot: Map<string, string>): string {
  const h = createHash('sha256');
  for (const k of [...snapshot.keys()].sort())
    h.update(k)
      .update('\u0000')
      .update(snapshot.get(k) ?? '');
  return h.digest('hex');
}

function diff(before: Map<string, string>, after: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [k, v] of after) if (before.get(k) !== v) changed.push(before.has(k) ? `changed ${k}` : `added ${k}`);
  for (const k of before.keys()) if (!after.has(k)) changed.push(`removed ${k}`);
  return changed;
}

interface Reply {
  /** The HTTP status of the gateway's answer. */
  status: number;
  result?: { code: unknown; message?: unknown; data?: unknown };
  errCode?: number;
  errMsg?: string;
}

/**
 * A call through the gateway as the H5 client makes it, the body written by `toJson` (so that nesting too deep for
 * JSON.stringify can be sent).
 */
function post(url: string, body: string, token: string): Promise<Reply> {
  const payload = Buffer.from(body);
  return new Promise((resolve) => {
    const req = request(
      url,
      // a connection per call: a kept-alive one the server closes as idle just when a call goes out is reset
      { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': payload.length, 'x-session': token } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            resolve({ status: res.statusCode ?? 0, ...(JSON.parse(text) as object) });
          } catch {
            resolve({ status: res.statusCode ?? 0, errCode: -1, errMsg: `not JSON: ${text.slice(0, 200)}` });
          }
        });
      },
    );
    // reported as a reply, so that the sweep records it and goes on (every lane of a batch finishes)
    req.on('error', (e) => resolve({ status: 0, errCode: -1, errMsg: `connection failed: ${e.message}` }));
    req.end(payload);
  });
}

export class Sweep {
  private readonly tokens = new Map<string, Promise<string>>();
  private readonly hints: Hints;

  constructor(
    private readonly t: FixtureCloud,
    readonly f: SweepFixture,
    readonly opts: SweepOptions,
  ) {
    this.hints = { pools: commonPools(f), special: SPECIAL };
  }

  private async token(caller: Caller): Promise<string> {
    if (caller === null) return (await this.t.newUser()).token;
    let tk = this.tokens.get(caller);
    if (!tk) {
      tk = this.t.as(caller);
      this.tokens.set(caller, tk);
    }
    return tk;
  }

  private hintsFor(plan: ActionPlan): Hints {
    return { ...this.hints, pools: { ...this.hints.pools, ...plan.pools?.(this.f) } };
  }

  private async send(fn: FnName, action: string, input: unknown, caller: Caller): Promise<Reply> {
    return post(`${this.t.cloud.url}/api/call`, toJson({ name: fn, data: { action, input } }), await this.token(caller));
  }

  /** Run `items` with a few in flight at once; `each` gets the item and its number. */
  private async batches<T>(items: T[], each: (x: T, i: number) => Promise<void>, concurrency = this.opts.concurrency): Promise<void> {
    let next = 0;
    const lane = async (): Promise<void> => {
      for (let i = next++; i < items.length; i = next++) await each(items[i] as T, i);
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
  }

  validInputsOf(fn: FnName, action: string, n = this.opts.valid) {
    const plan = planOf(fn, action);
    return validInputs(specOf(fn, action).input, this.hintsFor(plan), n, seedOf(this.opts.seed, fn, action), plan.extra?.(this.f));
  }

  /** Valid inputs to one action: `n` of them (the sweep's budget unless given), `concurrency` in flight. */
  async valid(fn: FnName, action: string, n = this.opts.valid, concurrency = this.opts.concurrency): Promise<ValidFigures> {
    const spec = specOf(fn, action);
    const plan = planOf(fn, action);
    const gen = this.validInputsOf(fn, action, n);
    const variants = variantFields(spec.input);
    const fig: ValidFigures = {
      generated: gen.generated,
      rejected: gen.discarded,
      rejectedBy: gen.reasons,
      tried: 0,
      succeeded: 0,
      codes: {},
      seconds: 0,
      variants: Object.fromEntries(Object.entries(variants).map(([k, vs]) => [k, Object.fromEntries(vs.map((v) => [v, 0]))])),
      problems: [],
    };
    const started = performance.now();
    await this.batches(
      gen.inputs as Record<string, unknown>[],
      async (input, i) => {
        const caller = await plan.caller(input, this.f, i);
        const r = await this.send(fn, action, input, caller);
        fig.tried += 1;
        const problem = (what: string) => fig.problems.push(`${what} — input ${short(input)} as ${caller ?? 'a new WeChat user'}`);
        if (!r.result) return void problem(`platform failure ${r.errCode}: ${r.errMsg}`);
        const code = String(r.result.code);
        bump(fig.codes, code === '0' ? 'ok' : code);
        if (r.result.code === 0) {
          fig.succeeded += 1;
          const out = spec.output.safeParse(r.result.data);
          if (!out.success)
            problem(`reply does not match the output schema: ${out.error.issues[0]?.message} at ${out.error.issues[0]?.path.join('.')}`);
          for (const k of Object.keys(variants)) {
            const value = input[k];
            if (typeof value === 'string' || typeof value === 'boolean') bump(fig.variants[k] as Record<string, number>, String(value));
          }
          return;
        }
        if (code === 'INTERNAL' || code === 'UNKNOWN_ACTION' || !CODES.has(code)) problem(`${code}: ${String(r.result.message)}`);
        else if (!CHINESE.test(String(r.result.message))) problem(`${code} without a Chinese message: ${String(r.result.message)}`);
      },
      concurrency,
    );
    fig.seconds = (performance.now() - started) / 1000;
    return fig;
  }

  async hostile(fn: FnName, action: string): Promise<HostileFigures> {
    const spec = specOf(fn, action);
    const plan = planOf(fn, action);
    const material = this.validInputsOf(fn, action, 20).inputs;
    const gen = hostileInputs(spec.input, material, this.opts.hostile, seedOf(this.opts.seed, fn, action) + 1);
    const inputs = [...gen.inputs, ...(this.opts.nasty ? nastyInputs(spec.input, material[0] ?? {}) : [])];
    const fig: HostileFigures = {
      generated: gen.generated,
      accepted: gen.discarded,
      tried: 0,
      refused: 0,
      platform: 0,
      storeChanges: 0,
      codes: {},
      seconds: 0,
      problems: [],
    };
    const clock = performance.now();
    const before = await storeSnapshot(this.f.store);
    const started = storeHash(before);
    await this.batches(inputs, async (h, i) => {
      // an allowed identity; one that takes the input apart fails early in the router, before it is named
      const sample = (material[i % Math.max(1, material.length)] ?? {}) as Record<string, unknown>;
      const caller = await plan.caller(sample, this.f, i);
      const r = await this.send(fn, action, h.input, caller);
      fig.tried += 1;
      const problem = (what: string) => fig.problems.push(`${what} — ${h.why}: ${short(h.input)}`);
      if (!r.result) {
        // a coded refusal of the request itself (call data over 100 KB, nesting too deep): the function never ran
        if (r.status === 0 || r.status >= 500 || EXECUTION_FAILURES.has(r.errCode ?? 0))
          return void problem(`platform failure ${r.status} ${r.errCode}: ${r.errMsg}`);
        fig.platform += 1;
        return;
      }
      const code = String(r.result.code);
      bump(fig.codes, code === '0' ? 'ok' : code);
      if (r.result.code === 0) return void problem('accepted');
      if (code === 'INTERNAL' || !CODES.has(code)) return void problem(`${code}: ${String(r.result.message)}`);
      if (!CHINESE.test(String(r.result.message))) return void problem(`${code} without a Chinese message: ${String(r.result.message)}`);
      fig.refused += 1;
    });
    // the whole store, compared once the action's hostile inputs are all answered
    const after = await storeSnapshot(this.f.store);
    if (storeHash(after) !== started) {
      const changes = diff(before, after);
      fig.storeChanges = Math.max(1, changes.length);
      fig.problems.push(`the store changed: ${changes.slice(0, 10).join(', ')}`);
    }
    fig.seconds = (performance.now() - clock) / 1000;
    return fig;
  }
}

/** The table's columns: heading, width, and the figure of a row. */
const COLUMNS: [string, number, (r: ActionFigures) => number | string | undefined][] = [
  ['valid tried', 11, (r) => r.valid?.tried],
  ['ok', 5, (r) => r.valid?.succeeded],
  ['rej.', 5, (r) => r.valid?.rejected],
  ['hostile', 8, (r) => r.hostile?.tried],
  ['refused', 7, (r) => r.hostile?.refused],
  ['platf.', 6, (r) => r.hostile?.platform],
  ['store', 5, (r) => r.hostile?.storeChanges],
  ['s', 6, (r) => ((r.valid?.seconds ?? 0) + (r.hostile?.seconds ?? 0)).toFixed(1)],
];

/** The sweep's figures as a table, one row per action: valid tried, succeeded, refused by the schema before
 * sending; hostile tried, refused with a code, refused by the platform, store changes; seconds; error codes. */
export function figuresTable(rows: ActionFigures[]): string {
  const codes = (c: Record<string, number>) =>
    Object.entries(c)
      .filter(([k]) => k !== 'ok')
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k}×${n}`)
      .join(' ');
  const head = ['action'.padEnd(28), ...COLUMNS.map(([h, w]) => h.padStart(w)), ' error codes (valid)'].join(' ');
  const line = (r: ActionFigures) =>
    [
      `${r.fn}.${r.action}`.padEnd(28),
      ...COLUMNS.map(([, w, get]) => String(get(r) ?? '-').padStart(w)),
      ` ${r.valid ? codes(r.valid.codes) : ''}`,
    ].join(' ');
  return [head, ...rows.map(line)].join('\n');
}

/** Totals over the actions: what the bench prints and the test's closing line. */
export function totals(rows: ActionFigures[]) {
  const sum = (f: (r: ActionFigures) => number) => rows.reduce((s, r) => s + f(r), 0);
  return {
    actions: rows.length,
    validTried: sum((r) => r.valid?.tried ?? 0),
    validRejected: sum((r) => r.valid?.rejected ?? 0),
    succeeded: sum((r) => r.valid?.succeeded ?? 0),
    hostileTried: sum((r) => r.hostile?.tried ?? 0),
    refused: sum((r) => r.hostile?.refused ?? 0),
    platform: sum((r) => r.hostile?.platform ?? 0),
    internal: sum((r) => (r.valid?.codes.INTERNAL ?? 0) + (r.hostile?.codes.INTERNAL ?? 0)),
    storeChanges: sum((r) => r.hostile?.storeChanges ?? 0),
    problems: sum((r) => (r.valid?.problems.length ?? 0) + (r.hostile?.problems.length ?? 0)),
  };
}
