import { RECEIPT_TAKEN, submitDecision } from '../../../shared/votes/receipt';

const open = { voted: false, closed: false };

describe('a ballot sent under a receipt the phone made', () => {
  it('is cast when the voter has not voted and the receipt is free', () => {
    expect(submitDecision(open, null, 'V1')).toEqual({ kind: 'cast' });
  });
  it('is the first one again when the voter has voted and the box holds this campaign’s ballot under it', () => {
    expect(submitDecision({ voted: true, closed: false }, { campaignId: 'V1' }, 'V1')).toEqual({ kind: 'replay' });
    // after the close marks unvoted entries, a voted entry is still voted: the replay still answers
    expect(submitDecision({ voted: true, closed: true }, { campaignId: 'V1' }, 'V1')).toEqual({ kind: 'replay' });
  });
  it('is refused when the voter voted under another receipt, or the receipt is another campaign’s', () => {
    expect(submitDecision({ voted: true, closed: false }, null, 'V1')).toMatchObject({ kind: 'refuse', code: 'CONFLICT' });
    expect(submitDecision({ voted: true, closed: false }, { campaignId: 'V2' }, 'V1')).toMatchObject({ kind: 'refuse', code: 'CONFLICT' });
  });
  it('is refused for someone off the roll, after the close, and under a receipt already in the box', () => {
    expect(submitDecision(null, null, 'V1')).toMatchObject({ kind: 'refuse', code: 'FORBIDDEN' });
    expect(submitDecision({ voted: false, closed: true }, null, 'V1')).toMatchObject({ kind: 'refuse', code: 'CLOSED' });
    expect(submitDecision(open, { campaignId: 'V1' }, 'V1')).toEqual({ kind: 'refuse', code: 'CONFLICT', message: RECEIPT_TAKEN });
  });
});
