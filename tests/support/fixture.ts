/**
 * The realistic scene tests call actions in: the demo park plus identities of every kind, ids that exist (a cadre
 * and their section, an enterprise, a project, an indicator, a tree node, an open campaign, pending applications…).
 *
 * `accessFixture` is what the access-table test (tests/cloudfunctions/access.test.ts) needs; `sweepFixture` adds
 * what the generated sweep (tests/support/sweep.ts) needs so that generated inputs name records that exist and
 * most actions can succeed: more invite codes, campaigns in every state (with ballots and their receipts), a
 * past quarter ready to close, spot-check draws, pending applications, photos the cadre uploaded.
 *
 * Runtime imports stay away from tests/support/cloud.ts (it loads the local cloud's source with its native
 * store): `npm run bench` bundles this file and brings its own client for an already running local cloud.
 */
import type { ProjectDoc } from '../../shared/projects/project';
import type { StaffEvaluationDoc, SectionEvaluationDoc } from '../../shared/assessment/evaluations';
import type { Reply } from '../../shared/common/errors';
import { defaultPaySettings } from '../../shared/pay/pay';
import { dayOf, quarterOf, shiftQuarter } from '../../shared/common/time';
import type { InputOf } from '../../shared/contracts';
import type { ChecklistDoc } from '../../shared/indicators/checklist';
import type { IndicatorDoc, TreeNodeDoc } from '../../shared/indicators/indicator';
import { DOSSIER_INDICATORS } from '../../shared/dossier/dossier';
import { weightGroup } from '../../shared/indicators/indicator';
import type { AppealDoc } from '../../shared/appeals/appeal';
import type { MemberDoc } from '../../shared/members/member';
import type { SectionDoc } from '../../shared/park/park';
import { rosterFor } from '../../shared/votes/campaign';
import type { Grade } from '../../shared/votes/config';
import type { CampaignView } from '../../shared/votes/contract';
import type { CloudClient } from './client';
import { newReceipt } from './client';
import { demoOpenid } from '../../demo/park';
import { exportRows } from '../../shared/imports/plan';
import { IMPORT_KINDS } from '../../shared/imports/templates';
import type { EnterpriseDoc } from '../../shared/park/park';
import { creditCode, uploadImport, xlsx } from './xlsx';

/** What the fixture needs of a test cloud: its store, sessions and calls. */
export type FixtureCloud = CloudClient;

export type Who = 'none' | 'unbound' | 'enterprise' | 'cadre' | 'headSame' | 'headOther' | 'leader' | 'admin' | 'inactive';
export const WHO: Who[] = ['none', 'unbound', 'enterprise', 'cadre', 'headSame', 'headOther', 'leader', 'admin', 'inactive'];

export interface Fixture {
  /** The person each identity is (null: none or unbound). */
  person: Record<Who, MemberDoc | null>;
  token: Record<Who, string>;
  /** The cadre whose records the 'member' and 'evaluatee' samples name, and their section. */
  target: MemberDoc;
  sectionId: string;
  enterpriseId: string;
  projectId: string;
  /** A visit the target recorded to the enterprise contact's enterprise, and its confirmation code. */
  visitReportId: string;
  visitCode: string;
  /** A key project the target cadre owns (claimed), as it stood when the fixture was made; and another project. */
  project: ProjectDoc;
  spareProjectId: string;
  indicatorId: string;
  nodeId: string;
  unboundMemberId: string;
  inviteCode: string;
  campaignId: string;
  spareCampaignId: string;
  onRoll: Set<string>;
  candidates: string[];
  dimensions: string[];
  /** One pending application per identity, so that each review meets the same stage. */
  applicationOf: Record<Who, string>;
  applicantSection: string;
  applicantId: string;
  /** An appeal of the enterprise contact's enterprise, assigned to `target`. */
  appeal: AppealDoc;
  /** A satisfaction campaign open for rating, and its unused codes. */
  ratingCampaignId: string;
  ratingCodes: string[];
}

/** A cadre's application for a new indicator, as the access test applies it. */
export const APPLY_SAMPLE = {
  name: '预制构件厂房试运行',
  reason: '四季度重点任务需要跟踪',
  kind: 'quantitative',
  unit: '项',
  target: 1,
} as const satisfies InputOf<'applications', 'apply'>;

/** Unwrap a success reply, failing with the error otherwise. */
export function ok<T>(r: Reply<T>): T {
  if (r.code !== 0) throw new Error(`expected success, got ${r.code}: ${r.message}`);
  return r.data;
}

const find = async <T>(t: FixtureCloud, coll: string) => (await t.cloud.store.find(coll)) as T[];

