/**
 * Generated from the access table (shared/access.ts): every action of every function, called through the local
 * cloud and the real SDK as every kind of identity — none, an unbound WeChat user, an enterprise contact, a cadre,
 * the head of that cadre's section and of another section, a leader, the admin, and a member no longer active —
 * must answer exactly what the table says: allowed calls are never FORBIDDEN, UNBOUND or INTERNAL; refused ones
 * are FORBIDDEN for a person without the role or the scope, UNBOUND for a caller who is no person.
 *
 * `SAMPLES` names a valid input for each action; its type makes it list every action of the contract, so a new
 * action cannot be left out.
 */
import { ACCESS, type AccessRule } from '../../shared/access';
import { reviewStep } from '../../shared/applications/review';
import { staffEvaluationProblem } from '../../shared/assessment/evaluations';
import { dayOf, quarterOf } from '../../shared/common/time';
import type { ActionName, FnName, InputOf } from '../../shared/contracts';
import type { MemberDoc } from '../../shared/members/member';
import { mayViewMember, sectionInView } from '../../shared/members/scope';
import { mayViewCampaign, rosterFor } from '../../shared/votes/campaign';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

type Who = 'none' | 'unbound' | 'enterprise' | 'cadre' | 'headSame' | 'headOther' | 'leader' | 'admin' | 'inactive';
const WHO: Who[] = ['none', 'unbound', 'enterprise', 'cadre', 'headSame', 'headOther', 'leader', 'admin', 'inactive'];

interface Fixture {
  /** The person each identity is (null: none or unbound). */
  person: Record<Who, MemberDoc | null>;
  token: Record<Who, string>;
  /** The cadre whose records the 'member' and 'evaluatee' samples name, and their section. */
  target: MemberDoc;
  sectionId: string;
  enterpriseId: string;
  projectId: string;
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
}

type Samples = { [F in FnName]: { [A in ActionName<F>]: (f: Fixture, who: Who) => InputOf<F, A> } };

const period = () => quarterOf(Date.now());
const ballotFor = (f: Fixture, who: Who) => {
  const me = f.person[who]?._id;
  return Object.fromEntries(
    f.candidates.filter((c) => c !== me).map((c) => [c, Object.fromEntries(f.dimensions.map((d) => [d, 'competent' as const]))]),
  );
};

const SAMPLES: Samples = {
  members: {
    me: () => ({}),
    bind: (f) => ({ code: f.inviteCode }),
    issueInvite: (f) => ({ memberId: f.unboundMemberId }),
    roster: () => ({}),
  },
  park: {
    sections: () => ({}),
    projects: () => ({}),
    claim: (f) => ({ projectId: f.projectId, claim: true }),
    searchEnterprises: () => ({ q: '电' }),
  },
  dossier: {
    mine: () => ({}),
    recordVisit: (f) => ({ enterpriseId: f.enterpriseId, date: dayOf(Date.now()), note: '了解企业用工需求' }),
    record: () => ({ kind: 'achievement', date: dayOf(Date.now()), note: '完成园区招商材料汇编' }),
    summary: () => ({}),
    saveSummary: () => ({ text: '本季度完成企业走访与项目推进工作，按期报送材料。' }),
    reports: () => ({}),
    sectionStaff: (f) => ({ sectionId: f.sectionId }),
  },
  indicators: {
    library: () => ({}),
    save: () => ({
      name: '访问权限测试指标',
      class: 'incentive',
      kind: 'qualitative',
      group: '测试',
      unit: null,
      direction: 'higher',
      target: null,
      rule: null,
      owner: 'park',
      source: '测试',
    }),
    history: (f) => ({ indicatorId: f.indicatorId }),
    tree: (f) => ({ sectionId: f.sectionId }),
    saveWeights: (f) => ({ changes: [{ nodeId: f.nodeId, weight: 0 }] }),
    checklist: (f) => ({ memberId: f.target._id }),
  },
  applications: {
    apply: () => ({ name: '预制构件厂房试运行', reason: '四季度重点任务需要跟踪', kind: 'quantitative', unit: '项', target: 1 }),
    list: () => ({ scope: 'review' }),
    review: (f, who) => ({ applicationId: f.applicationOf[who], decision: 'reject', reason: '访问权限测试' }),
  },
  assessment: {
    evaluateStaff: (f) => ({ memberId: f.target._id, score: 88 }),
    myEvaluations: () => ({}),
    evaluateSection: (f) => ({ sectionId: f.sectionId, score: 90 }),
    draw: () => ({ pool: 'member', count: 2, seed: 7 }),
    spotCheck: (f) => ({ targetType: 'member', targetId: f.target._id, findings: '台账记录不全', deduction: 0 }),
    status: () => ({}),
    openPeriod: () => ({ periodId: period() }),
    close: () => ({ periodId: period() }),
    result: (f) => ({ memberId: f.target._id }),
    ranking: () => ({}),
    correct: (f) => ({ periodId: period(), memberId: f.target._id, field: 'deductions', value: 1, reason: '访问权限测试' }),
  },
  votes: {
    list: () => ({}),
    get: (f) => ({ campaignId: f.campaignId }),
    create: () => ({ title: '访问权限测试', kind: 'peer', year: 2026 }),
    // opening and closing act on a campaign of their own, so that the others keep one open ballot box
    open: (f) => ({ campaignId: f.spareCampaignId }),
    close: (f) => ({ campaignId: f.spareCampaignId }),
    qrcode: (f) => ({ campaignId: f.campaignId }),
    ballot: (f) => ({ campaignId: f.campaignId }),
    submit: (f, who) => ({ campaignId: f.campaignId, ratings: ballotFor(f, who) }),
    turnout: (f) => ({ campaignId: f.campaignId }),
    results: (f) => ({ campaignId: f.campaignId }),
    checkReceipt: (f) => ({ campaignId: f.campaignId, receipt: 'AAAA-BBBB-CCCC' }),
  },
};

