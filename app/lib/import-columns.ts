import { TRANSFER_MODES } from '../../db/reference'
import { translate, type MessageKey } from './i18n'
import type { CooperationTypeCode } from './schemas/listing'

/**
 * The columns of a bulk-import sheet, per cooperation type, and how the web form shows the same
 * field: the import sheet and the form share one definition. Labels, hints and examples are
 * message keys; the sheet's `header`, `hint` and `example` are their Chinese text, because the
 * sheet is a Chinese data format (its headers are what the importer matches).
 */
export type ColumnInput = 'text' | 'number' | 'checkbox' | 'textarea' | 'date' | { options: { value: string; label: MessageKey }[] }

type ColumnSpec = {
  label: MessageKey
  path: string
  required: boolean
  example: MessageKey | string
  hint?: MessageKey
  input?: ColumnInput
}

export type ImportColumn = ColumnSpec & {
  /** The Chinese header in the sheet. */
  header: string
  /** The example value in the sheet (Chinese where it is text). */
  exampleText: string
  /** The sheet's hint, in Chinese. */
  hintText?: string
}

const isKey = (value: string): value is MessageKey => value.startsWith('import.')

function col(spec: ColumnSpec): ImportColumn {
  return {
    ...spec,
    header: translate('zh-CN', spec.label),
    exampleText: isKey(spec.example) ? translate('zh-CN', spec.example) : spec.example,
    hintText: spec.hint ? translate('zh-CN', spec.hint) : undefined,
  }
}

const MODE_LABELS: MessageKey[] = ['import.mode.transfer', 'import.mode.licence', 'import.mode.equity']

export const COMMON_COLUMNS: ImportColumn[] = [
  col({ label: 'import.col.reference', path: 'reference', required: true, example: 'SX-2027-001', hint: 'import.hint.reference' }),
  col({
    label: 'import.col.direction',
    path: 'direction',
    required: true,
    example: 'import.example.direction',
    hint: 'import.hint.direction',
  }),
  col({ label: 'import.col.title', path: 'title', required: true, example: 'import.example.title' }),
  col({ label: 'import.col.description', path: 'description', required: true, example: 'import.example.description' }),
  col({ label: 'import.col.clusters', path: 'clusters', required: true, example: 'import.example.clusters', hint: 'import.hint.clusters' }),
  col({ label: 'import.col.cityCode', path: 'cityCode', required: true, example: 'import.example.cityCode', hint: 'import.hint.cityCode' }),
  col({ label: 'import.col.capacity', path: 'capacity', required: true, example: '20' }),
  col({ label: 'import.col.startsOn', path: 'startsOn', required: true, example: '2027-03-01' }),
  col({ label: 'import.col.endsOn', path: 'endsOn', required: true, example: '2027-06-30' }),
]

/** For the types whose details do not ask for majors: optional, searched and offered as a filter. */
const MAJORS_COLUMN = col({
  label: 'import.col.listingMajors',
  path: 'majors',
  required: false,
  example: 'import.example.majors',
  hint: 'import.hint.listingMajors',
})

