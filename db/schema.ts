import { sql } from 'drizzle-orm'
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import type {
  DismissalReason,
  Direction,
  GovScopeType,
  ListingStatus,
  MatchStage,
  MemberRole,
  OutboxEntity,
  PlatformKind,
  PlatformRole,
  VerificationState,
} from './reference/enums'

export * from './reference/enums'

// ── Reference data, loaded from db/reference/taxonomy.json ────────────────────

export const regionGroups = pgTable('region_groups', {
  code: text().primaryKey(),
  name: text().notNull(),
  olderName: text('older_name').notNull(),
})

export const cities = pgTable('cities', {
  code: text().primaryKey(),
  name: text().notNull(),
  regionCode: text('region_code')
    .notNull()
    .references(() => regionGroups.code),
  lat: doublePrecision().notNull(),
  lng: doublePrecision().notNull(),
})

export const clusters = pgTable('clusters', {
  code: text().primaryKey(),
  name: text().notNull(),
  short: text().notNull(),
  en: text().notNull(),
  keywords: text().array().notNull(),
  position: integer().notNull(),
})

export const cooperationTypes = pgTable('cooperation_types', {
  code: text().primaryKey(),
  name: text().notNull(),
  en: text().notNull(),
  position: integer().notNull(),
})

export const orgKinds = pgTable('org_kinds', {
  code: text().primaryKey(),
  name: text().notNull(),
  position: integer().notNull(),
})

export const policyIndicators = pgTable('policy_indicators', {
  code: text().primaryKey(),
  rule: text().notNull(),
  threshold: doublePrecision().notNull(),
  appliesTo: text('applies_to').notNull(),
  source: text().notNull(),
})

// ── Organisations and people ──────────────────────────────────────────────────

export const organisations = pgTable(
  'organisations',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    kind: text()
      .notNull()
      .references(() => orgKinds.code),
    name: text().notNull(),
    creditCode: text('credit_code'),
    cityCode: text('city_code')
      .notNull()
      .references(() => cities.code),
    address: text().notNull().default(''),
    description: text().notNull().default(''),
    website: text(),
    staffCount: integer('staff_count'),
    technicalPostCount: integer('technical_post_count'),
    studentCount: integer('student_count'),
    majors: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    contactEmail: text('contact_email'),
    verification: text().$type<VerificationState>().notNull().default('unverified'),
    verificationNote: text('verification_note'),
    verifiedAt: timestamp('verified_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
    /** Set by a platform admin after abuse reports: the organisation may not start new matches. */
    outreachSuspendedAt: timestamp('outreach_suspended_at', { withTimezone: true }),
    outreachSuspendedReason: text('outreach_suspended_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('organisations_credit_code_key').on(t.creditCode),
    index('organisations_city_idx').on(t.cityCode),
    index('organisations_kind_idx').on(t.kind),
    // Recommendation candidates nearby: a city's organisations of one kind, verified first then newest, read in index order.
    index('organisations_city_kind_idx').on(t.cityCode, t.kind, sql`(${t.verification} = 'verified')`, t.id),
  ],
)

export const organisationClusters = pgTable(
  'organisation_clusters',
  {
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    clusterCode: text('cluster_code')
      .notNull()
      .references(() => clusters.code),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.clusterCode] }),
    // Recommendation candidates: a cluster's organisations newest first, read in index order.
    index('organisation_clusters_cluster_idx').on(t.clusterCode, t.organisationId),
  ],
)

export const users = pgTable('users', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  email: text().notNull().unique(),
  name: text().notNull(),
  passwordHash: text('password_hash'),
  platformRole: text('platform_role').$type<PlatformRole>().notNull().default('user'),
  govScopeType: text('gov_scope_type').$type<GovScopeType>(),
  govScopeCode: text('gov_scope_code'),
  /** When the owner proved the mailbox is theirs; null until then, and an unconfirmed account cannot sign in. */
  emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const memberships = pgTable(
  'memberships',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text().$type<MemberRole>().notNull().default('member'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId] })],
)