export async function accessFixture(t: FixtureCloud): Promise<Fixture> {
  const members = await find<MemberDoc>(t, 'members');
  const cadres = members.filter((m) => m.active && m.roles.includes('cadre') && !m.roles.includes('sectionHead') && m.sectionId);
  const heads = members.filter((m) => m.active && m.roles.includes('sectionHead'));
  // a cadre whose section has a head and at least two other cadres (one of them to deactivate)
  const target = cadres.find((c) => heads.some((h) => h.sectionId === c.sectionId) && cadres.filter((o) => o.sectionId === c.sectionId).length >= 3);
  if (!target?.sectionId) throw new Error('demo park has no suitable section');
  const sectionId = target.sectionId;
  const pick = (q: (m: MemberDoc) => boolean, what: string) => {
    const m = members.find((x) => x.active && q(x));
    if (!m) throw new Error(`demo park has no ${what}`);
    return m;
  };
  const person: Record<Who, MemberDoc | null> = {
    none: null,
    unbound: null,
    enterprise: pick((m) => m.roles.includes('enterprise'), 'enterprise contact'),
    cadre: target,
    headSame: pick((m) => m.roles.includes('sectionHead') && m.sectionId === sectionId, 'head of the section'),
    headOther: pick((m) => m.roles.includes('sectionHead') && m.sectionId !== sectionId, 'head of another section'),
    leader: pick((m) => m.roles.includes('leader') && !m.roles.includes('admin'), 'leader'),
    admin: pick((m) => m.roles.includes('admin'), 'admin'),
    // no longer on the staff, as the admin console would record it; still bound to a WeChat identity
    inactive: { ...target, _id: 'M-INACTIVE', name: '离岗干部', active: false },
  };
  t.cloud.store.insertMany('members', [person.inactive as MemberDoc]);
  t.cloud.store.insertMany('bindings', [{ _id: 'o_test_inactive', memberId: 'M-INACTIVE', boundAt: Date.now() }]);

  const token = {} as Record<Who, string>;
  for (const who of WHO) {
    const p = person[who];
    token[who] =
      who === 'none'
        ? ''
        : who === 'unbound'
          ? (await t.newUser()).token
          : who === 'inactive'
            ? await t.login('o_test_inactive')
            : await t.as((p as MemberDoc)._id);
  }
  const admin = token.admin;

  const [enterprise] = await find<{ _id: string }>(t, 'enterprises');
  const [project, spareProject] = await find<ProjectDoc>(t, 'projects');
  const [indicator] = await find<{ _id: string }>(t, 'indicators');
  const node = (await find<{ _id: string; level: string }>(t, 'treeNodes')).find((n) => n.level === 'personal');
  const unbound = members.find((m) => m.active && !m.bound) ?? members.find((m) => m.active && m._id !== target._id);
  if (!enterprise || !project || !spareProject || !indicator || !node || !unbound) throw new Error('demo park is missing records');
  ok(await t.call(token.cadre, 'projects', 'claim', { projectId: project._id, claim: true }));
  const visit = await visitWithCode(t, token.cadre, person.enterprise?.enterpriseId ?? '');
  const invite = ok(await t.call(admin, 'members', 'issueInvite', { memberId: unbound._id }));

  const campaign = ok(await t.call(admin, 'votes', 'create', { title: '访问测试互评', kind: 'peer', year: 2026 }));
  ok(await t.call(admin, 'votes', 'open', { campaignId: campaign.id }));
  const spare = ok(await t.call(admin, 'votes', 'create', { title: '访问测试备用', kind: 'peer', year: 2026 }));
  const roster = rosterFor('peer', [...members, person.inactive as MemberDoc]);

  // an appeal of the enterprise contact's enterprise, given to the target cadre
  const filed = ok(await t.call(token.enterprise, 'appeals', 'file', { category: 'labour', text: '访问权限测试：急需招工' }));
  ok(await t.call(admin, 'appeals', 'reassign', { appealId: filed.id, memberId: target._id }));
  const [appeal] = (await t.cloud.store.find('appeals', { _id: filed.id })) as AppealDoc[];
  if (!appeal) throw new Error('the access fixture’s appeal was not stored');

  // a satisfaction campaign drawn, its codes issued
  const closesOn = dayOf(Date.now() + 30 * 86_400_000);
  const rc = ok(await t.call(admin, 'ratings', 'create', { title: '访问测试企业评', year: 2026, share: 0.25, closesOn }));
  ok(await t.call(admin, 'ratings', 'draw', { campaignId: rc.id }));
  const ratingCodes = ((await t.cloud.store.find('ratingCodes', { campaignId: rc.id })) as { code: string }[]).map((c) => c.code);

  // one application per identity, all waiting for the head of the applicant's section
  const applicationOf = {} as Record<Who, string>;
  for (const who of WHO) applicationOf[who] = ok(await t.call(token.cadre, 'applications', 'apply', APPLY_SAMPLE)).id;

  return {
    person,
    token,
    target,
    sectionId,
    enterpriseId: enterprise._id,
    projectId: project._id,
    visitReportId: visit.reportId,
    visitCode: visit.code,
    project,
    spareProjectId: spareProject._id,
    indicatorId: indicator._id,
    nodeId: node._id,
    unboundMemberId: unbound._id,
    inviteCode: invite.code,
    campaignId: campaign.id,
    spareCampaignId: spare.id,
    onRoll: new Set(roster.roll.map((r) => r.memberId)),
    candidates: campaign.candidates.map((c) => c.id),
    dimensions: campaign.dimensions.map((d) => d.key),
    applicationOf,
    applicantSection: sectionId,
    applicantId: target._id,
    appeal,
    ratingCampaignId: rc.id,
    ratingCodes,
  };
}

