/** What an approved application (干部申报) becomes, by default: a 个性 indicator scored in proportion to its target. */
export const APPROVAL = {
  class: 'personal',
  group: '干部申报',
  direction: 'higher',
  /** Quantitative items score actual ÷ target × 100, capped at 100; qualitative ones are graded A–D. */
  rule: { type: 'proportional', cap: 100 },
  /** The indicator's id: this prefix, then the application's own id without its `APP-`. */
  indicatorIdPrefix: 'IND-APP-',
} as const;
