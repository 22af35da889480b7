/** The dossier's named numbers. */
/**
 * Default quarterly dossier targets (绩效档案), from the report: "完成30家企业走访、推进5个重点项目进展达速、
 * 协调解决企业诉求10条".
 */
export const DEFAULT_QUARTER_TARGETS = {
  enterprise_visit: 30,
  project_milestone: 5,
  appeal_resolved: 10,
} as const;

/** Visits the enterprise confirms (走访确认). */
export const VISITS = {
  /**
   * Days a visit's confirmation code can be scanned: the contact scans it during the visit, or soon after from a
   * picture the cadre sends; the cadre can show a fresh one while the quarter is open.
   */
  codeValidDays: 7,
  noteMax: 200,
} as const;
