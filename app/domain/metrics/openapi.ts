import { DIRECTIONS, MATCH_STAGES, PLATFORM_KINDS, taxonomy } from '../../../db/reference'
import { FIGURE_KINDS, FUNNEL_STEPS, SIZE_BANDS } from '~/lib/gov-figures'
import { TREND_GROUPS, TREND_METRICS } from '~/lib/gov-figures'

const str = { type: 'string' } as const
const int = { type: 'integer' } as const
const numb = { type: 'number' } as const
const nullable = (type: string) => ({ type: [type, 'null'] })
const arr = (items: object) => ({ type: 'array', items })
const obj = (properties: Record<string, object>, required = Object.keys(properties)) => ({ type: 'object', properties, required })
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const clusterCodes = taxonomy.clusters.map((c) => c.code)
const cityCodes = taxonomy.regions.cities.map((c) => c.code)
const regionCodes = taxonomy.regions.groups.map((g) => g.code)
const typeCodes = taxonomy.cooperation_types.map((t) => t.code)
const kindCell = obj(Object.fromEntries(PLATFORM_KINDS.map((k) => [k, int])))

const query = (name: string, schema: object, description: string) => ({ name, in: 'query', required: false, schema, description })
const COMMON = [
  query('preset', { enum: ['this_year', 'last_year', 'last_12_months', 'custom'] }, 'Period; default this_year. custom needs from and to.'),
  query('from', { type: 'string', format: 'date' }, 'First day (Beijing), YYYY-MM-DD'),
  query('to', { type: 'string', format: 'date' }, 'Last day, at most 10 years after from'),
  query('year', { type: 'string', pattern: '^[0-9]{4}$' }, 'A calendar year instead of a period; the quota year'),
  query('city', { enum: cityCodes }, 'Narrow to a city inside the token’s area'),
  query('region', { enum: regionCodes }, 'Narrow to a regional group inside the token’s area'),
  query('cluster', { enum: clusterCodes }, 'Only this industry cluster'),
  query('type', { enum: typeCodes }, 'Only this cooperation type'),
]

function endpoint(summary: string, schema: string, extra: object[] = []) {
  return {
    get: {
      summary,
      security: [{ bearer: [] }],
      parameters: [...COMMON, ...extra],
      responses: {
        200: {
          description: 'The figures',
          content: { 'application/json': { schema: obj({ scope: ref('Scope'), period: ref('Period'), data: ref(schema) }) } },
        },
        400: { description: 'Bad parameter', content: { 'application/json': { schema: ref('Error') } } },
        401: { description: 'Missing, malformed or revoked token', content: { 'application/json': { schema: ref('Error') } } },
        403: { description: 'Outside the token’s area', content: { 'application/json': { schema: ref('Error') } } },
        429: { description: 'Rate limit', content: { 'application/json': { schema: ref('Error') } } },
      },
    },
  }
}

