/**
 * Who may call what: one table, action → roles → scope. The router enforces it before any handler runs, the
 * client reads it to show or hide entries, and a test generated from it calls every action as every kind of
 * identity and expects exactly the table's answer (tests/cloudfunctions/access.test.ts).
 *
 * roles: 'anyone' — any WeChat identity, bound or not; 'bound' — any active bound person; or a list of roles.
 * scope: whose records the action reaches, beyond the caller's role —
 *   'self'      the caller's own records, or the park's common data;
 *   'member'    `input.memberId` (the caller when omitted): oneself; a section head their section's people;
 *               leaders and the admin anyone (`mayViewMember`, shared/members/scope.ts);
 *   'section'   `input.sectionId` (the caller's when omitted): a section head only their own section; leaders
 *               and the admin any (`sectionInView`, shared/members/scope.ts);
 *   'evaluatee' `input.memberId` is someone the caller evaluates (考人: `staffEvaluationProblem`,
 *               shared/assessment/evaluations.ts);
 *   'roll'      decided by the campaign's voter roll (shared/votes/campaign.ts): checked by the handler, which
 *               must load the campaign anyway;
 *   'stage'     decided by where an application stands (shared/applications/review.ts): checked by the handler;
 *   'appeal'    decided by the appeal: its enterprise, its assignee, the assignee's section head, leaders, the
 *               admin (shared/appeals/appeal.ts: mayView, actionProblem): checked by the handler;
 *   'project'   decided by the project's owners (those who claimed it) or the admin (cloudfunctions/projects,
 *               mayReach): checked by the handler, which loads the claims anyway.
 */
import type { ActionName, FnName } from './contracts';
import type { Role } from './members/contract';

export type Audience = 'anyone' | 'bound' | readonly Role[];
export type Scope = 'self' | 'member' | 'section' | 'evaluatee' | 'roll' | 'stage' | 'appeal' | 'project';
export interface AccessRule {
  roles: Audience;
  scope: Scope;
}

const staff = ['cadre', 'sectionHead', 'leader', 'admin'] as const;

