/** Collection names, in one place. */
export const COLL = {
  members: 'members',
  bindings: 'bindings',
  invites: 'invites',
  sections: 'sections',
  enterprises: 'enterprises',
  projects: 'projects',
  indicators: 'indicators',
  periods: 'periods',
  dossiers: 'dossiers',
  reports: 'reports',
  appeals: 'appeals',
  voteCampaigns: 'voteCampaigns',
  voteRolls: 'voteRolls',
  voteBallots: 'voteBallots',
  voteResults: 'voteResults',
} as const;
