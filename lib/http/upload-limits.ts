// Uploads larger than the server action body limit go to these route handlers (not to server
// actions). A request body limit in front of the app (custom server, proxy) should let exactly
// these paths through up to `maxBytes`; the handlers enforce the same limit themselves.
const UPLOAD_ROUTES = [
  // Circular attachments: 10 MB in total per circular, plus room for the multipart envelope.
  { path: /^\/api\/admin\/circulars\/[0-9a-f-]{36}\/attachments$/, maxBytes: 11 * 1024 * 1024 },
  // Import files (CSV or XLSX).
  { path: /^\/api\/admin\/import\/upload$/, maxBytes: 11 * 1024 * 1024 },
] as const;

export function uploadLimitFor(pathname: string): number | null {
  return UPLOAD_ROUTES.find((route) => route.path.test(pathname))?.maxBytes ?? null;
}
