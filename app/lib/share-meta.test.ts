import { describe, expect, it } from 'vitest'
import { mailtoHref, telHref } from './contact-links'
import { shareMeta, summarise } from './share-meta'

describe('shareMeta', () => {
  const tags = shareMeta({
    title: '煤机装备实习 · 晋产教',
    description: '面向机电一体化技术专业学生。\n\n提供装配与调试岗位。',
    url: 'https://jcj.example.cn/listings/7',
    imageUrl: 'https://jcj.example.cn/share-card.png',
    siteName: '晋产教',
  })
  const content = (key: string) =>
    tags.find((t) => ('property' in t && t.property === key) || ('name' in t && t.name === key)) as { content: string } | undefined

  it('gives a description and Open Graph and Twitter card tags with absolute links', () => {
    expect(content('description')?.content).toBe('面向机电一体化技术专业学生。 提供装配与调试岗位。')
    expect(content('og:title')?.content).toBe('煤机装备实习 · 晋产教')
    expect(content('og:url')?.content).toBe('https://jcj.example.cn/listings/7')
    expect(content('og:image')?.content).toBe('https://jcj.example.cn/share-card.png')
    expect(content('twitter:card')?.content).toBe('summary_large_image')
    expect(content('twitter:image')?.content).toBe('https://jcj.example.cn/share-card.png')
  })

  it('cuts long descriptions at a character with an ellipsis', () => {
    const long = '实'.repeat(300)
    expect(Array.from(summarise(long))).toHaveLength(120)
    expect(summarise(long).endsWith('…')).toBe(true)
  })
})

describe('contact links', () => {
  it('turns phone numbers into tel: links, dropping spaces, dashes and extensions', () => {
    expect(telHref('0351-6012345')).toBe('tel:03516012345')
    expect(telHref('+86 139 0351 2468')).toBe('tel:+8613903512468')
    expect(telHref('0354-3061234 转 806')).toBe('tel:03543061234')
    expect(telHref('待定')).toBeNull()
    expect(telHref(null)).toBeNull()
  })

  it('turns email addresses into mailto: links and leaves anything else alone', () => {
    expect(mailtoHref(' hr@tzmj.com.cn ')).toBe('mailto:hr@tzmj.com.cn')
    expect(mailtoHref('not an address')).toBeNull()
  })
})
