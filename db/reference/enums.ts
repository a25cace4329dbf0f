/** The platform's fixed vocabularies. Pure data: safe for the database schema, the domain and the browser. */

export const VERIFICATION_STATES = ['unverified', 'pending', 'verified', 'rejected'] as const
export type VerificationState = (typeof VERIFICATION_STATES)[number]

export const PLATFORM_ROLES = ['user', 'admin'] as const
export type PlatformRole = (typeof PLATFORM_ROLES)[number]

export const GOV_SCOPES = ['province', 'region', 'city'] as const
export type GovScopeType = (typeof GOV_SCOPES)[number]

export const MEMBER_ROLES = ['admin', 'member'] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

export const DIRECTIONS = ['need', 'offer'] as const
export type Direction = (typeof DIRECTIONS)[number]

export const LISTING_STATUSES = ['draft', 'published', 'paused', 'closed', 'expired'] as const
export type ListingStatus = (typeof LISTING_STATUSES)[number]

export const MATCH_STAGES = ['contact', 'negotiation', 'signed', 'in_progress', 'completed', 'terminated'] as const
export type MatchStage = (typeof MATCH_STAGES)[number]

export const OUTBOX_ENTITIES = ['listing', 'organisation'] as const
export type OutboxEntity = (typeof OUTBOX_ENTITIES)[number]

/** How a technology result changes hands: stored in listings' details as these Chinese words. */
export const TRANSFER_MODES = ['转让', '许可', '作价入股'] as const
export type TransferMode = (typeof TRANSFER_MODES)[number]

/** Platforms the 1331 plan counts per cluster: 协同创新中心, 产业技术研究院, 产业学院, joint labs. */
export const PLATFORM_KINDS = ['innovation_centre', 'industry_institute', 'industry_college', 'joint_lab'] as const
export type PlatformKind = (typeof PLATFORM_KINDS)[number]
/** Why an organisation marked a recommendation "不合适". */
export const DISMISSAL_REASONS = ['not_relevant', 'too_far', 'timing', 'capacity', 'other'] as const
export type DismissalReason = (typeof DISMISSAL_REASONS)[number]