export const sessions = pgTable('sessions', {
  id: text().primaryKey(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  activeOrganisationId: integer('active_organisation_id').references(() => organisations.id, {
    onDelete: 'set null',
  }),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

// ── Listings: needs and offers ────────────────────────────────────────────────

export const listings = pgTable(
  'listings',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    direction: text().$type<Direction>().notNull(),
    type: text()
      .notNull()
      .references(() => cooperationTypes.code),
    title: text().notNull(),
    description: text().notNull(),
    // A draft may be saved incomplete; the check below keeps every other status complete.
    cityCode: text('city_code').references(() => cities.code),
    capacity: integer(),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    /** Type-specific fields; validated by the zod schema of `type` (app/lib/listing-details.ts). */
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** Majors (专业目录 names) the listing is for; any type, empty where none apply. Searchable and a facet. */
    majors: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text().$type<ListingStatus>().notNull().default('draft'),
    /** The organisation's own reference, so bulk re-imports are idempotent. */
    reference: text(),
    version: integer().notNull().default(1),
    createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('listings_org_idx').on(t.organisationId),
    index('listings_status_idx').on(t.status, t.publishedAt),
    uniqueIndex('listings_org_reference_key').on(t.organisationId, t.reference),
    check(
      'listings_complete_unless_draft',
      sql`${t.status} = 'draft' or (${t.cityCode} is not null and ${t.capacity} is not null and ${t.startsOn} is not null and ${t.endsOn} is not null)`,
    ),
    // Recommendation candidates: the newest published listings of one type and direction, read in index order.
    index('listings_type_direction_idx').on(t.type, t.direction, t.status, t.publishedAt.desc()),
    // Recommendation candidates owned by organisations of a rare kind (colleges, institutes): each owner's published
    // listings of one type and direction, so the read touches only rows it keeps, not all of each owner's listings.
    index('listings_org_live_idx')
      .on(t.organisationId, t.type, t.direction, t.publishedAt.desc())
      .where(sql`${t.status} = 'published'`),
  ],
)

/** Postgres full-text vector, written by the search indexer (never read by the app as a value). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' })

/**
 * The pinyin of each listing (full and initials of its title, organisation and cluster names; full pinyin
 * of its description's and majors' words), as the search document carries it: Postgres cannot spell Chinese in pinyin, so the indexer writes what it computed
 * (search/pinyin-store.ts) and the fallback matches xinnengyuan or xny against it.
 */
export const listingSearchPinyin = pgTable(
  'listing_search_pinyin',
  {
    listingId: integer('listing_id')
      .primaryKey()
      .references(() => listings.id, { onDelete: 'cascade' }),
    terms: tsvector('terms').notNull(),
  },
  (t) => [index('listing_search_pinyin_terms_idx').using('gin', t.terms)],
)

export const listingClusters = pgTable(
  'listing_clusters',
  {
    listingId: integer('listing_id')
      .notNull()
      .references(() => listings.id, { onDelete: 'cascade' }),
    clusterCode: text('cluster_code')
      .notNull()
      .references(() => clusters.code),
    // The listing's type, direction and status, copied by triggers (0016) in the same transaction as the
    // write that changes them, so recommendation candidates are read from one partial index.
    type: text(),
    direction: text().$type<Direction>(),
    status: text().$type<ListingStatus>(),
  },
  (t) => [
    primaryKey({ columns: [t.listingId, t.clusterCode] }),
    index('listing_clusters_cluster_idx').on(t.clusterCode),
    // Recommendation candidates: a cluster's listings newest first, read in index order.
    index('listing_clusters_cluster_listing_idx').on(t.clusterCode, t.listingId),
    // The same for published listings of one type and direction only: every entry read is a candidate.
    index('listing_clusters_live_idx')
      .on(t.clusterCode, t.type, t.direction, t.listingId.desc())
      .where(sql`${t.status} = 'published'`),
  ],
)

/** Views of a listing's page per day, counted in memory and added here every few seconds (bots and the owner not counted). */
export const listingViewDays = pgTable(
  'listing_view_days',
  {
    listingId: integer('listing_id')
      .notNull()
      .references(() => listings.id, { onDelete: 'cascade' }),
    day: date({ mode: 'string' }).notNull(),
    views: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.listingId, t.day] })],
)

export const listingVersions = pgTable(
  'listing_versions',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    listingId: integer('listing_id')
      .notNull()
      .references(() => listings.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    changes: jsonb().$type<Record<string, { from: unknown; to: unknown }>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('listing_versions_listing_idx').on(t.listingId)],
)

// ── Matches: a partnership from first contact to measured outcome ─────────────

