/**
 * Red and yellow cards (红黄牌): the rules that propose them from the records, and what lifts each. A leader issues
 * or withholds every proposal with a reason (cloudfunctions/cards); the cadre sees the card, why, and what lifts it;
 * the history stays. An unlifted red card can veto 优秀 (the annual formula's `vetoes.redCardBarsExcellent`).
 *
 *   key task lagging   a milestone of a key project the cadre owns is past its planned date, not reached → yellow,
 *                      to each owner; lifted once the milestone is reached;
 *   overdue appeal     an enterprise appeal assigned to the cadre is past a deadline (accept, resolve, call-back,
 *                      rectification) → yellow; lifted once it is past none;
 *   较差 quarter       a closed quarter graded 较差 → red; lifted by a later closed quarter graded 一般 or better;
 *   repeated yellow    a yellow card issued while another of the cadre's is still in force → red; lifted once
 *                      both yellows are lifted.
 *
 * Pure: the function loads the records, calls these, and stores what the leader decides.
 */
import type { QuarterGrade } from '../assessment/contract';
import { quarterLabel, type DayString } from '../common/time';
import { milestoneState, type Milestone } from '../projects/milestone';

export type CardColor = 'yellow' | 'red';
export type CardRule = 'project' | 'appeal' | 'quarter' | 'repeat';

export const CARD_COLOR_LABELS: Record<CardColor, string> = { yellow: '黄牌', red: '红牌' };
export const CARD_RULE_LABELS: Record<CardRule, string> = {
  project: '重点任务滞后',
  appeal: '企业诉求超期',
  quarter: '季度考核较差',
  repeat: '再次黄牌',
};

/** A card the rules propose: its key names what it is about, so the same fact is proposed (and decided) once. */
export interface CardProposal {
  key: string;
  rule: CardRule;
  color: CardColor;
  memberId: string;
  /** Why, naming the item. */
  why: string;
  /** What lifts it, in words the cadre reads. */
  liftWhen: string;
}

export interface CardRecords {
  /** The key projects and who owns (claimed) each. */
  projects: { id: string; name: string; milestones: Milestone[]; owners: string[] }[];
  /** Appeals assigned to someone, with what is overdue on them now (shared/appeals/appeal.ts overdue). */
  appeals: { id: string; enterpriseName: string; assigneeId: string; overdue: string[] }[];
  /** Closed quarters' grades per cadre. */
  quarters: { periodId: string; memberId: string; grade: QuarterGrade }[];
  /** The cards issued so far (issued or lifted), for the repeated yellow and for what lifts. */
  cards: { key: string; rule: CardRule; color: CardColor; memberId: string; status: 'issued' | 'lifted'; issuedAt: number }[];
}

const LIFT_WHEN: Record<CardRule, string> = {
  project: '该节点完成（填报实际完成日期）后，由领导解除',
  appeal: '该诉求不再超期（按时限受理、办结、回访、整改）后，由领导解除',
  quarter: '此后一个季度考核达到“一般”及以上后，由领导解除',
  repeat: '两张黄牌均解除后，由领导解除',
};

export const projectKey = (projectId: string, milestoneKey: string, memberId: string) => `project_${projectId}_${milestoneKey}_${memberId}`;
export const appealKey = (appealId: string, memberId: string) => `appeal_${appealId}_${memberId}`;
export const quarterKey = (periodId: string, memberId: string) => `quarter_${periodId}_${memberId}`;
export const repeatKey = (memberId: string, yellowKey: string) => `repeat_${memberId}_${yellowKey}`;

const OVERDUE_TEXT: Record<string, string> = { accept: '受理', resolve: '办结', callBack: '回访', rectify: '整改' };

