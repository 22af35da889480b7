/** The decomposition tree's numbers (指标分解): what a weight group adds up to, and how much one save may hold. */
export const TREE = {
  /** Every weight group (park goals, a section's, a post's, a cadre's own) adds up to this. */
  groupTotal: 100,
  /** Nodes one group may hold (indicators.saveGroup sends a whole group at once). */
  groupMaxNodes: 30,
  /** The largest personal target a node may set (an indicator's unit: 家, 个, 天, %…). */
  targetMax: 1_000_000,
  /** How many children a refusal to remove a node names before it says 等. */
  childrenNamed: 3,
} as const;