export const matches = pgTable(
  'matches',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    listingId: integer('listing_id').references(() => listings.id, { onDelete: 'set null' }),
    counterpartListingId: integer('counterpart_listing_id').references(() => listings.id, {
      onDelete: 'set null',
    }),
    initiatorOrganisationId: integer('initiator_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    partnerOrganisationId: integer('partner_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    type: text()
      .notNull()
      .references(() => cooperationTypes.code),
    stage: text().$type<MatchStage>().notNull().default('contact'),
    /** Measured outcome, keys per type from db/reference/outcomes.ts; set when both sides confirm completion. */
    outcome: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    version: integer().notNull().default(1),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Why it ended: a code from MATCH_END_REASONS (declined_* when the counterpart declined at 意向). */
    endReason: text('end_reason'),
    endNote: text('end_note'),
    endedByOrganisationId: integer('ended_by_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** When the side that did not start the match first answered (message or step), for responsiveness. */
    firstResponseAt: timestamp('first_response_at', { withTimezone: true }),
    /** Last message or step by either side; "stale" is 30 days without one. */
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }).notNull().defaultNow(),
    staleNudgedAt: timestamp('stale_nudged_at', { withTimezone: true }),
    /** Each side agrees to be named as the other's partner on public profiles. */
    initiatorListsPublicly: boolean('initiator_lists_publicly').notNull().default(false),
    partnerListsPublicly: boolean('partner_lists_publicly').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('matches_listing_idx').on(t.listingId),
    // Recommendations count open matches on a candidate listing from either side.
    index('matches_counterpart_listing_idx').on(t.counterpartListingId),
    index('matches_initiator_idx').on(t.initiatorOrganisationId, t.lastActivityAt),
    index('matches_partner_idx').on(t.partnerOrganisationId, t.lastActivityAt),
    // Each side's completed matches by type (responsiveness for recommendations): without them the planner ANDs the
    // side's index with matches_stage_idx, reading the bitmap of every completed match in the province each time.
    index('matches_initiator_stage_idx').on(t.initiatorOrganisationId, t.stage, t.type),
    index('matches_partner_stage_idx').on(t.partnerOrganisationId, t.stage, t.type),
    index('matches_stage_idx').on(t.stage),
    // One open match per listing and pair of organisations, whoever started it.
    uniqueIndex('matches_open_pair_key')
      .on(
        sql`coalesce(${t.listingId}, 0)`,
        sql`least(${t.initiatorOrganisationId}, ${t.partnerOrganisationId})`,
        sql`greatest(${t.initiatorOrganisationId}, ${t.partnerOrganisationId})`,
      )
      .where(sql`stage in ('contact', 'negotiation', 'signed', 'in_progress')`),
  ],
)

export type MatchEventKind = 'stage_change' | 'message' | 'note' | 'proposal' | 'confirmation' | 'dispute' | 'withdrawal' | 'attachment'

/** Append-only history of a match: `seq` runs 1, 2, 3… per match without gaps. */
export const matchEvents = pgTable(
  'match_events',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    matchId: integer('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorOrganisationId: integer('actor_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    kind: text().$type<MatchEventKind>().notNull(),
    fromStage: text('from_stage').$type<MatchStage>(),
    toStage: text('to_stage').$type<MatchStage>(),
    body: text(),
    seq: integer(),
    proposalId: integer('proposal_id'),
    attachmentId: integer('attachment_id'),
    /** Structured facts of the step: end reason, dispute reason, proposal kind. */
    data: jsonb().$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('match_events_match_idx').on(t.matchId, t.createdAt),
    uniqueIndex('match_events_seq_key').on(t.matchId, t.seq),
    // The records behind a stage figure (drill-down, export): that stage's changes in a period, without visiting every match.
    index('match_events_stage_idx')
      .on(t.toStage, t.createdAt)
      .where(sql`${t.kind} = 'stage_change'`),
  ],
)

export type ProposalKind = 'sign' | 'complete'
export type ProposalStatus = 'open' | 'confirmed' | 'disputed' | 'withdrawn'