/** A campaign as the sweep knows it: its view and who is on its roll. */
export interface KnownCampaign {
  view: CampaignView;
  roll: string[];
}

export interface SweepFixture extends Fixture {
  /** The store itself, for callers that depend on a record's state now (an application's stage). */
  store: FixtureCloud['cloud']['store'];
  members: MemberDoc[];
  sections: SectionDoc[];
  enterpriseIds: string[];
  projectIds: string[];
  /** The key projects as they stood when the sweep began (with the target's claim of the first). */
  projects: ProjectDoc[];
  indicatorIds: string[];
  /** Tree nodes grouped as their weights must add up (the groups `saveWeights` checks). */
  weightGroups: string[][];
  nodeIds: string[];
  /** The tree as the sweep began (the groups `saveGroup` saves whole). */
  treeNodes: TreeNodeDoc[];
  /**
   * Indicators the sweep's `save` leaves as they are — the dossier's three and the target section's own — so that
   * `saveGroup` has groups whose every indicator is still active when its turn comes.
   */
  treeIndicators: string[];
  /** Invite codes issued and not used yet (each binds once). */
  inviteCodes: string[];
  /** The current quarter; the last one (closed, with results); a past one opened, evaluated and ready to close. */
  periods: { current: string; closed: string; closable: string };
  /** Campaigns: `open` takes ballots; `spares` are drafts for open/close; `past` closed by its dates long ago;
   * `counted` closed with ballots whose receipts are `receipts`. */
  campaigns: { open: KnownCampaign; spares: KnownCampaign[]; past: KnownCampaign; counted: KnownCampaign };
  receipts: string[];
  /** Spot-check draws made, with whom each picked. */
  draws: { id: string; pool: 'member' | 'section'; picked: string[] }[];
  /** Applications waiting for review (more than the access fixture's). */
  applicationIds: string[];
  /** Photo file ids as the target cadre's uploads would be named. */
  photoIds: string[];
  /** The current checklist of each cadre (for evaluations that name its items). */
  checklists: Map<string, ChecklistDoc>;
  /** Appeals the fixture filed as the enterprise contact, in every state (and the access fixture's). */
  appealIds: string[];
  /** Two of them resolved and kept for `reopen` (and, reopened, for `reassign`): `confirm` never gets them first. */
  appealsToReopen: string[];
  /** Satisfaction campaigns besides the open one: drafts to draw, one open to close, one closed with results. */
  ratingCampaigns: { drafts: string[]; toClose: string; closed: string };
  /** Visits of the target to the contact's enterprise waiting for an answer, with their codes (and the access fixture's). */
  visits: { reportId: string; code: string }[];
  /** Years of results: `draft` computed from the demo's closed quarters; `notified` (a past year made from the same
   * quarter's results) with cadres who asked for review; `published` an empty year past its 公示. */
  annual: AnnualFixture;
  /** Red and yellow cards: proposals nobody has decided (to issue or withhold), and issued cards that may be lifted. */
  cards: { pending: string[]; liftable: string[] };
  /** Feedback reports the section head sent for the closed quarter: to acknowledge (by their cadre) and talk over. */
  feedback: { reports: { id: string; memberId: string }[] };
  directory: DirectoryFixture;
}

/**
 * The directory's records for the sweep, apart from everything the other actions use: a section nobody is in (to
 * retire and restore), an enterprise to retire and restore, people added for it in a section of their own — some to
 * leave, some bound to unbind, some bound to sign themselves out — Excel files uploaded by the admin (the export
 * of each kind: previews that change nothing), a plan that adds a section (to confirm), valid credit codes.
 */
