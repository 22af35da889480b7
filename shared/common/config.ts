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
/** Transactions that conflict are retried by us: wx-server-sdk rewrites the conflict code and never retries. */
export const TX_RETRY = {
  attempts: 8,
  baseDelayMs: 25,
  /** No single wait longer than this: all attempts together stay well inside a 10 s function timeout. */
  maxDelayMs: 800,
} as const;

/** Bulk writes in one call go this many at a time (server/common/paced.ts); the basic plan answers 30 a second. */
export const PACE = {
  writesAtOnce: 25,
} as const;

/**
 * A database request refused for load is tried again inside the function (server/common/load-retry.ts), patiently:
 * a call that gives up throws away the requests it already made, and at the peak that waste is what starves the
 * rest. At most 0.2 + 0.4 + 0.8 + 8 × 1 s ≈ 9.4 s of waiting: inside the functions' 10–30 s timeouts (a 5 s one
 * times out first under such load, and the phone tries the timeout again).
 */
export const DB_LOAD_RETRY = {
  tries: 12,
  baseDelayMs: 100,
  maxDelayMs: 1000,
} as const;
