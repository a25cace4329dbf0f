import { bigramTokens } from './text'

export type SearchVectorText = { title: string; description: string; majors: readonly string[] }

/**
 * listings.search_vector in tsvector's text form, as Postgres computes it in jcj_listing_search_vector
 * (migration 0020): the bigram tokens of the title (weight A), description (B) and majors (C), each token one
 * position, each part's positions after the previous part's (what tsvector || does). The app's writes get the
 * value from the trigger; the generator computes it here so 500,000 COPYed rows cost the database nothing
 * (the SQL tokeniser is ~99% of the work), and checks a sample against the SQL function.
 */
export function listingSearchVector({ title, description, majors }: SearchVectorText): string {
  const positions = new Map<string, string[]>()
  let offset = 0
  const parts: [string, string][] = [
    [title, 'A'],
    [description, 'B'],
    [majors.join(' '), 'C'],
  ]
  for (const [text, weight] of parts) {
    const tokens = bigramTokens(text)
    tokens.forEach((token, i) => {
      const list = positions.get(token)
      const position = `${offset + i + 1}${weight}`
      if (list) list.push(position)
      else positions.set(token, [position])
    })
    offset += tokens.length
  }
  return [...positions].map(([lexeme, list]) => `'${lexeme.replace(/['\\]/g, (c) => `\\${c}`)}':${list.join(',')}`).join(' ')
}
