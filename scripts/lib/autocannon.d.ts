// The few fields of autocannon 9 the load test reads; the package ships no types.
declare module 'autocannon' {
  type Histogram = { average: number; p50: number; p97_5: number; p99: number; max: number; total: number }
  export type Result = { requests: Histogram; latency: Histogram; throughput: Histogram; non2xx: number; errors: number; timeouts: number }
  export default function autocannon(options: {
    url: string
    connections?: number
    duration?: number
    amount?: number
    method?: string
    headers?: Record<string, string>
    body?: string
  }): Promise<Result>
}