export interface DirectoryFixture {
  emptySection: string;
  spareEnterprise: string;
  /** The section the spare people are in (not the target's, nor the other head's). */
  spareSection: string;
  leavers: string[];
  unbindable: string[];
  signOuts: string[];
  files: string[];
  plans: string[];
  creditCodes: string[];
}

export interface AnnualFixture {
  draft: number;
  notified: number;
  published: number;
  /** A year notified, past its review period with no review open and its pay settings saved: pay may be released. */
  payable: number;
  /** Cadres of the draft year with their proposed grade. */
  draftCadres: { memberId: string; grade: string }[];
  /** Cadres of the notified year, and those who asked for review with their grade now. */
  notifiedCadres: string[];
  reviews: { memberId: string; grade: string }[];
}

/** Every ballot value 称职 (competent) except one 基本称职, so that it is valid and not void. */
export function fullBallot(c: CampaignView, voterId: string): Record<string, Record<string, Grade>> {
  const others = c.candidates.filter((x) => x.id !== voterId);
  return Object.fromEntries(
    others.map((x, i) => [
      x.id,
      Object.fromEntries(c.dimensions.map((d, j) => [d.key, i === 0 && j === 0 ? ('basic' as const) : ('competent' as const)])),
    ]),
  );
}

/** A past quarter with checklists, evaluations of everyone and its period open: `assessment.close` can close it. */
function closableQuarter(current: string, members: MemberDoc[], sections: SectionDoc[], checklists: ChecklistDoc[]) {
  const periodId = shiftQuarter(current, -12);
  const cadres = members.filter((m) => m.active && m.roles.includes('cadre'));
  const leaders = members.filter((m) => m.active && m.roles.includes('leader'));
  const byMember = new Map(checklists.map((c) => [c.memberId, c]));
  return {
    periodId,
    periods: [{ _id: periodId, status: 'open' }],
    checklists: cadres.map((m) => ({
      _id: `${periodId}_${m._id}`,
      periodId,
      memberId: m._id,
      sectionId: m.sectionId ?? '',
      items: byMember.get(m._id)?.items ?? [],
    })),
    staffEvaluations: cadres.map((m, i): StaffEvaluationDoc => ({
      _id: `${periodId}_${m._id}`,
      periodId,
      memberId: m._id,
      sectionId: m.sectionId ?? '',
      score: 70 + (i % 25),
      grades: {},
      actuals: {},
      comment: '',
      by: 'fixture',
      at: 0,
    })),
    sectionEvaluations: sections.flatMap((s, i) =>
      leaders.map((l): SectionEvaluationDoc => ({
        _id: `${periodId}_${s._id}_${l._id}`,
        periodId,
        sectionId: s._id,
        leaderId: l._id,
        score: 80 + (i % 15),
        comment: '',
        at: 0,
      })),
    ),
  };
}

async function campaigns(t: FixtureCloud, base: Fixture, members: MemberDoc[]) {
  const admin = base.token.admin;
  // voters who can call: bound to a WeChat identity
  const bound = new Set(members.filter((m) => m.bound).map((m) => m._id));
  const rollOf = (v: CampaignView) =>
    rosterFor(v.kind, members)
      .roll.map((r) => r.memberId)
      .filter((m) => bound.has(m));
  const known = (v: CampaignView): KnownCampaign => ({ view: v, roll: rollOf(v) });
  const open = known(ok(await t.call(admin, 'votes', 'get', { campaignId: base.campaignId })));
  const spares = [known(ok(await t.call(admin, 'votes', 'get', { campaignId: base.spareCampaignId })))];
  for (const kind of ['leaders_rate_cadres', 'rate_leadership'] as const)
    spares.push(known(ok(await t.call(admin, 'votes', 'create', { title: `生成测试备用${kind}`, kind, year: 2026 }))));
  const hour = 3_600_000;
  const now = Date.now();
  const past = known(
    ok(
      await t.call(admin, 'votes', 'create', {
        title: '生成测试往年',
        kind: 'rate_leadership',
        year: 2025,
        opensAt: now - 48 * hour,
        closesAt: now - 24 * hour,
      }),
    ),
  );
  // a campaign closed with ballots in it: receipts to look up
  const counted = known(ok(await t.call(admin, 'votes', 'create', { title: '生成测试已计票', kind: 'leaders_rate_cadres', year: 2026 })));
  ok(await t.call(admin, 'votes', 'open', { campaignId: counted.view.id }));
  const receipts: string[] = [];
  for (const voter of counted.roll) {
    const token = await t.as(voter);
    receipts.push(
      ok(await t.call(token, 'votes', 'submit', { receipt: newReceipt(), campaignId: counted.view.id, ratings: fullBallot(counted.view, voter) }))
        .receipt,
    );
  }
  counted.view = ok(await t.call(admin, 'votes', 'close', { campaignId: counted.view.id }));
  return { campaigns: { open, spares, past, counted }, receipts };
}