export const TYPE_COLUMNS: Record<CooperationTypeCode, ImportColumn[]> = {
  internship: [
    col({ label: 'import.col.majors', path: 'details.majors', required: true, example: 'import.example.majors' }),
    col({ label: 'import.col.period', path: 'details.period', required: true, example: 'import.example.period' }),
    col({ label: 'import.col.location', path: 'details.location', required: true, example: 'import.example.location' }),
    col({ input: 'number', label: 'import.col.dailyHours', path: 'details.dailyHours', required: true, example: '8' }),
    col({
      input: 'number',
      label: 'import.col.stipendYuanPerMonth',
      path: 'details.stipendYuanPerMonth',
      required: false,
      example: '2400',
    }),
    col({
      input: 'checkbox',
      label: 'import.col.accommodation',
      path: 'details.accommodation',
      required: false,
      example: 'import.example.accommodation',
    }),
    col({
      input: 'checkbox',
      label: 'import.col.orderClass',
      path: 'details.orderClass',
      required: false,
      example: 'import.example.orderClass',
    }),
    col({
      input: 'checkbox',
      label: 'import.col.apprenticeship',
      path: 'details.apprenticeship',
      required: false,
      example: 'import.example.apprenticeship',
    }),
    col({ input: 'number', label: 'import.col.practicalHoursShare', path: 'details.practicalHoursShare', required: false, example: '60' }),
  ],
  teacher_practice: [
    col({ label: 'import.col.field', path: 'details.field', required: true, example: 'import.example.field' }),
    col({ input: 'number', label: 'import.col.durationDays', path: 'details.durationDays', required: true, example: '45' }),
    col({ label: 'import.col.schedule', path: 'details.schedule', required: true, example: 'import.example.schedule' }),
    col({ input: 'textarea', label: 'import.col.tasks', path: 'details.tasks', required: true, example: 'import.example.tasks' }),
    col({
      input: 'checkbox',
      label: 'import.col.countsForDualQualified',
      path: 'details.countsForDualQualified',
      required: false,
      example: 'import.example.countsForDualQualified',
    }),
    MAJORS_COLUMN,
  ],
  joint_lab: [
    col({
      label: 'import.col.researchDirection',
      path: 'details.researchDirection',
      required: true,
      example: 'import.example.researchDirection',
    }),
    col({
      input: 'number',
      label: 'import.col.investmentEnterpriseWan',
      path: 'details.investmentEnterpriseWan',
      required: true,
      example: '300',
    }),
    col({
      input: 'number',
      label: 'import.col.investmentCollegeWan',
      path: 'details.investmentCollegeWan',
      required: true,
      example: '100',
    }),
    col({ label: 'import.col.equipment', path: 'details.equipment', required: false, example: 'import.example.equipment' }),
    col({ input: 'number', label: 'import.col.durationYears', path: 'details.durationYears', required: true, example: '3' }),
    col({
      input: 'textarea',
      label: 'import.col.expectedOutputs',
      path: 'details.expectedOutputs',
      required: true,
      example: 'import.example.expectedOutputs',
    }),
    MAJORS_COLUMN,
  ],
  industry_college: [
    col({ label: 'import.col.majors', path: 'details.majors', required: true, example: 'import.example.collegeMajors' }),
    col({
      input: 'number',
      label: 'import.col.plannedEnrolmentPerYear',
      path: 'details.plannedEnrolmentPerYear',
      required: true,
      example: '120',
    }),
    col({
      label: 'import.col.coBuiltResources',
      path: 'details.coBuiltResources',
      required: false,
      example: 'import.example.coBuiltResources',
    }),
    col({
      input: 'textarea',
      label: 'import.col.governance',
      path: 'details.governance',
      required: true,
      example: 'import.example.governance',
    }),
  ],
  tech_transfer: [
    col({
      input: {
        options: [
          { value: 'problem', label: 'import.kind.problem' },
          { value: 'result', label: 'import.kind.result' },
        ],
      },
      label: 'import.col.kind',
      path: 'details.kind',
      required: true,
      example: 'import.example.kind',
      hint: 'import.hint.kind',
    }),
    col({
      input: 'number',
      label: 'import.col.budgetWan',
      path: 'details.budgetWan',
      required: false,
      example: '',
      hint: 'import.hint.budgetWan',
    }),
    col({
      input: 'textarea',
      label: 'import.col.requiredCapability',
      path: 'details.requiredCapability',
      required: false,
      example: '',
      hint: 'import.hint.requiredCapability',
    }),
    col({ label: 'import.col.patentNumbers', path: 'details.patentNumbers', required: false, example: 'ZL202110123456.7' }),
    col({ input: 'number', label: 'import.col.trl', path: 'details.trl', required: false, example: '6', hint: 'import.hint.trl' }),
    col({
      input: { options: TRANSFER_MODES.map((value, i) => ({ value, label: MODE_LABELS[i]! })) },
      label: 'import.col.mode',
      path: 'details.mode',
      required: false,
      example: 'import.example.mode',
      hint: 'import.hint.mode',
    }),
    col({ input: 'number', label: 'import.col.priceMinWan', path: 'details.priceMinWan', required: false, example: '50' }),
    col({ input: 'number', label: 'import.col.priceMaxWan', path: 'details.priceMaxWan', required: false, example: '120' }),
    MAJORS_COLUMN,
  ],
}

export function importColumns(type: CooperationTypeCode): ImportColumn[] {
  return [...COMMON_COLUMNS, ...TYPE_COLUMNS[type]]
}

/** A column's example in the reader's language, for the web form's placeholder. */
export const exampleIn = (column: ImportColumn, lang: 'zh-CN' | 'en') =>
  isKey(column.example) ? translate(lang, column.example) : column.example
