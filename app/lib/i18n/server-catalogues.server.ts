import * as govCatalogue from './gov'
import { MESSAGES } from '.'

// The server-only catalogues typed by ServerCatalogues in ./index.ts, merged into the messages the
// server translates with and the root loader sends to the browser.
for (const catalogue of [govCatalogue]) {
  Object.assign(MESSAGES['zh-CN'], catalogue.zh)
  Object.assign(MESSAGES.en, catalogue.en)
}