/** 签约 and 完成 take both sides: one proposes, the other confirms or disputes. */
export const matchProposals = pgTable(
  'match_proposals',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    matchId: integer('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    kind: text().$type<ProposalKind>().notNull(),
    status: text().$type<ProposalStatus>().notNull().default('open'),
    proposedByOrganisationId: integer('proposed_by_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    proposedByUserId: integer('proposed_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    outcome: jsonb().$type<Record<string, unknown>>(),
    note: text(),
    attachmentId: integer('attachment_id'),
    resolvedByOrganisationId: integer('resolved_by_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    resolvedByUserId: integer('resolved_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    resolutionNote: text('resolution_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [
    index('match_proposals_match_idx').on(t.matchId),
    uniqueIndex('match_proposals_open_key')
      .on(t.matchId)
      .where(sql`status = 'open'`),
  ],
)

/** Agreement scans and reports shared inside a match: only the two parties (and platform admins, read-only) see them. */
export const matchAttachments = pgTable(
  'match_attachments',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    matchId: integer('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    storedName: text('stored_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    uploadedByUserId: integer('uploaded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('match_attachments_match_idx').on(t.matchId)],
)

/** 举报: a match or one of its messages reported to the platform admins. */
export const matchReports = pgTable(
  'match_reports',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    matchId: integer('match_id')
      .notNull()
      .references(() => matches.id, { onDelete: 'cascade' }),
    eventId: integer('event_id').references(() => matchEvents.id, { onDelete: 'set null' }),
    reporterUserId: integer('reporter_user_id').references(() => users.id, { onDelete: 'set null' }),
    reporterOrganisationId: integer('reporter_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    reportedOrganisationId: integer('reported_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    reason: text().notNull(),
    note: text(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedByUserId: integer('resolved_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    resolution: text(),
  },
  (t) => [
    index('match_reports_open_idx')
      .on(t.createdAt)
      .where(sql`resolved_at is null`),
  ],
)

export type NotificationKind = 'interest' | 'message' | 'proposal' | 'update' | 'stale'

/** The in-app bell; `emailedAt` also spaces message mails to one per match per hour. */
export const notifications = pgTable(
  'notifications',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().$type<NotificationKind>().notNull(),
    matchId: integer('match_id').references(() => matches.id, { onDelete: 'cascade' }),
    /** A message key of the matches catalogue and its variables, rendered in the reader's language. */
    messageKey: text('message_key').notNull(),
    vars: jsonb().$type<Record<string, string | number>>().notNull().default({}),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`read_at is null`),
  ],
)

/** Per user and kind: no row means email on. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().$type<NotificationKind>().notNull(),
    email: boolean().notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
)

// ── Infrastructure: outbox for search, audit log ──────────────────────────────

export const outbox = pgTable(
  'outbox',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    entity: text().$type<OutboxEntity>().notNull(),
    entityId: integer('entity_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    /** While an indexer applies this row; the same entity is never claimed twice at once, so no older version overtakes a newer one. */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    /** Set after too many failed tries: the row waits for a person instead of holding the others back. */
    parkedAt: timestamp('parked_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_pending_idx')
      .on(t.nextAttemptAt)
      .where(sql`processed_at is null and parked_at is null`),
    index('outbox_entity_pending_idx')
      .on(t.entity, t.entityId)
      .where(sql`processed_at is null`),
    index('outbox_processed_idx')
      .on(t.processedAt)
      .where(sql`processed_at is not null`),
  ],
)

/** When each scheduled job last ran anywhere, so a job runs once per interval across processes and restarts. */
export const jobRuns = pgTable('job_runs', {
  name: text().primaryKey(),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }).notNull(),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  lastError: text('last_error'),
  runs: integer().notNull().default(0),
})

export const auditLog = pgTable(
  'audit_log',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    actorUserId: integer('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    action: text().notNull(),
    entity: text().notNull(),
    entityId: integer('entity_id'),
    summary: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_org_idx').on(t.organisationId, t.createdAt)],
)

// ── Accounts: invitations, password resets, mail, rate limits, verification evidence ──

export const invitations = pgTable(
  'invitations',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text().notNull(),
    role: text().$type<MemberRole>().notNull().default('member'),
    /** sha256 of the token sent by email; the token itself is never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    invitedByUserId: integer('invited_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('invitations_org_idx').on(t.organisationId)],
)

/** A mailed single-use link of a user: only the sha256 of its token is kept. */
const singleUseLinkColumns = () => ({
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

export const passwordResets = pgTable('password_resets', singleUseLinkColumns())

/** The links that confirm a new account's email. */
export const emailConfirmations = pgTable('email_confirmations', singleUseLinkColumns(), (t) => [
  index('email_confirmations_user_idx').on(t.userId),
])

export const mailOutbox = pgTable('mail_outbox', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  to: text().notNull(),
  subject: text().notNull(),
  text: text().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  attempts: integer().notNull().default(0),
  lastError: text('last_error'),
  /** Extra headers, e.g. List-Unsubscribe on search alerts. */
  headers: jsonb().$type<Record<string, string>>(),
})

export type SavedSearchStatus = 'pending' | 'active' | 'paused' | 'unsubscribed'

/**
 * A search saved with an email address: new listings that match it are mailed as one digest per run.
 * `pending` until the address is confirmed (double opt-in for visitors; a signed-in user's own address is
 * active at once). `checkedUntil` is the published-at watermark: listings published after it are new.
 */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    email: text().notNull(),
    /** The search as /search's query string (canonical: toSearchUrl without page). */
    query: text().notNull(),
    status: text().$type<SavedSearchStatus>().notNull().default('pending'),
    /** sha256 of the confirmation token mailed to a visitor; null once confirmed. */
    confirmTokenHash: text('confirm_token_hash').unique(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    checkedUntil: timestamp('checked_until', { withTimezone: true }).notNull().defaultNow(),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('saved_searches_user_idx').on(t.userId),
    index('saved_searches_email_idx').on(t.email),
    index('saved_searches_status_idx').on(t.status),
  ],
)

/** Fixed-window counters, in Postgres so limits hold across processes. */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text().notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] })],
)

