/** The quarterly assessment's named numbers. */
/**
 * Writes one call of a long job makes: at a basic plan's ~30 database requests a second, 150 writes take about 5 s,
 * well inside a function's timeout. The job is resumable and the client calls again until nothing is left.
 */
export const BATCH = {
  checklistsPerCall: 150,
} as const;
/** `quarterResults/{periodId}_{memberId}` and `sectionResults/{periodId}_{sectionId}` are written at close. */
export const MAX_DEDUCTION = 20;
