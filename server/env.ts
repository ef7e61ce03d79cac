import { createEnv } from "@t3-oss/env-nextjs";
import { z } from "zod";

/**
 * The one place environment variables are read. `npm start` writes generated secrets to
 * `.env.local` for the embedded default; production sets them explicitly.
 */
export const env = createEnv({
  server: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z
      .string({ error: "DATABASE_URL is missing: the app's PostgreSQL login (a role RLS applies to)" })
      .url("DATABASE_URL must be a postgres:// URL"),
    AUTH_SECRET: z
      .string({ error: "AUTH_SECRET is missing: generate one with `openssl rand -base64 32`" })
      .min(32, "AUTH_SECRET must be at least 32 characters"),
    HANDRAIL_ENCRYPTION_KEY: z
      .string({ error: "HANDRAIL_ENCRYPTION_KEY is missing: 32 random bytes, base64 (`openssl rand -base64 32`)" })
      .refine(
        (v) => Buffer.from(v, "base64").length === 32,
        "HANDRAIL_ENCRYPTION_KEY must be 32 bytes, base64-encoded",
      ),
    APP_URL: z.string().url().default("http://localhost:3000"),
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default("Handrail <no-reply@handrail.local>"),
    // Web Push (server/notifications/vapid.ts generates a pair; `npm start` keeps one in .env.local).
    VAPID_PUBLIC_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{87}$/, "VAPID_PUBLIC_KEY must be an uncompressed P-256 public key, base64url")
      .optional(),
    VAPID_PRIVATE_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/, "VAPID_PRIVATE_KEY must be a 32-byte P-256 private key, base64url")
      .optional(),
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:|https:\/\/)/, "VAPID_SUBJECT must be a mailto: address or an https:// URL")
      .default("mailto:admin@handrail.local"),
    /** Tests only: accept push endpoints on loopback over plain HTTP (a local fake push service). */
    WEB_PUSH_ALLOW_LOOPBACK: z.enum(["0", "1"]).default("0"),
  },
  client: {},
  experimental__runtimeEnv: {},
  emptyStringAsUndefined: true,
  skipValidation: process.env.SKIP_ENV_VALIDATION === "1",
});