/** Enterprise contacts not bound yet, each waiting for an invite code: people `issueInvite` and `bind` can serve. */
function newContacts(enterpriseIds: string[]): MemberDoc[] {
  return enterpriseIds.slice(-8).map((enterpriseId, i) => ({
    _id: `M-NEW-${i + 1}`,
    name: `新联系人${i + 1}`,
    roles: ['enterprise'],
    sectionId: null,
    post: null,
    enterpriseId,
    active: true,
    bound: false,
  }));
}

export async function sweepFixture(t: FixtureCloud): Promise<SweepFixture> {
  const base = await accessFixture(t);
  const admin = base.token.admin;
  // every member of the demo not bound yet gets a code (the access fixture's one stays unused too); the new
  // contacts get none, so that issueInvite has people to serve after bind has used the codes
  const inviteCodes = [base.inviteCode];
  for (const m of (await find<MemberDoc>(t, 'members')).filter((x) => x.active && !x.bound && x._id !== base.unboundMemberId))
    inviteCodes.push(ok(await t.call(admin, 'members', 'issueInvite', { memberId: m._id })).code);
  t.cloud.store.insertMany('members', newContacts((await find<{ _id: string }>(t, 'enterprises')).map((e) => e._id)));
  const members = await find<MemberDoc>(t, 'members');
  const sections = await find<SectionDoc>(t, 'sections');
  const nodes = await find<TreeNodeDoc>(t, 'treeNodes');
  const current = quarterOf(Date.now());
  const checklists = (await find<ChecklistDoc>(t, 'checklists')).filter((c) => c.periodId === current);

  const groups = new Map<string, string[]>();
  for (const n of nodes) groups.set(weightGroup(n), [...(groups.get(weightGroup(n)) ?? []), n._id]);

  const closable = closableQuarter(current, members, sections, checklists);
  for (const coll of ['periods', 'checklists', 'staffEvaluations', 'sectionEvaluations'] as const) t.cloud.store.insertMany(coll, closable[coll]);

  const votes = await campaigns(t, base, members);
  const leader = base.token.leader;
  const draws: SweepFixture['draws'] = [];
  for (const pool of ['member', 'section', 'member'] as const) {
    const d = ok(await t.call(leader, 'assessment', 'draw', { pool, count: 5 }));
    draws.push({ id: d.id, pool, picked: d.picked.map((p) => p.id) });
  }

  // applications from several cadres of the target's section, each waiting for its head
  const applicants = members.filter(
    (m) => m.active && m.sectionId === base.sectionId && m.roles.includes('cadre') && !m.roles.includes('sectionHead'),
  );
  const applicationIds: string[] = [];
  for (let i = 0; i < 30; i += 1) {
    const who = applicants[i % applicants.length] ?? base.target;
    const token = await t.as(who._id);
    applicationIds.push(ok(await t.call(token, 'applications', 'apply', { ...APPLY_SAMPLE, name: `生成测试申报${i + 1}` })).id);
  }

  const filedAppeals = await appealsInEveryState(t, base);
  const ratingCampaigns = await moreRatingCampaigns(t, base);
  const annual = await annualYears(t, base);
  const cards = await cardKeys(t, base);
  const closedQuarter =
    (await find<{ _id: string; status: string }>(t, 'periods')).find((p) => p.status === 'closed' && p._id !== closable.periodId)?._id ?? '';
  const feedback = await feedbackReports(t, base, members, closedQuarter);
  const visits = [{ reportId: base.visitReportId, code: base.visitCode }];
  for (let i = 0; i < 6; i += 1)
    visits.push(await visitWithCode(t, base.token.cadre, base.person.enterprise?.enterpriseId ?? '', `生成测试走访第${i + 1}次`));
  const appealIds = [base.appeal._id, ...filedAppeals];
  const enterprises = await find<{ _id: string }>(t, 'enterprises');
  const projects = await find<ProjectDoc>(t, 'projects');
  const indicators = await find<IndicatorDoc>(t, 'indicators');
  const dossierIndicators: string[] = Object.values(DOSSIER_INDICATORS);
  const closed = (await find<{ _id: string; status: string }>(t, 'periods')).find((p) => p.status === 'closed' && p._id !== closable.periodId);
  return {
    ...base,
    store: t.cloud.store,
    members,
    sections,
    enterpriseIds: enterprises.map((e) => e._id),
    projectIds: projects.map((p) => p._id),
    projects,
    indicatorIds: indicators.map((i) => i._id),
    weightGroups: [...groups.values()].filter((g) => g.length <= 50),
    nodeIds: nodes.map((n) => n._id),
    treeNodes: nodes,
    treeIndicators: indicators.filter((i) => i.active && (dossierIndicators.includes(i._id) || i.owner === base.sectionId)).map((i) => i._id),
    inviteCodes,
    periods: { current, closed: closed?._id ?? shiftQuarter(current, -1), closable: closable.periodId },
    ...votes,
    draws,
    applicationIds: [...applicationIds, ...Object.values(base.applicationOf)],
    photoIds: [1, 2, 3, 4].map((i) => `cloud://yardstick-local.bucket/reports/${base.target._id}/photo-${i}.jpg`),
    checklists: new Map(checklists.map((c) => [c.memberId, c])),
    appealIds,
    appealsToReopen: filedAppeals.slice(7, 9),
    annual,
    visits,
    ratingCampaigns,
    cards,
    feedback,
    directory: await directoryFixture(t, base),
  };
}

