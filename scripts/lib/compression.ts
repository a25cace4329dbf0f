import { constants } from 'node:zlib'
import compression from 'compression'

/**
 * Brotli's window, in bits: 2^18 = 256 KB, more than the largest page (the search page, ~131 KB), so
 * nothing compresses worse than with the default 4 MB window (22 bits). Each brotli stream allocates
 * for its window: ~10 MB at 22 bits, ~2 MB at 18 (measured with heaptrack). At 10 connections the
 * freed blocks stayed in glibc's arenas and made most of a worker's RSS after the load test.
 */
export const BROTLI_WINDOW_BITS = 18

/**
 * Brotli quality 3 instead of the package's 4: the 103 KB search page in 1.0 ms instead of 2.1 ms of
 * CPU for 15.7 KB instead of 14.5 KB (measured in the throughput work's notes, issue 15).
 */
export const BROTLI_QUALITY = 3

/** The compression middleware for pages: brotli with a page-sized window, else gzip. */
export const pageCompression = () =>
  compression({
    brotli: { params: { [constants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS, [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY } },
  })
