import { describeBlindSet } from './blind-set'
import { FIXTURE } from './fixture'
import { BLIND_FIXTURE } from './fixture.blind'
import { BLIND_QUERIES } from './queries.blind'

/** The first blind held-out set (queries.blind.ts, fixture.blind.ts), judged over FIXTURE and its own listings. */
describeBlindSet({
  name: 'blind',
  fixture: BLIND_FIXTURE,
  queries: BLIND_QUERIES,
  earlier: FIXTURE,
  prefix: 'b-',
  least: { listings: 40, decoys: 12, queries: 130, perGroup: 8 },
})
