// V8's heap limits for the production server process (`npm start` in package.json, the benchmark,
// the end-to-end tests and Lighthouse start it with these). Command-line flags, because V8 sizes its
// heap when the process starts (v8.setFlagsFromString afterwards has no effect), and not in
// NODE_OPTIONS, which every child (next build and its type check) would inherit.
// Why (docs/performance.md "Memory budget"): without a limit, V8 on a machine with 16+ GB sizes
// the heap for 4 GB and lets the old space grow to 4 times what survived the last full collection
// before it collects again: the server held 250-270 MB of old space for about 130 MB of live
// objects (`npm run bench`, 10,000 organizations). A lower limit makes V8 grow the heap by a
// smaller factor (about 1.4 below 512 MB) and collect sooner.
// - --max-old-space-size: the live set (~130 MB: Next, React, Prisma, the route code) plus the
//   caches' budgets (PAGE_CACHE_MAX_MB, PUBLIC_CACHE_MAX_MB, EDGE_CACHE_MAX_MB) plus the renders in
//   flight (RENDER_CONCURRENCY) must stay well below it, or the process dies of "heap out of memory".
// - --max-semi-space-size: the young generation (two semi-spaces) is at most 2 x 8 MB instead of
//   2 x 16 MB.
export const SERVER_NODE_FLAGS = ['--max-old-space-size=384', '--max-semi-space-size=8'];
