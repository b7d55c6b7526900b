// V8's heap limits for the production server process (`npm start` in package.json, the benchmark,
// the end-to-end tests and Lighthouse start it with these). Command-line flags, because V8 sizes its
// heap when the process starts (v8.setFlagsFromString afterwards has no effect), and not in
// NODE_OPTIONS, which every child (next build and its type check) would inherit.
// Why (docs/performance.md "Memory budget"): without a limit, V8 on a machine with 16+ GB sizes
// the heap for 4 GB and lets the old space grow to 4 times what survived the last full collection
// before it collects again: the server held 250-270 MB of old space for about 130 MB of live
// objects (`npm run bench`, 10,000 organizations). A lower limit makes V8 grow the heap by a
// smaller factor (about 1.4 at 512 MB: V8 scales it from 1.3 at 256 MB to 4 at 2 GB) and collect
// sooner: peak RSS in the bench 530-560 MB before, 352 MB with these flags.
// - --max-old-space-size: the live set (~130 MB: Next, React, Prisma, the route code) plus the
//   caches' budgets (PAGE_CACHE_MAX_MB 64, PUBLIC_CACHE_MAX_MB 16, twice that for non-Latin text)
//   plus the renders in flight (RENDER_CONCURRENCY) must stay well below it, or the process dies of
//   "heap out of memory". 384 gave about the same peak (367 MB) with less room to spare.
// - --max-semi-space-size: the young generation (two semi-spaces) is at most 2 x 8 MB instead of
//   2 x 16 MB.
export const SERVER_NODE_FLAGS = ['--max-old-space-size=512', '--max-semi-space-size=8'];
