/** One quota indicator of an enterprise for a year, as the server works it out and the quota panel shows it. */
export type QuotaLine = {
  indicator: 'internship_post_ratio' | 'teacher_practice_ratio'
  threshold: number
  base: number | null
  required: number | null
  published: number
  missing: number | null
  met: boolean | null
}