/** The table's answer for one call: 'allowed', or the code of the refusal. */
function expected(fn: FnName, action: string, rule: AccessRule, who: Who, f: Fixture): 'allowed' | 'FORBIDDEN' | 'UNBOUND' {
  const me = f.person[who];
  if (who === 'none') return 'UNBOUND';
  if (rule.roles === 'anyone') {
    if (rule.scope !== 'roll') return 'allowed';
    // the ballot box needs a bound WeChat identity (the roll entry is keyed by the person)
    if (who === 'unbound') return 'UNBOUND';
    return me && f.onRoll.has(me._id) ? 'allowed' : 'FORBIDDEN';
  }
  if (!me || who === 'inactive') return 'UNBOUND';
  if (rule.roles !== 'bound' && !me.roles.some((r) => (rule.roles as readonly string[]).includes(r))) return 'FORBIDDEN';
  const ok = (() => {
    switch (rule.scope) {
      case 'self':
        return true;
      case 'member':
        return mayViewMember(me, f.target);
      case 'section':
        return sectionInView(me, f.sectionId);
      case 'evaluatee':
        return me._id !== f.target._id && staffEvaluationProblem(me, f.target) === null;
      case 'roll':
        return action === 'get' ? mayViewCampaign(me, f.onRoll.has(me._id)) : f.onRoll.has(me._id);
      case 'stage':
        return reviewStep({ memberId: f.applicantId, sectionId: f.applicantSection, status: 'pending_head' }, me, 'reject').ok;
    }
  })();
  void fn;
  return ok ? 'allowed' : 'FORBIDDEN';
}

let t: TestCloud;
let f: Fixture;

beforeAll(async () => {
  t = await startTestCloud();
  const members = (await t.cloud.store.find('members')) as MemberDoc[];
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

  const [enterprise] = (await t.cloud.store.find('enterprises')) as { _id: string }[];
  const [project] = (await t.cloud.store.find('projects')) as { _id: string }[];
  const [indicator] = (await t.cloud.store.find('indicators')) as { _id: string }[];
  const node = ((await t.cloud.store.find('treeNodes')) as { _id: string; level: string }[]).find((n) => n.level === 'personal');
  const unbound = members.find((m) => m.active && !m.bound) ?? members.find((m) => m.active && m._id !== target._id);
  if (!enterprise || !project || !indicator || !node || !unbound) throw new Error('demo park is missing records');
  const invite = data(await t.call(admin, 'members', 'issueInvite', { memberId: unbound._id }));

  const campaign = data(await t.call(admin, 'votes', 'create', { title: '访问测试互评', kind: 'peer', year: 2026 }));
  data(await t.call(admin, 'votes', 'open', { campaignId: campaign.id }));
  const spare = data(await t.call(admin, 'votes', 'create', { title: '访问测试备用', kind: 'peer', year: 2026 }));
  const roster = rosterFor('peer', [...members, person.inactive as MemberDoc]);

  // one application per identity, all waiting for the head of the applicant's section
  const applicationOf = {} as Record<Who, string>;
  for (const who of WHO)
    applicationOf[who] = data(await t.call(token.cadre, 'applications', 'apply', SAMPLES.applications.apply({} as Fixture, who))).id;

  f = {
    person,
    token,
    target,
    sectionId,
    enterpriseId: enterprise._id,
    projectId: project._id,
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
  };
}, 120_000);
afterAll(() => t.stop());

const cases = (Object.keys(ACCESS) as FnName[]).flatMap((fn) =>
  Object.entries(ACCESS[fn] as Record<string, AccessRule>).map(([action, rule]) => [fn, action, rule] as const),
);

describe('every action answers every identity as the access table says', () => {
  it.each(cases)('%s.%s', async (fn, action, rule) => {
    const sample = (SAMPLES[fn] as Record<string, (f: Fixture, who: Who) => unknown>)[action];
    if (!sample) throw new Error(`no sample input for ${fn}.${action}`);
    const mismatches: string[] = [];
    for (const who of WHO) {
      // a fresh unbound user each time: members.bind makes the one it is called by a person
      const token = who === 'unbound' ? (await t.newUser()).token : f.token[who];
      const r = await t.call(token, fn, action as never, sample(f, who));
      const want = expected(fn, action, rule, who, f);
      const code = String(r.code);
      const got = want === 'allowed' ? (['FORBIDDEN', 'UNBOUND', 'INTERNAL'].includes(code) ? code : 'allowed') : code;
      if (got !== want) mismatches.push(`${who}: expected ${want}, got ${code}${r.code !== 0 ? ` (${r.message})` : ''}`);
    }
    expect(mismatches).toEqual([]);
  });
});
