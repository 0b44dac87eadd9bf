import { z } from 'zod';

/**
 * The one place that reads process.env. Validated once, at first use (boot), so a bad setting
 * fails fast with the variable named instead of surfacing later as a confusing runtime error.
 */
const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Real PostgreSQL + PostGIS when set; embedded PGlite otherwise.
  DATABASE_URL: z.string().url().optional(),
  // Where the embedded engine keeps its files; ':memory:' for throwaway databases.
  PGLITE_DATA_DIR: z.string().min(1).default('.data/pglite'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  // Uploaded files (job photos, bid attachments, dispute evidence): local disk by default; an
  // S3-compatible bucket when STORAGE_S3_BUCKET is set (several app instances share it).
  STORAGE_DIR: z.string().min(1).default('.data/files'),
  STORAGE_S3_BUCKET: z.string().min(1).optional(),
  STORAGE_S3_ENDPOINT: z.string().url().optional(),
  STORAGE_S3_REGION: z.string().min(1).default('us-east-1'),
  STORAGE_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  STORAGE_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  AUTH_SECRET: z.string().min(16, 'AUTH_SECRET must be at least 16 characters'),
  // Public origin used in links inside emails (reset, verification).
  APP_URL: z.string().url().default('http://localhost:3000'),
  // Serving a production build over plain http (local tests, benches) must not set Secure cookies
  // or HSTS, or the browser drops the session cookie. Only an explicit setting turns that off.
  ALLOW_INSECURE_HTTP: bool,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // SMTP transport for email; with none, mail lands in the local mailbox (/dev/mailbox).
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Fixnado <no-reply@fixnado.local>'),
  // The local mailbox page open to anyone (development, demos, browser tests). Off in production
  // unless set: it shows sign-up and reset links. Without it only admins/operations can read it.
  DEV_MAILBOX_PUBLIC: z.enum(['true', 'false']).optional(),
  // Run pg-boss workers inside the app process (default) — required on the embedded engine.
  JOBS_IN_PROCESS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  // Feature toggle environment (toggles are per environment).
  APP_ENV: z.string().min(1).default('local'),
  // Basemap style for the explorer; a token switches the map library to Mapbox GL.
  // `offline` forces the built-in offline style (tests, air-gapped demos).
  NEXT_PUBLIC_MAP_STYLE_URL: z.union([z.literal('offline'), z.string().url()]).optional(),
  NEXT_PUBLIC_MAPBOX_TOKEN: z.string().optional(),
  // Sign-in throttling: attempts per window per account+address and per address.
  SIGNIN_MAX_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  SIGNIN_MAX_PER_IP: z.coerce.number().int().min(1).default(50),
  SIGNIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
  // How many proxies in front of the app append to X-Forwarded-For (the load balancer = 1).
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(1).max(5).default(1),
  // Geo: largest zone accepted (km²), analytics snapshot schedule (cron, UTC), optional online
  // geocoder (Nominatim-compatible search URL); without it place search uses the offline gazetteer.
  ZONE_MAX_AREA_KM2: z.coerce.number().positive().default(5000),
  ZONE_SNAPSHOT_CRON: z.string().min(9).default('*/30 * * * *'),
  GEOCODER_URL: z.string().url().optional(),
  // finance helper: payments go to Stripe when a secret key is set, else to the built-in offline
  // test gateway; the webhook secret verifies Stripe-Signature on /api/v1/payments/stripe/webhook.
  STRIPE_SECRET_KEY: z.string().min(8).optional(),
  STRIPE_WEBHOOK_SECRET: z.string().min(8).optional(),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function env(): Env {
  if (cached) return cached;
  const source = { ...process.env };
  // Development and tests get a fixed, clearly-local secret so the zero-setup path works;
  // production must bring its own.
  // `next build` evaluates route modules to collect page data; secrets are a run-time concern.
  const building = source.NEXT_PHASE === 'phase-production-build';
  if (!source.AUTH_SECRET && (source.NODE_ENV !== 'production' || building)) {
    source.AUTH_SECRET = 'fixnado-local-development-secret-not-for-production';
  }
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment configuration:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}

/** Tests change settings between files; production never calls this. */
export function resetEnvForTests(): void {
  cached = undefined;
}
