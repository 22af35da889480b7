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
import { defaultPaySettings } from '../../shared/pay/pay';
import { ACCESS, type AccessRule } from '../../shared/access';
import { formulaFields } from '../../shared/annual/config';
import { actionProblem, mayView, type AppealAction } from '../../shared/appeals/appeal';
import { reviewStep } from '../../shared/applications/review';
import { staffEvaluationProblem } from '../../shared/assessment/evaluations';
import { dayOf, quarterOf } from '../../shared/common/time';
import type { ActionName, FnName, InputOf } from '../../shared/contracts';
import type { TreeNodeDoc } from '../../shared/indicators/indicator';
import { mayViewMember, sectionInView } from '../../shared/members/scope';
import { mayViewCampaign } from '../../shared/votes/campaign';
import { newReceipt } from '../support/client';
import { startTestCloud, type TestCloud } from '../support/cloud';
import { APPLY_SAMPLE, WHO, accessFixture, type Fixture, type Who } from '../support/fixture';

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
    addContact: (f, who) => ({ enterpriseId: f.enterpriseId, name: `联系人${WHO.indexOf(who)}`, post: '办公室主任' }),
    people: () => ({ q: '王' }),
    // the target's record as it is: written again, nothing changes
    savePerson: (f) => ({ memberId: f.target._id, name: f.target.name, staffNo: f.target.staffNo ?? '', post: f.target.post ?? '' }),
    // dated in a closed quarter: refused for what it is, by those the table allows
    change: (f) => ({ memberId: f.target._id, on: `${new Date().getFullYear() - 1}-03-15`, reason: '访问权限测试', post: '二级主办' }),
    // taking back a status nobody recorded: refused for what it is, by those the table allows
    yearStatus: (f) => ({ memberId: f.target._id, year: 2031, kind: 'none', note: '访问权限测试' }),
    leave: (f) => ({ memberId: f.target._id, on: `${new Date().getFullYear() - 1}-03-15`, reason: '访问权限测试' }),
    unbind: (f) => ({ memberId: f.unboundMemberId, reason: '访问权限测试' }),
    signOut: () => ({}),
  },
  imports: {
    template: () => ({ kind: 'sections' }),
    preview: () => ({ kind: 'people', fileId: 'cloud://yardstick-local.bucket/imports/NOBODY/none.xlsx' }),
    commit: () => ({ planId: 'NOPLAN' }),
    export: () => ({ kind: 'sections' }),
  },
  park: {
    status: () => ({}),
    // no set-up code in the test cloud's park function: refused as not open, for everyone the table lets through
    setup: () => ({ code: 'access-test-code-0000', parkName: '访问测试园区', adminName: '访问测试' }),
    saveSettings: () => ({ parkName: '吉州工业园区', headScoring: 'overseeing' }),
    sectionsAdmin: () => ({}),
    saveSection: (f) => {
      const s = t.cloud.store.peek('sections', f.sectionId) as { name: string; code?: string | null; leaderId?: string | null };
      return { id: f.sectionId, name: s.name, code: s.code ?? '', leaderId: s.leaderId ?? null };
    },
    orderSections: () => ({
      ids: (t.cloud.store.find('sections') as unknown as { _id: string; order: number; active?: boolean }[])
        .filter((x) => x.active !== false)
        .sort((a, b) => a.order - b.order)
        .map((x) => x._id),
    }),
    retireSection: (f) => ({ id: f.sectionId, reason: '访问权限测试', restore: true }),
    enterprisesAdmin: () => ({ q: '电' }),
    saveEnterprise: (f) => {
      const e = t.cloud.store.peek('enterprises', f.enterpriseId) as {
        name: string;
        creditCode: string;
        industry: string;
        aboveScale: boolean;
        liaisonId?: string | null;
        code?: string | null;
      };
      return {
        id: f.enterpriseId,
        name: e.name,
        creditCode: e.creditCode,
        industry: e.industry,
        aboveScale: e.aboveScale,
        liaisonId: e.liaisonId ?? null,
        code: e.code ?? '',
      };
    },
    retireEnterprise: (f) => ({ id: f.enterpriseId, reason: '访问权限测试', restore: true }),
    sections: () => ({}),
    searchEnterprises: () => ({ q: '电' }),
    calendar: () => ({ year: 2026 }),
    saveCalendar: () => ({ year: 2031, offDays: ['2031-01-01'], makeUpDays: [] }),
  },
  projects: {
    list: () => ({ filter: 'lagging' }),
    get: (f) => ({ projectId: f.project._id }),
    // another project: the fixture's is the target's own, and reach's answer depends on who owns it
    claim: (f) => ({ projectId: f.spareProjectId, claim: true }),
    reach: (f) => ({
      projectId: f.project._id,
      key: f.project.milestones.find((m) => m.actual === null)?.key ?? 'production',
      actual: dayOf(Date.now()),
    }),
    correct: (f) => ({ projectId: f.project._id, key: f.project.milestones[0]?.key ?? 'signing', actual: null, reason: '访问权限测试' }),
    // the plan as it is: refused for nobody but those without the role
    plan: (f) => ({ projectId: f.project._id, milestones: f.project.milestones.map((m) => ({ key: m.key, name: m.name, planned: m.planned })) }),
    create: (f) => ({ name: '访问权限测试项目', enterpriseId: f.enterpriseId }),
    // restoring a project that was not stopped: CONFLICT for the admin, refused by role for everyone else
    retire: (f) => ({ projectId: f.spareProjectId, reason: '访问权限测试', restore: true }),
    dashboard: () => ({}),
    settings: () => ({}),
    saveSettings: () => ({ landingBaselineDays: 540 }),
  },
  dossier: {
    mine: () => ({}),
    recordVisit: (f) => ({ enterpriseId: f.enterpriseId, date: dayOf(Date.now()), note: '了解企业用工需求' }),
    record: () => ({ kind: 'achievement', date: dayOf(Date.now()), note: '完成园区招商材料汇编' }),
    summary: () => ({}),
    saveSummary: () => ({ text: '本季度完成企业走访与项目推进工作，按期报送材料。' }),
    reports: () => ({}),
    visitCode: (f) => ({ reportId: f.visitReportId }),
    visit: (f) => ({ code: f.visitCode }),
    confirmVisit: (f) => ({ code: f.visitCode, confirm: true }),
    settings: () => ({}),
    saveSettings: () => ({ countUnconfirmedVisits: true }),
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
    // the park's goals as they are: saved unchanged by those the table lets through
    saveGroup: () => ({
      level: 'goal',
      nodes: (t.cloud.store.find('treeNodes', { level: 'goal' }) as unknown as TreeNodeDoc[])
        .sort((a, b) => a.order - b.order)
        .map((n) => ({ nodeId: n._id, indicatorId: null, label: n.label, parentId: null, weight: n.weight, target: null })),
    }),
    checklist: (f) => ({ memberId: f.target._id }),
  },
  applications: {
    apply: () => APPLY_SAMPLE,
    list: () => ({ scope: 'review' }),
    review: (f, who) => ({ applicationId: f.applicationOf[who], decision: 'reject', reason: '访问权限测试' }),
  },
  assessment: {
    evaluateStaff: (f) => ({ memberId: f.target._id, score: 88 }),
    myEvaluations: () => ({}),
    evaluateSection: (f) => ({ sectionId: f.sectionId, score: 90 }),
    draw: () => ({ pool: 'member', count: 2 }),
    draws: () => ({}),
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
    submit: (f, who) => ({ campaignId: f.campaignId, ratings: ballotFor(f, who), receipt: newReceipt() }),
    turnout: (f) => ({ campaignId: f.campaignId }),
    results: (f) => ({ campaignId: f.campaignId }),
    checkReceipt: (f) => ({ campaignId: f.campaignId, receipt: 'AAAA-BBBB-CCCC' }),
  },
  appeals: {
    file: () => ({ category: 'policy', text: '访问权限测试：政策咨询' }),
    mine: () => ({}),
    inbox: (f) => ({ sectionId: f.sectionId }),
    get: (f) => ({ appealId: f.appeal._id }),
    accept: (f) => ({ appealId: f.appeal._id }),
    progress: (f) => ({ appealId: f.appeal._id, note: '正在对接人社部门' }),
    resolve: (f) => ({ appealId: f.appeal._id, note: '已对接劳务公司' }),
    confirm: (f) => ({ appealId: f.appeal._id }),
    reopen: (f) => ({ appealId: f.appeal._id, note: '问题没有解决' }),
    rate: (f) => ({ appealId: f.appeal._id, level: 4 }),
    callBack: (f) => ({ appealId: f.appeal._id, note: '已电话回访' }),
    rectify: (f) => ({ appealId: f.appeal._id, note: '已整改' }),
    contest: (f) => ({ appealId: f.appeal._id, note: '企业误评' }),
    decide: (f) => ({ appealId: f.appeal._id, upheld: true, note: '维持' }),
    // to the cadre who has it already: refused as a conflict, so the appeal stays the target's for the others
    reassign: (f) => ({ appealId: f.appeal._id, memberId: f.target._id }),
    dashboard: () => ({}),
  },
  annual: {
    formula: () => ({ year: 2031 }),
    saveFormula: () => ({ ...formulaFields(2031), year: 2031, reason: '访问权限测试' }),
    compute: () => ({ year: 2031 }),
    status: () => ({ year: 2031 }),
    ranking: () => ({ year: 2031 }),
    explain: (f) => ({ year: 2031, memberId: f.target._id }),
    adjust: (f) => ({ year: 2031, memberId: f.target._id, grade: 'competent', reason: '访问权限测试' }),
    confirm: () => ({ year: 2031 }),
    publish: () => ({ year: 2031 }),
    notify: () => ({ year: 2031 }),
    acknowledge: () => ({ year: 2031 }),
    requestReview: () => ({ year: 2031, reason: '访问权限测试' }),
    answerReview: (f) => ({ year: 2031, memberId: f.target._id, grade: 'competent', note: '访问权限测试' }),
    export: () => ({ year: 2031, kind: 'cadres' }),
  },
  audit: {
    log: () => ({}),
    verify: () => ({}),
  },
  cards: {
    proposals: () => ({}),
    issue: () => ({ key: 'quarter_2031Q1_M999', reason: '访问权限测试' }),
    withhold: () => ({ key: 'quarter_2031Q1_M999', reason: '访问权限测试' }),
    lift: () => ({ key: 'quarter_2031Q1_M999', reason: '访问权限测试' }),
    cards: (f) => ({ memberId: f.target._id }),
  },
  feedback: {
    draft: (f) => ({ memberId: f.target._id, periodId: '2031Q1' }),
    send: (f) => ({ memberId: f.target._id, periodId: '2031Q1', wentWell: [], lags: [], plan: ['访问权限测试'] }),
    reports: (f) => ({ memberId: f.target._id }),
    acknowledge: () => ({ reportId: '2031Q1_M999' }),
    recordTalk: () => ({ reportId: '2031Q1_M999', date: '2031-01-05', notes: '访问权限测试', plan: '访问权限测试', followUpOn: '2031-02-05' }),
    bulletinDraft: () => ({ periodId: '2031Q1' }),
    publishBulletin: () => ({ periodId: '2031Q1', title: '访问权限测试通报', paragraphs: ['访问权限测试'] }),
    bulletins: () => ({}),
  },
  reminders: {
    subscribe: () => ({ answers: { todo: 'accept' } }),
    mine: () => ({}),
    runs: () => ({}),
    run: () => ({}),
  },
  pay: {
    settings: () => ({ year: 2031 }),
    saveSettings: () => {
      const { year: _y, ...fields } = defaultPaySettings(2031);
      return { ...fields, year: 2031, reason: '访问权限测试' };
    },
    simulate: () => ({ year: 2031 }),
    release: () => ({ year: 2031, reason: '访问权限测试' }),
    mine: () => ({ year: 2031 }),
    export: () => ({ year: 2031 }),
  },
  ratings: {
    create: () => ({ title: '访问权限测试', year: 2026, share: 0.2, closesOn: dayOf(Date.now() + 20 * 86_400_000) }),
    draw: (f) => ({ campaignId: f.ratingCampaignId }),
    // closing the open campaign would end the rating for the rest: close answers the same refusal for a draft
    close: (f) => ({ campaignId: f.ratingCampaignId.replace(/.$/, 'x') }),
    list: () => ({}),
    get: (f) => ({ campaignId: f.ratingCampaignId }),
    codes: (f) => ({ campaignId: f.ratingCampaignId }),
    form: (f) => ({ code: f.ratingCodes[0] ?? '' }),
    submit: (f, who) => ({
      code: f.ratingCodes[WHO.indexOf(who) % f.ratingCodes.length] ?? '',
      dimensions: { efficiency: 5, policy: 4, support: 4, conduct: 5 },
    }),
    results: (f) => ({ campaignId: f.ratingCampaignId }),
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
      case 'project':
        // the project's owners (the target claimed the fixture's) and the admin
        return me.roles.includes('admin') || me._id === f.target._id;
      case 'appeal': {
        // whose the appeal is decides; where it stands (a conflict) does not make a call forbidden
        const v = { memberId: me._id, roles: me.roles, sectionId: me.sectionId, enterpriseId: me.enterpriseId };
        if (!mayView(f.appeal, v)) return false;
        return action === 'get' || actionProblem(f.appeal, v, action as AppealAction)?.code !== 'FORBIDDEN';
      }
    }
  })();
  void fn;
  return ok ? 'allowed' : 'FORBIDDEN';
}

let t: TestCloud;
let f: Fixture;

beforeAll(async () => {
  t = await startTestCloud();
  f = await accessFixture(t);
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
      // signing out unbinds the caller: the binding is put back for the actions after this one
      const bindings = fn === 'members' && action === 'signOut' ? t.cloud.store.find('bindings') : [];
      const r = await t.call(token, fn, action as never, sample(f, who));
      for (const b of bindings as { _id: string; memberId: string }[]) {
        if (t.cloud.store.peek('bindings', b._id)) continue;
        const m = t.cloud.store.peek('members', b.memberId) ?? {};
        t.cloud.store.applyWrites([
          { coll: 'bindings', id: b._id, doc: b },
          { coll: 'members', id: b.memberId, doc: { ...m, _id: b.memberId, bound: true } },
        ]);
      }
      const want = expected(fn, action, rule, who, f);
      const code = String(r.code);
      const got = want === 'allowed' ? (['FORBIDDEN', 'UNBOUND', 'INTERNAL'].includes(code) ? code : 'allowed') : code;
      if (got !== want) mismatches.push(`${who}: expected ${want}, got ${code}${r.code !== 0 ? ` (${r.message})` : ''}`);
    }
    expect(mismatches).toEqual([]);
  });
});
