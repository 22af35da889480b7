/** The feedback report's draft from the records: what went well, what lags naming the item, a plan for each lag. */
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
