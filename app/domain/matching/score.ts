/**
 * Scores a pair of parties from the explainable features, from each side, and keeps the reasons.
 * Pure: the server gathers the facts (`Party`), this decides the numbers.
 */
import type { MessageKey } from '~/lib/i18n'
import {
  clusterOverlap,
  congestion,
  distanceFit,
  majorsFit,
  quotaGap,
  regionalPriority,
  responsivenessFit,
  textFit,
  twoSided,
  verificationFit,
  windowOverlap,
  type Responsiveness,
  type Term,
} from './features'

export type QuotaFacts = {
  indicator: 'internship_post_ratio' | 'teacher_practice_ratio'
  base: number | null
  threshold: number
  published: number
}

export type Party = {
  organisationId: number
  organisationKind: string
  type: string
  clusters: readonly string[]
  majors: readonly string[]
  terms: readonly Term[]
  cityCode: string
  window: { startsOn: string; endsOn: string } | null
  capacity: number
  openMatches: number
  verification: string
  responsiveness?: Responsiveness
  /** Only for enterprises, for the quota of the type at hand. */
  quota: QuotaFacts | null
}

export type Reason = { key: MessageKey; vars: Record<string, string | number>; weight: number }

/** Relative importance of each feature; a feature that does not apply to the pair is left out. */
export const WEIGHTS = {
  cluster: 3,
  majors: 3,
  text: 2,
  distance: 1.5,
  window: 1.5,
  congestion: 1,
  verification: 1,
  responsiveness: 1,
  quota: 2,
  region: 0.5,
} as const
type Feature = keyof typeof WEIGHTS

type Contribution = { feature: Feature; score: number; reason: Omit<Reason, 'weight'> | null }

const MAX_LISTED = 3

/** How well `other` fits what `viewer` wants, 0–1, with every feature's contribution. */
export function directionalFit(viewer: Party, other: Party): { score: number; contributions: (Contribution & { weight: number })[] } {
  const parts: Contribution[] = []
  const cluster = clusterOverlap(viewer.clusters, other.clusters)
  parts.push({
    feature: 'cluster',
    score: cluster.score,
    reason: cluster.shared.length ? { key: 'matching.reason.cluster', vars: { cluster: cluster.shared[0]! } } : null,
  })
  if (viewer.majors.length && other.majors.length) {
    const majors = majorsFit(viewer.majors, other.majors)
    parts.push({
      feature: 'majors',
      score: majors.score,
      reason: majors.shared.length
        ? { key: 'matching.reason.majors', vars: { majors: majors.shared.slice(0, MAX_LISTED).join('、') } }
        : null,
    })
  }
  if (viewer.terms.length && other.terms.length) {
    const text = textFit(viewer.terms, other.terms)
    parts.push({
      feature: 'text',
      score: text.score,
      reason: text.shared.length ? { key: 'matching.reason.text', vars: { terms: text.shared.slice(0, MAX_LISTED).join('、') } } : null,
    })
  }
  const distance = distanceFit(viewer.cityCode, other.cityCode)
  parts.push({
    feature: 'distance',
    score: distance.score,
    reason:
      distance.km === 0
        ? { key: 'matching.reason.sameCity', vars: { city: viewer.cityCode } }
        : distance.km !== null
          ? { key: 'matching.reason.distance', vars: { km: distance.km } }
          : null,
  })
  if (viewer.window && other.window) {
    const overlap = windowOverlap(viewer.window, other.window)
    parts.push({
      feature: 'window',
      score: overlap.score,
      reason:
        overlap.weeks > 0
          ? {
              key: viewer.type === 'internship' ? 'matching.reason.internshipWindow' : 'matching.reason.window',
              vars: { weeks: overlap.weeks },
            }
          : null,
    })
  }
  const room = congestion(other.capacity, other.openMatches)
  parts.push({
    feature: 'congestion',
    score: room.score,
    reason: room.remaining > 0 ? { key: 'matching.reason.capacity', vars: { remaining: room.remaining } } : null,
  })
  const verified = verificationFit(other.verification)
  parts.push({
    feature: 'verification',
    score: verified.score,
    reason: verified.score === 1 ? { key: 'matching.reason.verified', vars: {} } : null,
  })
  const responsive = responsivenessFit(other.responsiveness)
  parts.push({
    feature: 'responsiveness',
    score: responsive.score,
    reason:
      responsive.answeredShare !== null && responsive.answeredShare >= 0.5
        ? { key: 'matching.reason.responsive', vars: { share: Math.round(responsive.answeredShare * 100) } }
        : null,
  })
  if (other.quota) {
    const gap = quotaGap(other.quota)
    if (gap.required > 0)
      parts.push({
        feature: 'quota',
        score: gap.score,
        reason:
          gap.missing > 0
            ? {
                key: other.quota.indicator === 'internship_post_ratio' ? 'matching.reason.quotaInternship' : 'matching.reason.quotaTeacher',
                vars: { missing: gap.missing, pct: Number((other.quota.threshold * 100).toPrecision(3)) },
              }
            : null,
      })
  }
  const region = regionalPriority(viewer.cityCode, other.cityCode)
  parts.push({
    feature: 'region',
    score: region.score,
    reason: region.region ? { key: 'matching.reason.region', vars: { region: region.region } } : null,
  })

  const total = parts.reduce((s, p) => s + WEIGHTS[p.feature], 0)
  const contributions = parts.map((p) => ({ ...p, weight: (WEIGHTS[p.feature] * p.score) / total }))
  return { score: contributions.reduce((s, c) => s + c.weight, 0), contributions }
}

/** The three strongest reasons, from the given side's point of view. */
export function topReasons(contributions: ReturnType<typeof directionalFit>['contributions'], n = MAX_LISTED): Reason[] {
  return contributions
    .filter((c) => c.reason && c.weight > 0)
    .sort((a, b) => b.weight - a.weight)
    .slice(0, n)
    .map((c) => ({ ...c.reason!, weight: Math.round(c.weight * 1000) / 1000 }))
}

export type PairScore = { score: number; forViewer: number; forOther: number; reasons: Reason[] }

/** Two-sided: how well the other side fits the viewer and the viewer fits the other side, combined by harmonic mean. */
export function scorePair(viewer: Party, other: Party): PairScore {
  const mine = directionalFit(viewer, other)
  const theirs = directionalFit(other, viewer)
  return {
    score: twoSided(mine.score, theirs.score),
    forViewer: mine.score,
    forOther: theirs.score,
    reasons: topReasons(mine.contributions),
  }
}
