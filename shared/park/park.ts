/** The park's directory: sections (股室), enterprises, the working-day calendars. Key projects: shared/projects. */

/** `sections/{id}` — a section (股室) of the administrative committee. */
export interface SectionDoc {
  _id: string;
  name: string;
  order: number;
}

/** `enterprises/{id}` */
export interface EnterpriseDoc {
  _id: string;
  name: string;
  /** Above-scale industrial enterprise (规上工业企业): the pool the satisfaction sample is drawn from. */
  aboveScale: boolean;
  industry: string;
  /** The liaison cadre (包联干部) the enterprise's appeals go to; absent or null: the admin assigns each appeal. */
  liaisonId?: string | null;
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
