import { describeBlindSet } from './blind-set'
import { FIXTURE } from './fixture'
import { BLIND_FIXTURE } from './fixture.blind'
import { BLIND2_FIXTURE } from './fixture.blind2'
import { BLIND3_FIXTURE } from './fixture.blind3'
import { BLIND4_FIXTURE } from './fixture.blind4'
import { BLIND4_QUERIES } from './queries.blind4'

/** The fourth blind held-out set (queries.blind4.ts, fixture.blind4.ts), judged over all five fixtures. */
describeBlindSet({
  name: 'blind4',
  fixture: BLIND4_FIXTURE,
  queries: BLIND4_QUERIES,
  earlier: [...FIXTURE, ...BLIND_FIXTURE, ...BLIND2_FIXTURE, ...BLIND3_FIXTURE],
  prefix: 'e-',
  least: { listings: 50, decoys: 14, queries: 170, perGroup: 12 },
})
