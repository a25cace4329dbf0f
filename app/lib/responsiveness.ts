/** How an organisation answers interest, as the server counts it and its profile card shows it. */
export type Responsiveness = {
  /** Interests other organisations started with this one in the last 12 months. */
  interestsReceived: number
  /** Of those, how many it answered (a message or a step). */
  interestsAnswered: number
  /** answered / received, 0–1; null without interests. */
  answeredShare: number | null
  /** Median hours from interest to first answer, over answered interests; null without any. */
  medianFirstReplyHours: number | null
  /** Completed cooperations (ever), by cooperation type. */
  completedByType: Record<string, number>
}
