/**
 * Numbers with names (STYLE §6). Every figure the product uses lives here once; tests import these instead of
 * repeating literals. Later they move into the `settings` collection where the admin can change them.
 */
export const LIMITS = {
  /** A work-report note, in characters. */
  reportNoteMax: 500,
  /** Photos attached to one work report. */
  photosPerReport: 3,
  /** One photo, in bytes. Refused on the device before upload and again by the storage gateway. */
  photoMaxBytes: 5 * 1024 * 1024,
  /** Page size for lists; well under the cloud database's 100-records-per-get default. */
  pageSize: 20,
  /** Enterprise search results shown in the picker. */
  searchResults: 20,
} as const;

export const INVITE = {
  /** Days an invite code stays valid. */
  ttlDays: 7,
  /** Letters of an invite code. Fits the 32-character `scene` of a mini-program code. */
  length: 8,
  /** No 0/O, 1/I/L: people type these codes off a screen. */
  alphabet: 'ABCDEFGHJKMNPQRSTUVWXYZ23456789',
} as const;

/**
 * Default quarterly dossier targets (绩效档案), from the report: "完成30家企业走访、推进5个重点项目进展达速、
 * 协调解决企业诉求10条".
 */
export const DEFAULT_QUARTER_TARGETS = {
  enterprise_visit: 30,
  project_milestone: 5,
  appeal_resolved: 10,
} as const;

/** Transactions that conflict are retried by us: wx-server-sdk rewrites the conflict code and never retries. */
export const TX_RETRY = {
  attempts: 8,
  baseDelayMs: 25,
  /** No single wait longer than this: all attempts together stay well inside a 10 s function timeout. */
  maxDelayMs: 800,
} as const;

/**
 * Writes one call of a long job makes: at a basic plan's ~30 database requests a second, 150 writes take about 5 s,
 * well inside a function's timeout. The job is resumable and the client calls again until nothing is left.
 */
export const BATCH = {
  checklistsPerCall: 150,
} as const;
