/**
 * The reminder rules: what is due for whom and when, and what may be sent — never more than a person accepted,
 * never the same item twice, the most urgent first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { keywordValueProblem } from '../../../localcloud/src/subscribe';
import { parkInstant } from '../../../shared/common/time';
import { dueReminders, inSendingHours, planSends, REMINDERS, type ReminderFacts, type Subscriber } from '../../../shared/reminders/rules';
import { fitKeyword, TEMPLATE_KEYS, TEMPLATES } from '../../../shared/reminders/templates';

const HOUR = 3600_000;
const facts = (f: Partial<ReminderFacts>): ReminderFacts => ({
  quarters: [{ id: '2026Q4', status: 'open' }],
  dossiers: [],
  evaluations: [],
  ballots: [],
  feedback: [],
  ...f,
});
const sub = (memberId: string, credits: Subscriber['credits'], sent: string[] = []): Subscriber => ({
  memberId,
  openid: `o_${memberId}`,
  credits,
  accepted: {},
  sent: new Set(sent),
});

describe('what is due', () => {
  const dossiers = [
    { memberId: 'A', periodId: '2026Q4', percent: 60, summaryDone: true },
    { memberId: 'B', periodId: '2026Q4', percent: 100, summaryDone: false },
    { memberId: 'C', periodId: '2026Q4', percent: 100, summaryDone: true },
  ];

  it('a dossier from seven days before its quarter ends, while short of its targets or its summary', () => {
    // 12-24 23:59 is seven days before 12-31 23:59
    expect(dueReminders(facts({ dossiers }), parkInstant('2026-12-24', '23:58'))).toEqual([]);
    const due = dueReminders(facts({ dossiers }), parkInstant('2026-12-25', '10:00'));
    expect(due.map((d) => d.memberId)).toEqual(['A', 'B']);
    expect(due[0]?.data).toEqual({ thing1: '2026年第四季度绩效档案', time2: '2026年12月31日 23:59', thing3: '目标完成60%，请抓紧推进' });
    expect(due[1]?.data.thing3).toBe('季度小结未填写，目标完成100%');
    // past the quarter, or in a quarter being closed, no dossier reminder
    expect(dueReminders(facts({ dossiers }), parkInstant('2027-01-02', '10:00'))).toEqual([]);
    expect(dueReminders(facts({ dossiers, quarters: [{ id: '2026Q4', status: 'closing' }] }), parkInstant('2026-12-28', '10:00'))).toEqual([]);
  });

  it('evaluations in the quarter’s last days, and after them while it stays open', () => {
    const evaluations = [
      { evaluatorId: 'H', periodId: '2026Q4', kind: 'staff' as const, missing: 3 },
      { evaluatorId: 'L', periodId: '2026Q4', kind: 'section' as const, missing: 0 },
    ];
    const late = dueReminders(facts({ evaluations }), parkInstant('2027-01-03', '10:00'));
    expect(late.map((d) => [d.memberId, d.key, d.page])).toEqual([['H', 'evaluation_staff_2026Q4', 'assessment/staff/index']]);
    expect(late[0]?.data.thing3).toBe('季度已结束，还有3项未评，请尽快完成');
    expect(dueReminders(facts({ evaluations }), parkInstant('2026-12-10', '10:00'))).toEqual([]);
  });

  it('a ballot within 48 hours of its close, never one closed on command or already closed', () => {
    const closes = parkInstant('2026-12-30', '18:00');
    const ballots = [
      { memberId: 'A', campaignId: 'V1', title: '2026年度干部互评', closesAt: closes },
      { memberId: 'B', campaignId: 'V2', title: '班子测评', closesAt: null },
    ];
    expect(dueReminders(facts({ ballots }), closes - REMINDERS.ballotHoursBeforeClose * HOUR - 60_000)).toEqual([]);
    const due = dueReminders(facts({ ballots }), closes - 47 * HOUR);
    expect(due.map((d) => [d.memberId, d.template, d.page])).toEqual([['A', 'vote', 'votes/ballot/index?campaignId=V1']]);
    expect(due[0]?.data.time2).toBe('2026年12月30日 18:00');
    expect(dueReminders(facts({ ballots }), closes)).toEqual([]);
  });

  it('feedback two days after it was sent, until acknowledged', () => {
    const sentAt = parkInstant('2026-10-10', '15:00');
    const feedback = [{ memberId: 'A', reportId: '2026Q3_A', periodId: '2026Q3', sentAt }];
    expect(dueReminders(facts({ feedback }), sentAt + 47 * HOUR)).toEqual([]);
    const due = dueReminders(facts({ feedback }), sentAt + 48 * HOUR);
    expect(due[0]?.data).toEqual({ thing1: '2026年第三季度绩效反馈报告', phrase2: '待确认', time3: '2026年10月10日 15:00' });
  });

  it('a talk’s follow-up to its recorder, from the day before until two weeks after, unless a talk followed it', () => {
    const followUps = [
      { recorderId: 'H', memberId: 'A', memberName: '张明', reportId: '2026Q3_A', periodId: '2026Q3', followUpOn: '2026-11-20', done: false },
      { recorderId: 'H', memberId: 'B', memberName: '李华', reportId: '2026Q3_B', periodId: '2026Q3', followUpOn: '2026-11-20', done: true },
    ];
    expect(dueReminders(facts({ followUps }), parkInstant('2026-11-18', '10:00'))).toEqual([]);
    const due = dueReminders(facts({ followUps }), parkInstant('2026-11-19', '10:00'));
    expect(due.map((d) => [d.memberId, d.kind, d.key, d.page])).toEqual([
      ['H', 'followUp', 'followUp_2026Q3_A_2026-11-20', 'feedback/write/index?memberId=A&periodId=2026Q3'],
    ]);
    expect(due[0]?.data).toEqual({ thing1: '与张明的谈心谈话回访', time2: '2026年11月20日 18:00', thing3: '请按约定回访，并记录谈话情况' });
    expect(dueReminders(facts({ followUps }), parkInstant('2026-12-04', '10:00'))).toHaveLength(1);
    expect(dueReminders(facts({ followUps }), parkInstant('2026-12-05', '10:00'))).toEqual([]);
  });

  it('next year’s holiday arrangement to each 组织员 from December, once, until it is entered', () => {
    const calendar = { nextYear: 2027, entered: false, adminIds: ['M002', 'M099'] };
    expect(dueReminders(facts({ calendar }), parkInstant('2026-11-30', '10:00'))).toEqual([]);
    const due = dueReminders(facts({ calendar }), parkInstant('2026-12-01', '10:00'));
    expect(due.map((d) => [d.memberId, d.kind, d.key, d.page])).toEqual([
      ['M002', 'calendar', 'calendar_2027', 'park/calendar/index'],
      ['M099', 'calendar', 'calendar_2027', 'park/calendar/index'],
    ]);
    expect(due[0]?.data.thing1).toBe('录入2027年节假日安排');
    expect(dueReminders(facts({ calendar: { ...calendar, entered: true } }), parkInstant('2026-12-01', '10:00'))).toEqual([]);
  });

  it('in office hours only, park time', () => {
    expect(inSendingHours(parkInstant('2026-12-28', '08:59'))).toBe(false);
    expect(inSendingHours(parkInstant('2026-12-28', '09:00'))).toBe(true);
    expect(inSendingHours(parkInstant('2026-12-28', '19:59'))).toBe(true);
    expect(inSendingHours(parkInstant('2026-12-28', '20:00'))).toBe(false);
  });
});

describe('what may be sent', () => {
  const now = parkInstant('2026-12-29', '10:00');
  const due = dueReminders(
    facts({
      dossiers: [{ memberId: 'A', periodId: '2026Q4', percent: 10, summaryDone: false }],
      evaluations: [{ evaluatorId: 'A', periodId: '2026Q4', kind: 'staff', missing: 2 }],
      ballots: [{ memberId: 'A', campaignId: 'V1', title: '干部互评', closesAt: now + 5 * HOUR }],
    }),
    now,
  );

  it('one message per acceptance, one per template a run, the most urgent first', () => {
    // the ballot closes first; dossier and evaluation share the todo template and the quarter's end
    const plan = planSends(due, [sub('A', { todo: 5, vote: 1 })]);
    expect(plan.sends.map((s) => s.reminder.key)).toEqual(['ballot_V1', 'dossier_2026Q4']);
    expect(plan).toMatchObject({ deferred: 1, waiting: 0, alreadySent: 0 });
  });

  it('nothing without an acceptance, nothing sent before', () => {
    expect(planSends(due, [])).toMatchObject({ sends: [], waiting: 3 });
    expect(planSends(due, [sub('A', { todo: 0, vote: 0 })])).toMatchObject({ sends: [], waiting: 3 });
    const plan = planSends(due, [sub('A', { todo: 1, vote: 1 }, ['ballot_V1', 'dossier_2026Q4'])]);
    expect(plan.sends.map((s) => s.reminder.key)).toEqual(['evaluation_staff_2026Q4']);
    expect(plan.alreadySent).toBe(2);
  });

  it('at most REMINDERS.perPersonPerWeek a person in seven days, all templates together: the rest wait', () => {
    expect(REMINDERS.perPersonPerWeek).toBe(3);
    // two sent this week already: only the most urgent one goes
    const plan = planSends(due, [{ ...sub('A', { todo: 5, vote: 1 }), sentWeek: 2 }]);
    expect(plan.sends.map((s) => s.reminder.key)).toEqual(['ballot_V1']);
    expect(plan.deferred).toBe(2);
    expect(planSends(due, [{ ...sub('A', { todo: 5, vote: 1 }), sentWeek: 3 }]).sends).toEqual([]);
  });

  it('one per template a day: a run that ran again after stopping short sends no second of the same template', () => {
    const plan = planSends(due, [{ ...sub('A', { todo: 5, vote: 1 }), sentToday: { todo: 1 } }]);
    expect(plan.sends.map((s) => s.reminder.key)).toEqual(['ballot_V1']);
    expect(plan.deferred).toBe(2);
  });

  it('a person bound on two phones is reminded on the one that subscribed, once', () => {
    const other = { ...sub('A', { vote: 1 }), openid: 'o_A2' };
    const plan = planSends(due, [sub('A', {}), other]);
    expect(plan.sends.map((s) => [s.openid, s.reminder.key])).toEqual([['o_A2', 'ballot_V1']]);
  });

  it('a long-term template carries as many as it is accepted for, one a run', () => {
    const longTerm = { ...TEMPLATES.todo, longTerm: true };
    const saved = TEMPLATES.todo;
    TEMPLATES.todo = longTerm;
    try {
      const s = { ...sub('A', {}), accepted: { todo: true } };
      expect(planSends(due, [s]).sends.map((x) => x.reminder.key)).toEqual(['dossier_2026Q4']);
      expect(planSends(due, [{ ...s, accepted: { todo: false } }]).sends).toEqual([]);
    } finally {
      TEMPLATES.todo = saved;
    }
  });
});

describe('keyword values', () => {
  it('are fitted to their type, and what is fitted the platform accepts', () => {
    const long = '园区东区砂石码头项目二期工程建设进度明显滞后于计划';
    const fitted = fitKeyword('thing1', long);
    expect([...fitted]).toHaveLength(20);
    expect(fitted.endsWith('…')).toBe(true);
    expect(keywordValueProblem('thing1', fitted)).toBeNull();
    expect(keywordValueProblem('thing1', long)).toBe('data.thing1.value invalid');
    expect(fitKeyword('phrase2', '待 确认 OK')).toBe('待确认');
    expect(keywordValueProblem('phrase2', '待确认')).toBeNull();
    expect(keywordValueProblem('phrase2', '已经确认完毕')).toBe('data.phrase2.value invalid');
    expect(keywordValueProblem('phrase2', 'ok')).toBe('data.phrase2.value invalid');
    expect(keywordValueProblem('time2', '2026年12月31日 23:59')).toBeNull();
    expect(keywordValueProblem('time2', '季度末')).toBe('data.time2.value invalid');
    expect(keywordValueProblem('thing3', '')).toBe('data.thing3.value is empty');
    expect(keywordValueProblem('character_string1', 'A-123_x')).toBeNull();
    expect(keywordValueProblem('character_string1', '中文')).toBe('data.character_string1.value invalid');
    expect(keywordValueProblem('amount1', '¥1200.50')).toBeNull();
  });
});

describe('the templates', () => {
  it('are the ones the local cloud (the console) knows', () => {
    const file = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'cloudfunctions', 'subscribe-templates.json'), 'utf8')) as unknown;
    const ours = Object.fromEntries(
      TEMPLATE_KEYS.map((k) => [TEMPLATES[k].id, { title: TEMPLATES[k].title, keywords: TEMPLATES[k].keywords, longTerm: TEMPLATES[k].longTerm }]),
    );
    expect(file).toEqual(ours);
  });
});
