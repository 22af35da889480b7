/** The appeal rules' settings (STYLE: every number a setting, with why). */
export const APPEALS = {
  /** The liaison cadre accepts by the end of the next working day ("a specialist on it the next day"). */
  acceptWithinWorkdays: 1,
  /** Resolved within this many working days of filing, else flagged overdue (超期未办结) to the section head and leaders. */
  resolveWithinWorkdays: 10,
  /** A bad rating (the last two of the five levels) opens a follow-up: a call-back within this many working days … */
  callBackWithinWorkdays: 1,
  /** … and the rectification (整改) within this many. */
  rectifyWithinWorkdays: 15,
  /** What one appeal's text and notes may hold. */
  textMax: 500,
  noteMax: 300,
  photosMax: 6,
  /** Events kept on one appeal (accept, progress, resolve, reopen, …): far above any real appeal's. */
  eventsMax: 60,
  /** Times an appeal can be reopened before it must go to the admin. */
  reopensMax: 3,
} as const;
