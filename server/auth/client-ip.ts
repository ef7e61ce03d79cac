/**
 * The caller's address for rate limiting and the audit log. The last `x-forwarded-for` entry is
 * the one added by the nearest hop (the reverse proxy in production; Next.js itself when the
 * header is absent), so a client cannot pick it by sending its own header through a proxy.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return (last || headers.get("x-real-ip") || "unknown").slice(0, 64);
}
