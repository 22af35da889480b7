/**
 * The park's quarterly bulletin (绩效考核情况通报), drafted from the closed quarter's results: how many were assessed
 * and how the grades fell, the cadres graded 好 by name (a commendation), the sections ranked first, the key projects
 * lagging by name, appeals overdue and cards issued by count. Leaders edit and publish it; every member of staff
 * reads it.
 *
 * What it never names: anyone graded below 好, or who holds a card — those are each cadre's own, in their report.
 * Counts are park-wide only, never by section, so that a small section's count does not point at a person.
 *
 * Pure: the function loads the quarter's records and calls draftBulletin.
 */
import type { QuarterGrade } from '../assessment/contract';
import { quarterLabel } from '../common/time';

export interface BulletinRecords {
  periodId: string;
  grades: Record<QuarterGrade, number>;
  /** The cadres graded 好, in rank order. */
  good: string[];
  /** The sections in rank order of their 考事 score. */
  sections: string[];
  lagging: { project: string; milestone: string; days: number }[];
  appealsOverdue: number;
  cards: { red: number; yellow: number };
}

export interface BulletinDraft {
  title: string;
  paragraphs: string[];
}

export function draftBulletin(r: BulletinRecords): BulletinDraft {
  const g = r.grades;
  const total = g.good + g.fair + g.average + g.poor;
  const paragraphs = [
    `一、总体情况。本季度参加考核${total}人，其中“好”${g.good}人、“较好”${g.fair}人、“一般”${g.average}人、“较差”${g.poor}人。`,
    r.good.length > 0 ? `二、表扬。以下同志本季度考核为“好”，予以表扬：${r.good.join('、')}。` : '二、表扬。本季度无考核为“好”的同志。',
    r.sections.length > 0 ? `三、股室。考事得分排名前列的股室：${r.sections.slice(0, 3).join('、')}。` : '三、股室。本季度无股室考事结果。',
    r.lagging.length > 0
      ? `四、重点项目。以下项目进度滞后，请责任干部倒排工期、加快推进：${r.lagging.map((l) => `“${l.project}”（“${l.milestone}”节点滞后${l.days}天）`).join('；')}。`
      : '四、重点项目。本季度重点项目均按计划推进。',
    `五、企业诉求与红黄牌。目前超期未办结的企业诉求${r.appealsOverdue}件；本季度发放红牌${r.cards.red}张、黄牌${r.cards.yellow}张。`,
  ];
  return { title: `${quarterLabel(r.periodId)}绩效考核情况通报`, paragraphs };
}
