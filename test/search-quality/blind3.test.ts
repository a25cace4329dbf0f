import { describeBlindSet } from './blind-set'
import { FIXTURE } from './fixture'
import { BLIND_FIXTURE } from './fixture.blind'
import { BLIND2_FIXTURE } from './fixture.blind2'
import { BLIND3_FIXTURE } from './fixture.blind3'
import { BLIND3_QUERIES } from './queries.blind3'

/** The third blind held-out set (queries.blind3.ts, fixture.blind3.ts), judged over all four fixtures. */
describeBlindSet({
  name: 'blind3',
  fixture: BLIND3_FIXTURE,
  queries: BLIND3_QUERIES,
  earlier: [...FIXTURE, ...BLIND_FIXTURE, ...BLIND2_FIXTURE],
  prefix: 'd-',
  least: { listings: 45, decoys: 12, queries: 150, perGroup: 10 },
})