export const verificationDocuments = pgTable(
  'verification_documents',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    storedName: text('stored_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    uploadedByUserId: integer('uploaded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('verification_documents_org_idx').on(t.organisationId)],
)

/** Small facts the platform keeps about itself, e.g. the hash of the search settings last applied. */
export const platformState = pgTable('platform_state', {
  key: text().primaryKey(),
  value: text().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/** Files a listing's owner attaches (a brochure, a lab floor plan): PDF or images, size-limited. */
export const listingAttachments = pgTable(
  'listing_attachments',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    listingId: integer('listing_id')
      .notNull()
      .references(() => listings.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    storedName: text('stored_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    uploadedByUserId: integer('uploaded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('listing_attachments_listing_idx').on(t.listingId)],
)

// ── Government figures: rollups kept by triggers (see migration 0006), platforms, API tokens ──

/**
 * Additive figures per Beijing day × city × cluster ('' = all clusters, so totals never double-count a
 * listing with two clusters) × type × direction × stage × bucket. `measure` is one of listings, capacity,
 * entered (a stage was entered), dwell (days spent in `stage`, bucket = whole days), outcome:<key>, income.
 */
export const metricDaily = pgTable(
  'metric_daily',
  {
    day: date({ mode: 'string' }).notNull(),
    cityCode: text('city_code').notNull(),
    clusterCode: text('cluster_code').notNull(),
    type: text().notNull(),
    direction: text().notNull(),
    stage: text().notNull(),
    bucket: integer().notNull(),
    measure: text().notNull(),
    value: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.measure, t.day, t.cityCode, t.clusterCode, t.type, t.direction, t.stage, t.bucket] }),
    index('metric_daily_city_day_idx').on(t.cityCode, t.day),
    // Overviews read the all-clusters rows ('') of a span of days: this keeps them off the per-cluster and dwell rows.
    index('metric_daily_slice_idx').on(t.clusterCode, t.measure, t.day),
  ],
)

/** How many contributions an organisation made on a day (listings published, stages entered): "active". */
export const metricOrgDaily = pgTable(
  'metric_org_daily',
  {
    day: date({ mode: 'string' }).notNull(),
    organisationId: integer('organisation_id').notNull(),
    cityCode: text('city_code').notNull(),
    value: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.day] }), index('metric_org_daily_city_day_idx').on(t.cityCode, t.day)],
)

/**
 * metric_daily summed per Beijing month (the first of the month) without the dwell histograms, kept by the
 * same triggers in the same transaction (migration 0013): periods read whole months here and only the days
 * of a partial month at either end from metric_daily.
 */
