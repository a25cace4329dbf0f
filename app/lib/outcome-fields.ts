import type { OutcomeByType } from '../../db/reference'

/** Field names per type, in form order; booleans are checkboxes. */
export const OUTCOME_FIELDS: Record<keyof OutcomeByType, { numbers: string[]; required: string[]; flags: string[]; texts: string[] }> = {
  internship: {
    numbers: ['internsPlaced', 'internDays', 'internsHired'],
    required: ['internsPlaced', 'internDays'],
    flags: ['tripartiteAgreement', 'insurance', 'paid'],
    texts: [],
  },
  teacher_practice: {
    numbers: ['teachersPlaced', 'teacherDays'],
    required: ['teachersPlaced', 'teacherDays'],
    flags: ['countsAsDualQualified'],
    texts: [],
  },
  joint_lab: {
    numbers: ['investmentEnterpriseYuan', 'investmentCollegeYuan', 'patents', 'papers'],
    required: ['investmentEnterpriseYuan', 'investmentCollegeYuan'],
    flags: [],
    texts: ['equipment'],
  },
  industry_college: { numbers: ['enrolment', 'apprentices'], required: ['enrolment'], flags: [], texts: ['majors'] },
  tech_transfer: {
    numbers: ['contractValueYuan', 'patentsTransferred'],
    required: ['contractValueYuan'],
    flags: [],
    texts: ['contractKind'],
  },
}

/** Every outcome key in the order pages show them, whatever order the database returns. */
export const OUTCOME_KEY_ORDER: string[] = [
  ...Object.values(OUTCOME_FIELDS).flatMap((f) => [...f.texts, ...f.numbers, ...f.flags]),
  'incomeByYear',
]
