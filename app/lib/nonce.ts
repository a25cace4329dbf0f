import { createContext, createElement, useContext, type ReactNode } from 'react'

const NonceContext = createContext<string | undefined>(undefined)

export function NonceProvider({ value, children }: { value: string | undefined; children: ReactNode }) {
  return createElement(NonceContext.Provider, { value }, children)
}

/** The per-request CSP nonce, for <Scripts> and <ScrollRestoration> in root.tsx. */
export const useNonce = () => useContext(NonceContext)