async function directoryFixture(t: FixtureCloud, base: Fixture): Promise<DirectoryFixture> {
  const admin = base.token.admin;
  const adminId = base.person.admin?._id ?? '';
  const sections = await find<SectionDoc>(t, 'sections');
  const spareSection = sections.find((s) => s._id !== base.sectionId && s._id !== base.person.headOther?.sectionId)?._id ?? '';
  const emptySection = ok(await t.call(admin, 'park', 'saveSection', { name: '生成测试空股室' })).id;
  const spareEnterprise = ok(
    await t.call(admin, 'park', 'saveEnterprise', {
      name: '生成测试停用企业有限公司',
      creditCode: creditCode(1),
      industry: '测试',
      aboveScale: false,
    }),
  ).id;
  const people: string[] = [];
  for (const n of '甲乙丙丁戊己庚辛壬') {
    people.push(ok(await t.call(admin, 'members', 'savePerson', { name: `生成测试${n}`, roles: ['cadre'], sectionId: spareSection })).memberId);
  }
  // six of them as if they had redeemed invites (the demo sign-in's identities)
  const bound = people.slice(3);
  t.cloud.store.applyWrites(
    bound.flatMap((id) => [
      { coll: 'bindings', id: demoOpenid(id), doc: { _id: demoOpenid(id), memberId: id, boundAt: Date.now() } },
      { coll: 'members', id, doc: { ...(t.cloud.store.peek('members', id) ?? {}), _id: id, bound: true } },
    ]),
  );
  const dir = {
    sections: await find<SectionDoc>(t, 'sections'),
    members: await find<MemberDoc>(t, 'members'),
    enterprises: await find<EnterpriseDoc>(t, 'enterprises'),
  };
  const files: string[] = [];
  for (let i = 0; i < 30; i += 1) {
    const kind = IMPORT_KINDS[i % IMPORT_KINDS.length] ?? 'sections';
    files.push(await uploadImport(t, admin, adminId, await xlsx(exportRows(kind, dir))));
  }
  const adding = await uploadImport(
    t,
    admin,
    adminId,
    await xlsx([
      ['股室名称', '排序'],
      ['生成测试导入股室', '90'],
    ]),
  );
  const plan = ok(await t.call(admin, 'imports', 'preview', { kind: 'sections', fileId: adding }));
  return {
    emptySection,
    spareEnterprise,
    spareSection,
    leavers: people.slice(0, 3),
    unbindable: bound.slice(0, 3),
    signOuts: bound.slice(3),
    files,
    plans: [plan.planId],
    creditCodes: Array.from({ length: 40 }, (_, i) => creditCode(100 + i)),
  };
}

/** Two of the section's cadres sent a report for the closed quarter by their section head (the rest left to send). */
async function feedbackReports(t: FixtureCloud, base: Fixture, members: MemberDoc[], periodId: string): Promise<SweepFixture['feedback']> {
  const head = base.person.headSame;
  const cadres = members.filter(
    (m) => m.active && m.bound && m.sectionId === head?.sectionId && m.roles.includes('cadre') && !m.roles.includes('sectionHead'),
  );
  const reports: SweepFixture['feedback']['reports'] = [];
  for (const m of cadres.slice(-2)) {
    const r = ok(
      await t.call(base.token.headSame, 'feedback', 'send', { memberId: m._id, periodId, wentWell: [], lags: [], plan: ['生成测试：改进计划'] }),
    );
    reports.push({ id: r.id, memberId: m._id });
  }
  if (reports.length === 0) throw new Error('the fixture needs a cadre of the section to send feedback to');
  return { reports };
}

