// Stands in for the `server-only` package in tests: the real one throws when imported outside a
// React Server Components build, which a plain Node test process is not.
export {};
