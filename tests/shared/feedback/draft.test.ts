/** The feedback report's draft from the records: what went well, what lags naming the item, a plan for each lag. */
import { draftBulletin, type BulletinRecords } from '../../../shared/feedback/bulletin';
import { draftFeedback, type FeedbackRecords } from '../../../shared/feedback/draft';

const none: FeedbackRecords = { quarter: null, projects: [], appeals: { resolved: 0, overdue: [] }, cards: [] };

describe('the feedback draft', () => {
  it('names the project behind schedule, with a plan to catch up', () => {
    const d = draftFeedback({ ...none, projects: [{ name: '砂石码头', onTime: ['签约'], lagging: [{ milestone: '开工', days: 12 }] }] });
    expect(d.wentWell).toEqual(['重点项目“砂石码头”的“签约”节点按期完成']);
    expect(d.lags).toEqual(['重点项目“砂石码头”的“开工”节点滞后12天']);
    expect(d.plan).toEqual(['倒排“砂石码头”项目工期，查明“开工”滞后原因，明确完成时限并每周报告进展']);
  });

  it('sorts the quarter’s items: 95 and above went well, below 80 or not entered lags; a 一般 quarter lags', () => {
    const d = draftFeedback({
      ...none,
      quarter: {
        score: 72.5,
        rank: 60,
        of: 74,
        grade: 'average',
        items: [
          { name: '走访企业', score: 100, why: '完成20家' },
          { name: '招商引资', score: 85, why: '完成85%' },
          { name: '协调解决企业诉求', score: 60, why: '完成6件，目标10件' },
          { name: '安全生产', score: null, why: '' },
        ],
      },
    });
    expect(d.wentWell).toEqual(['“走访企业”完成良好（100分）']);
    expect(d.lags).toEqual([
      '本季度考核得分72.5分，排名第60/74名，等次“一般”',
      '“协调解决企业诉求”得分60分：完成6件，目标10件',
      '“安全生产”本季度未填报完成情况',
    ]);
    expect(d.plan).toHaveLength(2);
  });

  it('counts appeals resolved, names those overdue and the cards in force, and without lags keeps up the pace', () => {
    const d = draftFeedback({
      ...none,
      appeals: { resolved: 4, overdue: ['吉安某电子'] },
      cards: [{ color: 'yellow', why: '吉安某电子的诉求超期未办结', liftWhen: '该诉求不再超期后，由领导解除' }],
    });
    expect(d.wentWell).toEqual(['办结企业诉求4件']);
    expect(d.lags).toEqual(['企业诉求超期1件（吉安某电子）', '黄牌未解除：吉安某电子的诉求超期未办结']);
    expect(d.plan).toEqual(['限期办结超期诉求，按时限受理、回访，办结后请企业确认', '对照解除条件整改：该诉求不再超期后，由领导解除']);
    expect(draftFeedback(none).plan).toEqual(['保持现有工作节奏，巩固优势，争先创优']);
  });
});

describe('the quarterly bulletin', () => {
  const r: BulletinRecords = {
    periodId: '2026Q3',
    grades: { good: 2, fair: 5, average: 3, poor: 1 },
    good: ['胡广初', '宋博华'],
    sections: ['招商一部', '企业服务中心', '规划建设部', '财政金融部'],
    lagging: [{ project: '砂石码头', milestone: '开工', days: 12 }],
    appealsOverdue: 3,
    cards: { red: 1, yellow: 2 },
  };

  it('counts the grades, commends those graded 好 by name, names the lagging projects, and counts the rest', () => {
    const b = draftBulletin(r);
    expect(b.title).toBe('2026年第三季度绩效考核情况通报');
    // 2 + 5 + 3 + 1 = 11 assessed
    expect(b.paragraphs[0]).toBe('一、总体情况。本季度参加考核11人，其中“好”2人、“较好”5人、“一般”3人、“较差”1人。');
    expect(b.paragraphs[1]).toBe('二、表扬。以下同志本季度考核为“好”，予以表扬：胡广初、宋博华。');
    expect(b.paragraphs[2]).toBe('三、股室。考事得分排名前列的股室：招商一部、企业服务中心、规划建设部。');
    expect(b.paragraphs[3]).toBe('四、重点项目。以下项目进度滞后，请责任干部倒排工期、加快推进：“砂石码头”（“开工”节点滞后12天）。');
    expect(b.paragraphs[4]).toBe('五、企业诉求与红黄牌。目前超期未办结的企业诉求3件；本季度发放红牌1张、黄牌2张。');
  });

  it('names nobody graded below 好 and nobody holding a card', () => {
    const text = draftBulletin({ ...r, good: [] }).paragraphs.join('');
    expect(text).toContain('本季度无考核为“好”的同志');
    expect(text).not.toMatch(/胡广初|宋博华/);
  });
});