/** The 较差 quarters' red cards issued (those with a better quarter after may be lifted); the other proposals left pending. */
async function cardKeys(t: FixtureCloud, base: Fixture): Promise<SweepFixture['cards']> {
  const leader = base.token.leader;
  const before = ok(await t.call(leader, 'cards', 'proposals', {}));
  for (const p of before.pending.filter((x) => x.rule === 'quarter'))
    ok(await t.call(leader, 'cards', 'issue', { key: p.key, reason: '生成测试：季度考核较差' }));
  const after = ok(await t.call(leader, 'cards', 'proposals', {}));
  const liftable = after.inForce.filter((c) => c.liftable).map((c) => c.key);
  if (liftable.length === 0) throw new Error('the fixture needs a card that may be lifted');
  return { pending: after.pending.map((p) => p.key), liftable };
}

/** Drafts for `draw`, an open campaign for `close`, and one closed with three ratings for `results`. */
/** Rewrite stored documents of a collection (the store has no update): to move a deadline into the past. */
async function patchDocs(t: FixtureCloud, coll: string, patch: (d: Record<string, unknown>) => Record<string, unknown>) {
  const all = (await t.cloud.store.find(coll)) as Record<string, unknown>[];
  t.cloud.store.drop(coll);
  t.cloud.store.insertMany(coll, all.map(patch));
}

/**
 * Three years of results for the annual actions: this year computed from the demo's closed quarters (a draft);
 * last year made of the same quarter's results under last year's name, taken through 公示 to the notice, with
 * eight cadres asking for review; and an empty year two back, published and past its 公示, for `notify`.
 */
async function annualYears(t: FixtureCloud, base: Fixture): Promise<AnnualFixture> {
  const admin = base.token.admin;
  const draft = Number(quarterOf(Date.now()).slice(0, 4));
  const notified = draft - 1;
  const published = draft - 2;
  // (three years back is the closable quarter's year: closableQuarter)
  const payable = draft - 4;
  const periods = (await find<{ _id: string; status: string }>(t, 'periods')).filter((p) => p.status === 'closed');
  await copyQuarter(t, periods[0]?._id, `${payable}Q4`);
  // a demo without last year: one quarter of it made from a closed quarter's results
  if (!periods.some((p) => p._id.startsWith(`${notified}Q`))) await copyQuarter(t, periods[0]?._id, `${notified}Q4`);

  ok(await t.call(admin, 'annual', 'compute', { year: draft }));
  for (const year of [notified, published, payable]) {
    ok(await t.call(admin, 'annual', 'compute', { year }));
    ok(await t.call(admin, 'annual', 'confirm', { year }));
    ok(await t.call(admin, 'annual', 'publish', { year }));
  }
  await patchDocs(t, 'annualYears', (y) => (y.year === draft ? y : { ...y, publicUntil: Date.now() - 60_000 }));
  ok(await t.call(admin, 'annual', 'notify', { year: notified }));
  ok(await t.call(admin, 'annual', 'notify', { year: payable }));
  await patchDocs(t, 'annualYears', (y) => (y.year === payable ? { ...y, reviewUntil: Date.now() - 60_000 } : y));
  const { year: _year, ...pay } = defaultPaySettings(payable);
  ok(await t.call(admin, 'pay', 'saveSettings', { ...pay, year: payable, reason: '生成测试：绩效奖金方案' }));
  const rows = async (year: number) => ok(await t.call(admin, 'annual', 'ranking', { year })).cadres;
  // only people bound to a WeChat identity can call (t.as signs in as the demo identity of a bound person)
  const bound = new Set((await find<MemberDoc>(t, 'members')).filter((m) => m.active && m.bound).map((m) => m._id));
  const past = (await rows(notified)).filter((c) => bound.has(c.memberId));
  const askers = [...past.filter((c) => c.grade === 'excellent').slice(0, 2), ...past.filter((c) => c.grade !== 'excellent').slice(0, 6)];
  for (const c of askers) ok(await t.call(await t.as(c.memberId), 'annual', 'requestReview', { year: notified, reason: '生成测试：申请复核' }));
  return {
    draft,
    notified,
    published,
    payable,
    draftCadres: (await rows(draft)).map((c) => ({ memberId: c.memberId, grade: c.grade })),
    notifiedCadres: past.filter((c) => !askers.includes(c)).map((c) => c.memberId),
    reviews: askers.map((c) => ({ memberId: c.memberId, grade: c.grade })),
  };
}

