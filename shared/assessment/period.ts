/** `periods/{id}` — a quarter, open for reporting until closed ('closing' while the close is being written). */
export interface PeriodDoc {
  _id: string;
  status: 'open' | 'closing' | 'closed';
  closedAt?: number;
  closedBy?: string;
}
