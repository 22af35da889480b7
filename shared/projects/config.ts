/** The key-project rules' settings (STYLE: every number a setting, with why). */
export const PROJECTS = {
  /**
   * The landing cycle (落地周期, signing to production) the park measured before the reform, in days: what "项目落地周期
   * 缩短20%" is measured against. The admin sets the park's own figure (settings/projects); this is the default.
   */
  landingBaselineDays: 540,
  /** Milestones one project may carry: the six standard ones and a few the project needs besides. */
  milestonesMax: 12,
  milestoneNameMax: 12,
  /** Cadres who may claim (认领) one project: its owners, each of whom the on-time milestones count for. */
  ownersMax: 10,
  /** Changes kept in a project's log (plans, actual dates): far above a real project's. */
  logMax: 200,
  noteMax: 200,
} as const;

/**
 * The standard milestones of a key project, in order. The first (signing) and the last (production) are fixed: the
 * landing cycle runs from one to the other. Those in between can be renamed, dropped or added to per project.
 */
export const STANDARD_MILESTONES = [
  { key: 'signing', name: '签约' },
  { key: 'land', name: '供地' },
  { key: 'permits', name: '施工许可' },
  { key: 'construction', name: '开工建设' },
  { key: 'trial', name: '试生产' },
  { key: 'production', name: '投产' },
] as const;

export const FIRST_MILESTONE = 'signing';
export const LAST_MILESTONE = 'production';
