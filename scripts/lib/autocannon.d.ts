// The few fields of autocannon 9 the load test reads; the package ships no types.
declare module 'autocannon' {
  type Histogram = { average: number; p50: number; p97_5: number; p99: number; max: number; total: number }
  export type Result = { requests: Histogram; latency: Histogram; throughput: Histogram; non2xx: number; errors: number; timeouts: number }
  type RequestParams = { method?: string; path?: string; headers?: Record<string, string>; body?: string }
  export type Request = RequestParams & {
    setupRequest?: (request: RequestParams, context: Record<string, unknown>) => RequestParams
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string | string[]>) => void
  }
  export default function autocannon(options: {
    url: string
    requests?: Request[]
    connections?: number
    duration?: number
    amount?: number
    method?: string
    headers?: Record<string, string>
    body?: string
  }): Promise<Result>
}
