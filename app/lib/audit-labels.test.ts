import { describe, expect, it } from 'vitest'
import { auditActionLabel, auditSummaryLines } from './audit-labels'

describe('audit log in words', () => {
  it('names actions and summary fields instead of codes and JSON', () => {
    expect(auditActionLabel('organisation.verification.approve', 'zh-CN')).toBe('通过认证')
    expect(auditActionLabel('listing.bulk_extend', 'en')).toBe('Extended (bulk)')
    expect(auditActionLabel('something.new', 'zh-CN')).toBe('something.new')
    expect(auditSummaryLines({ from: 'pending', to: 'verified', reason: '已核实', override: true }, 'zh-CN')).toEqual([
      { label: '原状态', value: '审核中' },
      { label: '新状态', value: '已认证' },
      { label: '原因', value: '已核实' },
      { label: '无材料通过', value: '是' },
    ])
    expect(auditSummaryLines({ status: { from: 'published', to: 'paused' } }, 'zh-CN')).toEqual([
      { label: '状态', value: '已发布 → 已暂停' },
    ])
    expect(auditSummaryLines({ fields: ['title', 'capacity'], type: 'internship' }, 'en')[0]).toEqual({
      label: 'Fields changed',
      value: 'Title, Number',
    })
  })
})