/** Every card the records call for today, in a stable order (by key). */
export function proposeCards(r: CardRecords, today: DayString): CardProposal[] {
  const out: CardProposal[] = [];
  for (const p of r.projects)
    for (const m of p.milestones) {
      const s = milestoneState(m, today);
      if (s.state !== 'lagging') continue;
      for (const memberId of p.owners)
        out.push({
          key: projectKey(p.id, m.key, memberId),
          rule: 'project',
          color: 'yellow',
          memberId,
          why: `重点项目“${p.name}”的“${m.name}”节点计划${m.planned ?? ''}完成，已滞后${s.days}天`,
          liftWhen: LIFT_WHEN.project,
        });
    }
  for (const a of r.appeals)
    if (a.overdue.length > 0)
      out.push({
        key: appealKey(a.id, a.assigneeId),
        rule: 'appeal',
        color: 'yellow',
        memberId: a.assigneeId,
        why: `${a.enterpriseName}的诉求超期未${a.overdue.map((k) => OVERDUE_TEXT[k] ?? k).join('、')}`,
        liftWhen: LIFT_WHEN.appeal,
      });
  for (const q of r.quarters)
    if (q.grade === 'poor')
      out.push({
        key: quarterKey(q.periodId, q.memberId),
        rule: 'quarter',
        color: 'red',
        memberId: q.memberId,
        why: `${quarterLabel(q.periodId)}考核等次为“较差”`,
        liftWhen: LIFT_WHEN.quarter,
      });
  // a yellow issued while an earlier one of the same cadre is still in force
  const yellows = r.cards.filter((c) => c.color === 'yellow').sort((a, b) => a.issuedAt - b.issuedAt);
  for (const c of yellows) {
    const earlier = yellows.find((e) => e.memberId === c.memberId && e.key !== c.key && e.issuedAt <= c.issuedAt && e.status === 'issued');
    if (earlier && c.status === 'issued')
      out.push({
        key: repeatKey(c.memberId, c.key),
        rule: 'repeat',
        color: 'red',
        memberId: c.memberId,
        why: `已有黄牌未解除，又被发放黄牌`,
        liftWhen: LIFT_WHEN.repeat,
      });
  }
  return out.sort((a, b) => (a.key < b.key ? -1 : 1));
}

const GRADE_ORDER: QuarterGrade[] = ['good', 'fair', 'average', 'poor'];

/**
 * Whether what lifts a card has happened: its key decoded against today's records. A card about something the
 * records no longer hold (a project removed) may be lifted.
 */
export function liftMet(card: { key: string; rule: CardRule; memberId: string }, r: CardRecords, today: DayString): boolean {
  switch (card.rule) {
    case 'project': {
      for (const p of r.projects)
        for (const m of p.milestones) if (card.key === projectKey(p.id, m.key, card.memberId)) return milestoneState(m, today).state !== 'lagging';
      return true;
    }
    case 'appeal': {
      const a = r.appeals.find((x) => card.key === appealKey(x.id, card.memberId));
      return !a || a.overdue.length === 0;
    }
    case 'quarter': {
      const periodId = card.key.slice('quarter_'.length, 'quarter_'.length + 6);
      return r.quarters.some(
        (q) => q.memberId === card.memberId && q.periodId > periodId && GRADE_ORDER.indexOf(q.grade) <= GRADE_ORDER.indexOf('average'),
      );
    }
    case 'repeat': {
      const yellowKey = card.key.slice(`repeat_${card.memberId}_`.length);
      const yellow = r.cards.find((c) => c.key === yellowKey);
      const others = r.cards.filter((c) => c.color === 'yellow' && c.memberId === card.memberId && c.issuedAt <= (yellow?.issuedAt ?? 0));
      return others.every((c) => c.status === 'lifted');
    }
  }
}

/**
 * The annual veto: a red card in force (issued, not lifted) when the year is computed, issued by the year's end
 * (`until`) — a card of the next year does not reach back.
 */
export function hasRedInForce(
  cards: { color: CardColor; status: string; memberId: string; decidedAt: number }[],
  memberId: string,
  until: number,
): boolean {
  return cards.some((c) => c.memberId === memberId && c.color === 'red' && c.status === 'issued' && c.decidedAt <= until);
}
