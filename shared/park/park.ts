/** The park's directory: sections (股室), enterprises, the working-day calendars. Key projects: shared/projects. */

/** `park/park` — the park's own record, written once by the first set-up (park.setup). */
export interface ParkDoc {
  _id: string;
  /** Shown in the app's titles: 吉州工业园区. */
  name: string;
  setupAt: number;
  /** The first administrator. */
  setupBy: string;
  settings: ParkSettings;
  updatedAt?: number;
}

/**
 * The statuses of a person's year that may leave them without a grade (《公务员考核规定》 and common practice): a new
 * recruit in the probation year, sick or personal leave of more than half the year, an investigation not closed.
 * Which of them do is the park's setting; the rule itself is shared/annual/eligibility.ts.
 */
export const YEAR_STATUSES = ['probation', 'leave', 'investigation'] as const;
export type YearStatusKind = (typeof YEAR_STATUSES)[number];
export type NoGradeRules = Record<YearStatusKind, boolean>;
export const DEFAULT_NO_GRADE: NoGradeRules = { probation: true, leave: true, investigation: true };

/** The park's settings that are not one area's (each area keeps its own in `settings/{area}`). */
export interface ParkSettings {
  /**
   * Who scores a section head (考人 of 股室负责人): only the leader who oversees the section (分管领导), or any
   * leader. A section with no overseeing leader set is scored by any leader either way.
   */
  headScoring: 'overseeing' | 'anyLeader';
  /** Which recorded statuses of a person's year leave them without a grade (shared/annual/eligibility.ts). */
  noGrade?: NoGradeRules;
}

export const DEFAULT_PARK_SETTINGS: ParkSettings = { headScoring: 'overseeing', noGrade: DEFAULT_NO_GRADE };

export const PARK_DOC_ID = 'park';

/** `sections/{id}` — a section (股室) of the administrative committee. */
export interface SectionDoc {
  _id: string;
  name: string;
  order: number;
  /** The office's own code for it (编号), when it has one: the import's key before the name. */
  code?: string | null;
  /** The leader who oversees it (分管领导). */
  leaderId?: string | null;
  /** Retired (撤销): kept for the history that points at it. Absent means active. */
  active?: boolean;
}

/** Records with no `active` field predate retiring: they are active. */
export const isActive = (r: { active?: boolean }): boolean => r.active !== false;

/** `enterprises/{id}` */
export interface EnterpriseDoc {
  _id: string;
  name: string;
  /** Above-scale industrial enterprise (规上工业企业): the pool the satisfaction sample is drawn from. */
  aboveScale: boolean;
  industry: string;
  /** The liaison cadre (包联干部) the enterprise's appeals go to; absent or null: the admin assigns each appeal. */
  liaisonId?: string | null;
  /** 统一社会信用代码, checked with its check character (credit-code.ts): the import's key. */
  creditCode?: string | null;
  /** The office's own number for it (编号), when it has one. */
  code?: string | null;
  /** Retired (moved away, closed): kept for the appeals and ratings that point at it. Absent means active. */
  active?: boolean;
}

/** `calendars/{year}`: a year's holidays and make-up working days as the admin entered them (shared/common/workdays.ts). */
export interface CalendarDoc {
  _id: string;
  year: number;
  offDays: string[];
  makeUpDays: string[];
  updatedAt: number;
  updatedBy: string;
}
