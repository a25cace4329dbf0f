/**
 * The measured outcome of a cooperation, per type: the keys of `matches.outcome`. Tracking writes
 * them (entered at 执行/完成, confirmed by both sides); government figures and rollups read them.
 * Money is in yuan, durations in person-days. Pure data, shared by every layer.
 */
export const TECH_CONTRACT_KINDS = ['development', 'transfer', 'licence', 'consulting', 'service'] as const
export type TechContractKind = (typeof TECH_CONTRACT_KINDS)[number]

export type InternshipOutcome = {
  internsPlaced: number
  internDays: number
  internsHired?: number
  tripartiteAgreement?: boolean
  insurance?: boolean
  paid?: boolean
}
export type TeacherPracticeOutcome = { teachersPlaced: number; teacherDays: number; countsAsDualQualified?: boolean }
export type JointLabOutcome = {
  investmentEnterpriseYuan: number
  investmentCollegeYuan: number
  equipment?: string
  patents?: number
  papers?: number
}
export type IndustryCollegeOutcome = { majors?: string[]; enrolment: number; apprentices?: number }
export type TechTransferOutcome = {
  contractKind: TechContractKind
  contractValueYuan: number
  /** Income actually received, by calendar year: { "2026": 300000 }. */
  incomeByYear?: Record<string, number>
  patentsTransferred?: number
}

export type OutcomeByType = {
  internship: InternshipOutcome
  teacher_practice: TeacherPracticeOutcome
  joint_lab: JointLabOutcome
  industry_college: IndustryCollegeOutcome
  tech_transfer: TechTransferOutcome
}

/** The numeric outcome keys government figures sum, per type. */
export const OUTCOME_SUMS = {
  internship: ['internsPlaced', 'internDays', 'internsHired'],
  teacher_practice: ['teachersPlaced', 'teacherDays'],
  joint_lab: ['investmentEnterpriseYuan', 'investmentCollegeYuan', 'patents', 'papers'],
  industry_college: ['enrolment', 'apprentices'],
  tech_transfer: ['contractValueYuan', 'patentsTransferred'],
} as const satisfies { [K in keyof OutcomeByType]: readonly (keyof OutcomeByType[K])[] }