/** A closed quarter's results copied as another closed quarter (`to`), for a year the demo has no quarter of. */
async function copyQuarter(t: FixtureCloud, from: string | undefined, to: string): Promise<void> {
  if (!from) throw new Error('the demo park has no closed quarter');
  const results = (await find<{ _id: string; periodId: string; sectionId: string }>(t, 'quarterResults')).filter((r) => r.periodId === from);
  t.cloud.store.insertMany('periods', [{ _id: to, status: 'closed' }]);
  t.cloud.store.insertMany(
    'quarterResults',
    results.map((r) => ({ ...r, _id: `${to}_${r.sectionId}`, periodId: to })),
  );
}

/** A visit recorded today by the cadre whose token this is, to `enterpriseId`, and its confirmation code. */
async function visitWithCode(t: FixtureCloud, cadre: string, enterpriseId: string, note = '了解企业用工需求') {
  const recorded = ok(await t.call(cadre, 'dossier', 'recordVisit', { enterpriseId, date: dayOf(Date.now()), note }));
  const { code } = ok(await t.call(cadre, 'dossier', 'visitCode', { reportId: recorded.recordedId }));
  return { reportId: recorded.recordedId, code };
}

async function moreRatingCampaigns(t: FixtureCloud, base: Fixture): Promise<SweepFixture['ratingCampaigns']> {
  const admin = base.token.admin;
  const closesOn = dayOf(Date.now() + 30 * 86_400_000);
  const make = async (title: string) => ok(await t.call(admin, 'ratings', 'create', { title, year: 2026, share: 0.2, closesOn })).id;
  const drafts = [await make('生成测试草稿一'), await make('生成测试草稿二')];
  const toClose = await make('生成测试待结束');
  ok(await t.call(admin, 'ratings', 'draw', { campaignId: toClose }));
  const closed = await make('生成测试已结束');
  ok(await t.call(admin, 'ratings', 'draw', { campaignId: closed }));
  const codes = ((await t.cloud.store.find('ratingCodes', { campaignId: closed })) as { code: string }[]).map((c) => c.code);
  const dims = { efficiency: 5, policy: 4, support: 4, conduct: 5 };
  for (const code of codes.slice(0, 3)) ok(await t.call((await t.newUser()).token, 'ratings', 'submit', { code, dimensions: dims }));
  ok(await t.call(admin, 'ratings', 'close', { campaignId: closed }));
  return { drafts, toClose, closed };
}

/**
 * Appeals filed by the enterprise contact and taken to every state through the functions: filed, accepted,
 * resolved, confirmed, rated badly (follow-up open), called back, rectified, contested. The assignee is the
 * enterprise's liaison as the demo set it.
 */
async function appealsInEveryState(t: FixtureCloud, base: Fixture): Promise<string[]> {
  const contact = base.token.enterprise;
  const ids: string[] = [];
  for (let i = 0; i < 24; i += 1) {
    const a = ok(await t.call(contact, 'appeals', 'file', { category: 'other', text: `生成测试诉求第${i + 1}件：厂区道路照明不足` }));
    ids.push(a.id);
  }
  const [first] = (await t.cloud.store.find('appeals', { _id: ids[0] ?? '' })) as AppealDoc[];
  if (!first?.assigneeId) throw new Error('the enterprise contact’s enterprise has no liaison');
  const cadre = await t.as(first.assigneeId);
  const note = { note: '已联系相关部门办理' };
  for (const [i, appealId] of ids.entries()) {
    if (i < 3) continue; // filed
    ok(await t.call(cadre, 'appeals', 'accept', { appealId }));
    if (i < 7) continue; // accepted
    ok(await t.call(cadre, 'appeals', 'resolve', { appealId, ...note }));
    if (i < 12) continue; // resolved, waiting for the enterprise
    ok(await t.call(contact, 'appeals', 'confirm', { appealId }));
    if (i < 15) continue; // confirmed, not rated
    ok(await t.call(contact, 'appeals', 'rate', { appealId, level: 1, comment: '处理拖延' }));
    if (i < 18) continue; // rated badly, follow-up open
    ok(await t.call(cadre, 'appeals', 'callBack', { appealId, ...note }));
    if (i < 20) continue;
    ok(await t.call(cadre, 'appeals', 'rectify', { appealId, ...note }));
    if (i < 22) continue; // rectified: the enterprise may rate again
    ok(await t.call(cadre, 'appeals', 'contest', { appealId, note: '企业误评，已核实' }));
  }
  return ids;
}
