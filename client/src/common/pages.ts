/**
 * Every page's URL, by domain area — the area folder is the subpackage (app.config.ts), named as in shared/<area>
 * and cloudfunctions/<area>. Pages link to each other only through these.
 */

function query(q: Record<string, string | undefined>): string {
  const parts = Object.entries(q).flatMap(([k, v]) => (v ? [`${k}=${encodeURIComponent(v)}`] : []));
  return parts.length ? `?${parts.join('&')}` : '';
}

export const PAGES = {
  // main package
  index: '/pages/index/index',
  login: '/pages/login/index',
  bind: '/pages/bind/index',
  members: {
    /** The admin's home: the roster and invite codes. */
    invites: '/members/invites/index',
    /** The enterprise contact's home. */
    enterprise: '/members/enterprise/index',
    /** The admin's roster (人员): search, add, correct, record who left, unbind a lost phone, issue an invite. */
    people: '/members/people/index',
  },
  park: {
    /** The working-day calendar (节假日设置): admin edits, staff read. */
    calendar: '/park/calendar/index',
    /** The admin's directory hub (园区名录): sections, people, enterprises, Excel, settings. */
    directory: '/park/directory/index',
    /** The admin's sections (股室): add, edit, order, retire. */
    sections: '/park/sections/index',
    /** The admin's enterprise directory (企业名录): add, edit, retire. */
    enterprises: '/park/enterprises/index',
    /** The park's name and settings (园区设置). */
    settings: '/park/settings/index',
  },
  imports: {
    /** Excel 导入导出: templates, a file previewed then confirmed, exports. */
    index: '/imports/index',
  },
  projects: {
    /** Key projects: all, the caller's own, or those lagging in the caller's view. */
    list: (filter?: 'lagging') => `/projects/list/index${query({ filter })}`,
    detail: (id: string) => `/projects/detail/index${query({ id })}`,
  },
  dossier: {
    /** A cadre's home: their dossier. */
    mine: '/dossier/mine/index',
    /** A section's staff and their progress: a section head's home (`own`), a leader's. */
    staff: (own = false) => `/dossier/staff/index${own ? '?own=1' : ''}`,
    record: (kind?: string) => `/dossier/record/index${query({ kind })}`,
    summary: '/dossier/summary/index',
    /** A visit's one-time confirmation code, shown on the cadre's phone. */
    visitCode: (reportId: string) => `/dossier/visit-code/index${query({ reportId })}`,
    /** The enterprise contact confirms a visit: opened by its code's scene (v=<code>), or typed. */
    confirm: '/dossier/confirm/index',
    /** The admin's dossier settings (档案设置). */
    settings: '/dossier/settings/index',
  },
  indicators: {
    checklist: (memberId?: string) => `/indicators/checklist/index${query({ memberId })}`,
    library: '/indicators/library/index',
    tree: '/indicators/tree/index',
  },
  applications: {
    apply: '/applications/apply/index',
    review: '/applications/review/index',
  },
  assessment: {
    result: (memberId?: string, periodId?: string) => `/assessment/result/index${query({ memberId, periodId })}`,
    staff: '/assessment/staff/index',
    evaluateStaff: (memberId: string) => `/assessment/evaluate-staff/index${query({ memberId })}`,
    evaluateSection: '/assessment/evaluate-section/index',
    ranking: (periodId?: string) => `/assessment/ranking/index${query({ periodId })}`,
    spot: '/assessment/spot/index',
    period: '/assessment/period/index',
  },
  votes: {
    list: '/votes/list/index',
    ballot: (id: string) => `/votes/ballot/index${query({ campaignId: id })}`,
    manage: (id: string) => `/votes/manage/index${query({ campaignId: id })}`,
    create: '/votes/create/index',
    results: (id: string) => `/votes/results/index${query({ campaignId: id })}`,
    receipt: (id: string) => `/votes/receipt/index${query({ campaignId: id })}`,
  },
  appeals: {
    /** An enterprise contact files an appeal (企业诉求). */
    file: '/appeals/file/index',
    /** The enterprise's own appeals (`mine`) or the park side's (`inbox`). */
    list: (who: 'mine' | 'inbox') => `/appeals/list/index${query({ who })}`,
    detail: (id: string) => `/appeals/detail/index${query({ id })}`,
    /** Leaders' figures by month (园区看板): appeals and key projects. */
    dashboard: '/appeals/dashboard/index',
  },
  annual: {
    /** Leaders' ranking of the year (干部 and 股室). */
    ranking: (year?: number) => `/annual/ranking/index${query({ year: year ? String(year) : undefined })}`,
    /** One cadre's annual result explained (one's own without memberId). */
    result: (memberId?: string, year?: number) => `/annual/result/index${query({ memberId, year: year ? String(year) : undefined })}`,
    /** The admin's year: formula, compute, confirm, 公示, notice. */
    manage: '/annual/manage/index',
  },
  cards: {
    /** The leadership's red and yellow cards: proposals to decide, cards in force to lift. */
    manage: '/cards/manage/index',
    /** A cadre's cards (one's own without memberId). */
    mine: (memberId?: string) => `/cards/mine/index${query({ memberId })}`,
  },
  feedback: {
    /** A cadre's feedback report for a quarter, written by their section head or a leader. */
    write: (memberId: string, periodId?: string) => `/feedback/write/index${query({ memberId, periodId })}`,
    /** One's own feedback reports. */
    mine: '/feedback/mine/index',
    /** The park's quarterly bulletins (通报). */
    bulletins: '/feedback/bulletins/index',
  },
  pay: {
    /** The year's pay settings, the simulator, the release (leaders see, the admin decides). */
    simulate: '/pay/simulate/index',
    /** One's own pay of a year. */
    mine: '/pay/mine/index',
  },
  reminders: {
    /** One's subscriptions to reminders (消息提醒) and the reminders sent lately. */
    settings: '/reminders/settings/index',
    /** The H5 demo's 服务通知: the messages the local cloud delivered to the signed-in person. */
    outbox: '/reminders/outbox/index',
    /** The admin's view of the timed runs. */
    runs: '/reminders/runs/index',
  },
  audit: {
    /** The admin's audit trail and its check. */
    log: '/audit/log/index',
  },
  ratings: {
    /** An enterprise rates the park's service (企业评): opened by scanning its code (`scene` r=<code>) or with `code`. */
    rate: (code?: string) => `/ratings/rate/index${query({ code })}`,
    /** The satisfaction campaigns: the admin creates, draws and closes them; leaders see the list and the results. */
    manage: '/ratings/manage/index',
    print: (id: string) => `/ratings/print/index${query({ campaignId: id })}`,
    results: (id: string) => `/ratings/results/index${query({ campaignId: id })}`,
  },
};