/** The data API's OpenAPI 3.1 document, served at /api/v1/openapi.json and used by the test that checks responses. */
export const OPENAPI = {
  openapi: '3.1.0',
  info: {
    title: 'Jinchanjiao data API',
    version: '1.0.0',
    description:
      'Read-only figures and records of the industry–education platform for an official’s area (province, regional group or city). Same figures as the government dashboard.',
  },
  servers: [{ url: '/api/v1' }],
  components: {
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token created on /gov/tokens' } },
    schemas: {
      Error: obj({ error: str, message: str }, ['error', 'message']),
      Scope: obj({ type: { enum: ['province', 'region', 'city'] }, code: str }),
      Period: obj({ preset: str, from: str, to: str, previous: obj({ from: str, to: str }) }),
      FigureRef: {
        type: 'object',
        properties: {
          figure: { enum: [...FIGURE_KINDS] },
          type: { enum: typeCodes },
          direction: { enum: [...DIRECTIONS] },
          stage: { enum: [...MATCH_STAGES, ...FUNNEL_STEPS] },
          key: str,
          org: int,
          platform: { enum: [...PLATFORM_KINDS] },
          cluster: { enum: clusterCodes },
        },
        required: ['figure'],
      },
      Figure: {
        ...obj({ id: str, label: str, type: str, current: numb, previous: numb, ref: ref('FigureRef') }, [
          'id',
          'label',
          'current',
          'previous',
          'ref',
        ]),
      },
      Overview: obj({
        organisations: ref('Figure'),
        listings: arr(ref('Figure')),
        stages: arr(ref('Figure')),
        outcomes: arr(ref('Figure')),
      }),
      Funnel: arr(
        obj({
          type: { enum: typeCodes },
          steps: arr(
            obj({
              step: { enum: [...FUNNEL_STEPS] },
              count: int,
              conversion: nullable('number'),
              medianDays: nullable('number'),
              ref: ref('FigureRef'),
            }),
          ),
        }),
      ),
      QuotaCheck: obj({
        base: nullable('integer'),
        required: nullable('integer'),
        posts: int,
        listings: int,
        missing: nullable('integer'),
        met: nullable('boolean'),
      }),
      Quota: obj({
        year: int,
        thresholds: obj({ internship: numb, teacher: numb }),
        sort: str,
        desc: { type: 'boolean' },
        totals: obj(
          Object.fromEntries(
            [
              'enterprises',
              'internshipApplicable',
              'internshipMet',
              'internshipMissing',
              'teacherApplicable',
              'teacherMet',
              'teacherMissing',
              'bothMet',
            ].map((k) => [k, int]),
          ),
        ),
        rows: arr(
          obj({
            id: int,
            name: str,
            cityCode: { enum: cityCodes },
            clusters: arr(str),
            staffCount: nullable('integer'),
            technicalPostCount: nullable('integer'),
            size: { enum: [...SIZE_BANDS, null] },
            internship: ref('QuotaCheck'),
            teacher: ref('QuotaCheck'),
          }),
        ),
      }),
      Coverage: obj({
        columns: arr(obj({ kind: { enum: ['region', 'city'] }, code: str })),
        kinds: arr({ enum: [...PLATFORM_KINDS] }),
        matrix: arr(obj({ cluster: { enum: clusterCodes }, cells: arr(kindCell), total: kindCell })),
        covered: kindCell,
        clusterCount: int,
      }),
      Targets: arr({
        ...obj(
          {
            code: str,
            rule: str,
            source: str,
            threshold: numb,
            unit: { enum: ['share', 'count', 'yuan'] },
            measurable: { type: 'boolean' },
            actual: nullable('number'),
            progress: nullable('number'),
            formulaKey: str,
            detail: { type: 'object' },
            ref: ref('FigureRef'),
            range: obj({ from: str, to: str }),
          },
          ['code', 'rule', 'source', 'threshold', 'unit', 'measurable', 'actual', 'progress', 'formulaKey'],
        ),
      }),
      Trends: obj({
        metric: { enum: [...TREND_METRICS] },
        group: { enum: [...TREND_GROUPS] },
        months: arr(str),
        series: arr(obj({ key: str, values: arr(numb) })),
      }),
      Records: obj({
        ref: ref('FigureRef'),
        sums: { type: 'boolean' },
        total: numb,
        count: int,
        rows: arr(
          obj({
            kind: { enum: ['organisation', 'listing', 'match', 'platform'] },
            id: int,
            title: str,
            organisation: str,
            cityCode: str,
            type: nullable('string'),
            date: nullable('string'),
            detail: nullable('string'),
            value: nullable('number'),
          }),
        ),
      }),
    },
  },
  paths: {
    '/overview': endpoint('Organisations active, listings, stages entered and outcomes, with the previous period', 'Overview'),
    '/funnel': endpoint('Funnel per cooperation type with conversion and median days per stage', 'Funnel'),
    '/quota': endpoint('Enterprises’ internship and teacher-practice posts against 10 % / 0.5 %', 'Quota', [
      query('size', { enum: [...SIZE_BANDS] }, 'Enterprise size band'),
    ]),
    '/coverage': endpoint('Platforms per cluster × region (or city)', 'Coverage'),
    '/targets': endpoint('Each policy indicator against the records, or marked unmeasurable', 'Targets'),
    '/trends': endpoint('Monthly series for the last 36 months', 'Trends', [
      query('metric', { enum: [...TREND_METRICS] }, 'Metric'),
      query('group', { enum: [...TREND_GROUPS] }, 'Series per total, region, city or cluster'),
    ]),
    '/records': endpoint('The records behind a figure (its FigureRef as parameters); total equals the figure', 'Records', [
      query('figure', { enum: [...FIGURE_KINDS] }, 'Figure kind'),
      query('ftype', { enum: typeCodes }, 'Figure’s cooperation type'),
      query('direction', { enum: [...DIRECTIONS] }, 'need or offer'),
      query('stage', { enum: [...MATCH_STAGES] }, 'Stage entered'),
      query('key', str, 'Outcome figure key'),
      query('org', int, 'Enterprise id (quota posts)'),
      query('platform', { enum: [...PLATFORM_KINDS] }, 'Platform kind'),
      query('fcluster', { enum: clusterCodes }, 'Platform cluster'),
      query('limit', { type: 'integer', minimum: 1, maximum: 1000 }, 'Rows per page, default 100'),
      query('offset', { type: 'integer', minimum: 0 }, 'Rows to skip'),
    ]),
  },
} as const
