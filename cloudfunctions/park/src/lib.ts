/** What several of the park actions share. */

/** `claims/{projectId}_{memberId}`: a cadre follows (认领) a key project. */
export interface ClaimDoc {
  _id: string;
  projectId: string;
  memberId: string;
  at: number;
}