export const ACCESS = {
  members: {
    me: { roles: 'bound', scope: 'self' },
    bind: { roles: 'anyone', scope: 'self' },
    issueInvite: { roles: ['admin'], scope: 'self' },
    roster: { roles: ['admin'], scope: 'self' },
    addContact: { roles: ['admin'], scope: 'self' },
    people: { roles: ['admin'], scope: 'self' },
    savePerson: { roles: ['admin'], scope: 'self' },
    change: { roles: ['admin'], scope: 'self' },
    yearStatus: { roles: ['admin'], scope: 'self' },
    leave: { roles: ['admin'], scope: 'self' },
    unbind: { roles: ['admin'], scope: 'self' },
    signOut: { roles: 'bound', scope: 'self' },
  },
  park: {
    // the first screen, before anyone is bound; set-up checks the deployer's code itself
    status: { roles: 'anyone', scope: 'self' },
    setup: { roles: 'anyone', scope: 'self' },
    saveSettings: { roles: ['admin'], scope: 'self' },
    sectionsAdmin: { roles: ['admin'], scope: 'self' },
    saveSection: { roles: ['admin'], scope: 'self' },
    orderSections: { roles: ['admin'], scope: 'self' },
    retireSection: { roles: ['admin'], scope: 'self' },
    enterprisesAdmin: { roles: ['admin'], scope: 'self' },
    saveEnterprise: { roles: ['admin'], scope: 'self' },
    retireEnterprise: { roles: ['admin'], scope: 'self' },
    sections: { roles: ['sectionHead', 'leader', 'admin'], scope: 'self' },
    searchEnterprises: { roles: staff, scope: 'self' },
    calendar: { roles: staff, scope: 'self' },
    saveCalendar: { roles: ['admin'], scope: 'self' },
  },
  imports: {
    template: { roles: ['admin'], scope: 'self' },
    preview: { roles: ['admin'], scope: 'self' },
    commit: { roles: ['admin'], scope: 'self' },
    export: { roles: ['admin'], scope: 'self' },
  },
  projects: {
    list: { roles: staff, scope: 'self' },
    get: { roles: staff, scope: 'self' },
    claim: { roles: ['cadre'], scope: 'self' },
    // an owner (who claimed the project) or the admin: the handler checks the project's claims
    reach: { roles: ['cadre', 'admin'], scope: 'project' },
    plan: { roles: ['admin'], scope: 'self' },
    correct: { roles: ['admin'], scope: 'self' },
    create: { roles: ['admin'], scope: 'self' },
    retire: { roles: ['admin'], scope: 'self' },
    dashboard: { roles: ['leader', 'admin'], scope: 'self' },
    settings: { roles: staff, scope: 'self' },
    saveSettings: { roles: ['admin'], scope: 'self' },
  },
  dossier: {
    mine: { roles: ['cadre'], scope: 'self' },
    recordVisit: { roles: ['cadre'], scope: 'self' },
    record: { roles: ['cadre'], scope: 'self' },
    summary: { roles: ['cadre'], scope: 'self' },
    saveSummary: { roles: ['cadre'], scope: 'self' },
    reports: { roles: ['cadre'], scope: 'self' },
    sectionStaff: { roles: ['sectionHead', 'leader', 'admin'], scope: 'section' },
    // the cadre's own visit; the contact of the visited enterprise (the handler checks the code's enterprise)
    visitCode: { roles: ['cadre'], scope: 'self' },
    visit: { roles: ['enterprise'], scope: 'self' },
    confirmVisit: { roles: ['enterprise'], scope: 'self' },
    settings: { roles: staff, scope: 'self' },
    saveSettings: { roles: ['admin'], scope: 'self' },
  },
  indicators: {
    // the park's internal indicator system: staff only, not enterprise contacts
    library: { roles: staff, scope: 'self' },
    save: { roles: ['admin'], scope: 'self' },
    history: { roles: staff, scope: 'self' },
    tree: { roles: ['sectionHead', 'leader', 'admin'], scope: 'section' },
    saveWeights: { roles: ['admin'], scope: 'self' },
    saveGroup: { roles: ['admin'], scope: 'self' },
    checklist: { roles: staff, scope: 'member' },
  },
  applications: {
    apply: { roles: ['cadre'], scope: 'self' },
    list: { roles: 'bound', scope: 'self' },
    review: { roles: ['sectionHead', 'admin'], scope: 'stage' },
  },
  assessment: {
    evaluateStaff: { roles: ['sectionHead', 'leader'], scope: 'evaluatee' },
    myEvaluations: { roles: ['sectionHead', 'leader'], scope: 'self' },
    evaluateSection: { roles: ['leader'], scope: 'self' },
    draw: { roles: ['leader', 'admin'], scope: 'self' },
    draws: { roles: ['leader', 'admin'], scope: 'self' },
    spotCheck: { roles: ['leader', 'admin'], scope: 'self' },
    status: { roles: ['admin'], scope: 'self' },
    openPeriod: { roles: ['admin'], scope: 'self' },
    close: { roles: ['admin'], scope: 'self' },
    result: { roles: staff, scope: 'member' },
    ranking: { roles: ['leader', 'admin'], scope: 'self' },
    correct: { roles: ['admin'], scope: 'member' },
  },
  votes: {
    list: { roles: 'bound', scope: 'self' },
    get: { roles: 'bound', scope: 'roll' },
    create: { roles: ['admin'], scope: 'self' },
    open: { roles: ['admin'], scope: 'self' },
    close: { roles: ['admin'], scope: 'self' },
    qrcode: { roles: ['admin'], scope: 'self' },
    ballot: { roles: 'bound', scope: 'roll' },
    // whoever the roll names: the handler reads the binding and the roll entry, not the member (someone who left is
    // struck off every open roll when they leave: members.leave)
    submit: { roles: 'anyone', scope: 'roll' },
    turnout: { roles: ['admin'], scope: 'self' },
    results: { roles: ['leader', 'admin'], scope: 'self' },
    checkReceipt: { roles: 'bound', scope: 'roll' },
  },
  appeals: {
    file: { roles: ['enterprise'], scope: 'self' },
    mine: { roles: ['enterprise'], scope: 'self' },
    inbox: { roles: ['cadre', 'sectionHead', 'leader', 'admin'], scope: 'section' },
    get: { roles: 'bound', scope: 'appeal' },
    accept: { roles: ['cadre'], scope: 'appeal' },
    progress: { roles: ['cadre'], scope: 'appeal' },
    resolve: { roles: ['cadre'], scope: 'appeal' },
    confirm: { roles: ['enterprise'], scope: 'appeal' },
    reopen: { roles: ['enterprise'], scope: 'appeal' },
    rate: { roles: ['enterprise'], scope: 'appeal' },
    callBack: { roles: ['cadre'], scope: 'appeal' },
    rectify: { roles: ['cadre'], scope: 'appeal' },
    contest: { roles: ['cadre'], scope: 'appeal' },
    decide: { roles: ['admin'], scope: 'appeal' },
    reassign: { roles: ['admin'], scope: 'appeal' },
    dashboard: { roles: ['leader', 'admin'], scope: 'self' },
  },
  ratings: {
    create: { roles: ['admin'], scope: 'self' },
    draw: { roles: ['admin'], scope: 'self' },
    close: { roles: ['admin'], scope: 'self' },
    list: { roles: ['leader', 'admin'], scope: 'self' },
    get: { roles: ['leader', 'admin'], scope: 'self' },
    codes: { roles: ['admin'], scope: 'self' },
    // whoever holds a code: the enterprise's person who scanned it need not be bound (the code is the credential)
    form: { roles: 'anyone', scope: 'self' },
    submit: { roles: 'anyone', scope: 'self' },
    results: { roles: ['leader', 'admin'], scope: 'self' },
  },
  annual: {
    formula: { roles: staff, scope: 'self' },
    saveFormula: { roles: ['admin'], scope: 'self' },
    compute: { roles: ['admin'], scope: 'self' },
    status: { roles: ['leader', 'admin'], scope: 'self' },
    ranking: { roles: ['leader', 'admin'], scope: 'self' },
    // oneself, a section head their section's people, leaders and the admin; before 公示 only leaders and the admin
    explain: { roles: staff, scope: 'member' },
    // the leadership settles the grades; the admin runs the course
    adjust: { roles: ['leader', 'admin'], scope: 'self' },
    confirm: { roles: ['leader', 'admin'], scope: 'self' },
    publish: { roles: ['admin'], scope: 'self' },
    notify: { roles: ['admin'], scope: 'self' },
    acknowledge: { roles: ['cadre'], scope: 'self' },
    requestReview: { roles: ['cadre'], scope: 'self' },
    answerReview: { roles: ['admin'], scope: 'self' },
    export: { roles: ['leader', 'admin'], scope: 'self' },
  },
  // the trail names who changed grades, cards and pay: the admin's to read and check
  audit: {
    log: { roles: ['admin'], scope: 'self' },
    verify: { roles: ['admin'], scope: 'self' },
  },
  // the rules propose, the leadership decides; a cadre sees their own, a section head their section's
  cards: {
    proposals: { roles: ['leader', 'admin'], scope: 'self' },
    issue: { roles: ['leader'], scope: 'self' },
    withhold: { roles: ['leader'], scope: 'self' },
    lift: { roles: ['leader'], scope: 'self' },
    cards: { roles: staff, scope: 'member' },
  },
  // pay is the person's own and the leadership's: nobody reads another's but those entitled (shared/pay/pay.ts)
  pay: {
    settings: { roles: ['leader', 'admin'], scope: 'self' },
    saveSettings: { roles: ['admin'], scope: 'self' },
    simulate: { roles: ['leader', 'admin'], scope: 'self' },
    release: { roles: ['admin'], scope: 'self' },
    mine: { roles: staff, scope: 'self' },
    export: { roles: ['leader', 'admin'], scope: 'self' },
  },
  // a cadre's section head or a leader writes to them; the cadre reads and acknowledges
  feedback: {
    draft: { roles: ['sectionHead', 'leader'], scope: 'member' },
    send: { roles: ['sectionHead', 'leader'], scope: 'member' },
    reports: { roles: staff, scope: 'member' },
    acknowledge: { roles: staff, scope: 'self' },
    recordTalk: { roles: ['sectionHead', 'leader'], scope: 'self' },
    bulletinDraft: { roles: ['leader', 'admin'], scope: 'self' },
    publishBulletin: { roles: ['leader', 'admin'], scope: 'self' },
    bulletins: { roles: staff, scope: 'self' },
  },
  // one's own subscriptions; the admin watches the timed runs (and may run today's at once)
  reminders: {
    subscribe: { roles: staff, scope: 'self' },
    mine: { roles: staff, scope: 'self' },
    runs: { roles: ['admin'], scope: 'self' },
    run: { roles: ['admin'], scope: 'self' },
  },
} as const satisfies { [F in FnName]: { [A in ActionName<F>]: AccessRule } };

export type AccessTable = typeof ACCESS;

export function accessOf<F extends FnName>(fn: F, action: ActionName<F>): AccessRule {
  return (ACCESS[fn] as Record<string, AccessRule>)[action] as AccessRule;
}

/** Whether a person holding `roles` passes the table's role check for an action (scope aside). */
export function rolesAllow(rule: AccessRule, roles: readonly Role[] | null): boolean {
  if (rule.roles === 'anyone') return true;
  if (roles === null) return false;
  if (rule.roles === 'bound') return true;
  return roles.some((r) => (rule.roles as readonly Role[]).includes(r));
}

/** For the client: may this person open the entry that calls `fn.action`? (Scope is checked when it is called.) */
export function canCall<F extends FnName>(roles: readonly Role[], fn: F, action: ActionName<F>): boolean {
  return rolesAllow(accessOf(fn, action), roles);
}