export const metricMonthly = pgTable(
  'metric_monthly',
  {
    month: date({ mode: 'string' }).notNull(),
    cityCode: text('city_code').notNull(),
    clusterCode: text('cluster_code').notNull(),
    type: text().notNull(),
    direction: text().notNull(),
    stage: text().notNull(),
    measure: text().notNull(),
    value: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.measure, t.month, t.cityCode, t.clusterCode, t.type, t.direction, t.stage] }),
    index('metric_monthly_slice_idx').on(t.clusterCode, t.month),
  ],
)

/** metric_org_daily per month. */
export const metricOrgMonthly = pgTable(
  'metric_org_monthly',
  {
    month: date({ mode: 'string' }).notNull(),
    organisationId: integer('organisation_id').notNull(),
    cityCode: text('city_code').notNull(),
    value: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.month] }),
    index('metric_org_monthly_month_idx').on(t.month, t.cityCode, t.organisationId),
  ],
)

/**
 * The months (year × 12 + month − 1) in which an organisation has contributions, per city it contributed
 * in: metric_org_monthly's rows with value > 0 as one array, kept by metric_apply in the same transaction
 * (migration 0022), so "organisations active" over whole months is one pass over one row per
 * organisation (`months && …`) instead of a distinct over every organisation-month.
 */
export const metricOrgActive = pgTable(
  'metric_org_active',
  {
    organisationId: integer('organisation_id').notNull(),
    cityCode: text('city_code').notNull(),
    months: integer().array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.cityCode] })],
)

/** What each listing ('L') or match ('M') currently adds to the rollups, so a change can take it back exactly. */
export const metricLedger = pgTable(
  'metric_ledger',
  {
    entityKind: text('entity_kind').notNull(),
    entityId: integer('entity_id').notNull(),
    day: date({ mode: 'string' }).notNull(),
    cityCode: text('city_code').notNull(),
    clusterCode: text('cluster_code').notNull(),
    type: text().notNull(),
    direction: text().notNull(),
    stage: text().notNull(),
    bucket: integer().notNull(),
    measure: text().notNull(),
    organisationId: integer('organisation_id'),
    value: bigint({ mode: 'number' }).notNull(),
  },
  (t) => [index('metric_ledger_entity_idx').on(t.entityKind, t.entityId)],
)

/** 协同创新中心, 产业技术研究院, 产业学院 and joint labs: named platforms hosted by an organisation. */
export const platforms = pgTable(
  'platforms',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    kind: text().$type<PlatformKind>().notNull(),
    name: text().notNull(),
    hostOrganisationId: integer('host_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    cityCode: text('city_code')
      .notNull()
      .references(() => cities.code),
    clusterCodes: text('cluster_codes').array().notNull(),
    establishedOn: date('established_on', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('platforms_city_idx').on(t.cityCode)],
)

/** Read-only data-API tokens of a government user; only the sha256 of the token is kept. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text().notNull(),
    scopeType: text('scope_type').$type<GovScopeType>().notNull(),
    scopeCode: text('scope_code').notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId)],
)

// ── Matching: dismissed recommendations and allocation runs ───────────────────

/** "不合适": an organisation's verdict on a recommended listing (or, with no listing, a whole organisation). */
export const recommendationDismissals = pgTable(
  'recommendation_dismissals',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    targetOrganisationId: integer('target_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    targetListingId: integer('target_listing_id').references(() => listings.id, { onDelete: 'cascade' }),
    reason: text().$type<DismissalReason>().notNull(),
    createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('recommendation_dismissals_target_key').on(t.organisationId, t.targetOrganisationId, t.targetListingId).nullsNotDistinct(),
  ],
)

export type AllocationRunStatus = 'draft' | 'published'

/** A saved allocation of internship demand to posts: its input, its result, and whether it became matches. */
export const allocationRuns = pgTable(
  'allocation_runs',
  {
    id: integer().primaryKey().generatedByDefaultAsIdentity(),
    /** The college running it for its own students; null for a government run. */
    organisationId: integer('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    govScopeType: text('gov_scope_type').$type<GovScopeType>(),
    govScopeCode: text('gov_scope_code'),
    createdByUserId: integer('created_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    status: text().$type<AllocationRunStatus>().notNull().default('draft'),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    input: jsonb().$type<Record<string, unknown>>().notNull(),
    result: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [index('allocation_runs_org_idx').on(t.organisationId), index('allocation_runs_creator_idx').on(t.createdByUserId)],
)
