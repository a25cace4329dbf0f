import { describeBlindSet } from './blind-set'
import { FIXTURE } from './fixture'
import { BLIND_FIXTURE } from './fixture.blind'
import { BLIND2_FIXTURE } from './fixture.blind2'
import { BLIND2_QUERIES } from './queries.blind2'

/** The second blind held-out set (queries.blind2.ts, fixture.blind2.ts), judged over three fixtures. */
describeBlindSet({
  name: 'blind2',
  fixture: BLIND2_FIXTURE,
  queries: BLIND2_QUERIES,
  earlier: [...FIXTURE, ...BLIND_FIXTURE],
  prefix: 'c-',
  least: { listings: 60, decoys: 14, queries: 160, perGroup: 12 },
})
