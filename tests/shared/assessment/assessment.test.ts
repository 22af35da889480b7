describe('quarter results are stored a section to a document', () => {
  it('packs each section with its cadres, and says how many were ranked', async () => {
    const { assessPeriod, packResults } = await import('../../../shared/assessment/assessment');
    const member = (memberId: string, sectionId: string) => ({
      memberId,
      name: memberId,
      sectionId,
      items: [],
      inputs: { progress: {}, actuals: {}, grades: {} },
      staffEvaluation: 80,
      deductions: 0,
    });
    const r = assessPeriod(
      [member('a', 'S1'), member('b', 'S1'), member('c', 'S2')],
      [
        { sectionId: 'S1', name: '一', leaderScores: [90], deductions: 0 },
        { sectionId: 'S2', name: '二', leaderScores: [80], deductions: 0 },
      ],
    );
    const docs = packResults('2026Q4', r);
    expect(docs.map((d) => [d._id, d.members.map((m) => m.memberId).sort(), d.section?.sectionId, d.of])).toEqual([
      ['2026Q4_S1', ['a', 'b'], 'S1', 3],
      ['2026Q4_S2', ['c'], 'S2', 3],
    ]);
  });
});
