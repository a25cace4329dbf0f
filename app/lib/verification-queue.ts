/** The verification queue's filters and URL settings, shared by the page and the domain. */
export const QUEUE_FILTERS = ['open', 'pending', 'unverified', 'rejected', 'flagged', 'no_evidence'] as const
export type QueueFilter = (typeof QUEUE_FILTERS)[number]
export const QUEUE_PER_PAGE = 20

export type QueueQuery = { filter: QueueFilter; q: string; page: number }

export function parseQueueQuery(params: URLSearchParams): QueueQuery {
  const filter = params.get('filter')
  const page = Number(params.get('page'))
  return {
    filter: QUEUE_FILTERS.find((f) => f === filter) ?? 'open',
    q: (params.get('q') ?? '').trim().slice(0, 80),
    page: Number.isSafeInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  }
}
