// The only place that reads process.env: validated once, typed everywhere else.
import { z } from 'zod';
import { DEFAULT_TILE_ATTRIBUTION, DEFAULT_TILE_ATTRIBUTION_URL, DEFAULT_TILE_URL, tileUrlProblem } from './map/tiles';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z.string().min(1, 'DATABASE_URL fehlt: Starten Sie die App mit `npm run dev` oder setzen Sie die Variable.'),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  APP_URL: z.string().url().default('http://localhost:3000'),
  SMTP_HOST: z.string().optional(),
  SMTP_PORT: z.coerce.number().int().positive().optional(),
  SMTP_USER: z.string().optional(),
  SMTP_PASSWORD: z.string().optional(),
  SMTP_FROM: z.string().default('Netzwerk Integration Stendal <no-reply@localhost>'),
  SMTP_SECURE: z.enum(['true', 'false']).optional(),
  // Second factor for coordinators; unset: required in production, optional elsewhere.
  REQUIRE_ADMIN_MFA: z.enum(['true', 'false']).optional(),
  // The actor page's map (lib/map/tiles.ts): tile URL template and the attribution its provider asks for.
  MAP_TILE_URL: z
    .string()
    .default(DEFAULT_TILE_URL)
    .superRefine((value, ctx) => {
      const problem = tileUrlProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `MAP_TILE_URL ${problem}.` });
    }),
  MAP_TILE_ATTRIBUTION: z.string().min(1).default(DEFAULT_TILE_ATTRIBUTION),
  MAP_TILE_ATTRIBUTION_URL: z.string().url().default(DEFAULT_TILE_ATTRIBUTION_URL),
}).superRefine((env, ctx) => {
  // Development and tests generate a secret in .data/ (lib/auth/secret.ts); production must set it.
  if (env.NODE_ENV === 'production' && !env.NEXTAUTH_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['NEXTAUTH_SECRET'], message: 'NEXTAUTH_SECRET fehlt (mindestens 16 Zeichen, z. B. `openssl rand -base64 32`).' });
  }
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
      throw new Error(`Ungültige Umgebungsvariablen:\n${lines.join('\n')}`);
    }
    cached = parsed.data;
  }
  return cached;
}

// Whether coordinators must use a second factor (TOTP) to work in the admin area.
export function isAdminMfaRequired(env: Env = getEnv()): boolean {
  return env.REQUIRE_ADMIN_MFA ? env.REQUIRE_ADMIN_MFA === 'true' : env.NODE_ENV === 'production';
}
