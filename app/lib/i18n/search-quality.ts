// Search strings added with majors, homophone correction and per-organisation diversity.
export const zh = {
  'search.facet.majors': '专业',
  'search.facet.organisation': '发布机构',
  'search.corrected': '已为您显示“{corrected}”的结果',
  'search.moreFromOrganisation': '该机构还有 {n} 条',
  'listing.majors': '面向专业',
  'import.col.listingMajors': '面向专业',
  'import.hint.listingMajors': '选填；多个用、分隔',
} as const

export const en: Record<keyof typeof zh, string> = {
  'search.facet.majors': 'Majors',
  'search.facet.organisation': 'Posted by',
  'search.corrected': 'Showing results for “{corrected}”',
  'search.moreFromOrganisation': '{n} more from this organisation',
  'listing.majors': 'Majors',
  'import.col.listingMajors': 'Majors (optional)',
  'import.hint.listingMajors': 'Optional; separate several with 、 or commas',
}
