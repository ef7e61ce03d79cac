const BASE = "http://handrail.invalid";

/**
 * Only same-origin relative paths are honoured, so a crafted link cannot send people elsewhere
 * after signing in ("//evil.example" and "/\\evil.example" parse to another origin and are refused).
 */
export function safeCallbackUrl(raw: string | string[] | null | undefined, fallback: string): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !value.startsWith("/")) return fallback;
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return fallback;
    if (url.pathname === "/sign-in" || url.pathname === "/sign-up") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** `/sign-in?callbackUrl=...` (or sign-up) for a path to come back to. */
export function authHref(page: "/sign-in" | "/sign-up", callbackUrl?: string, extra?: Record<string, string>) {
  const params = new URLSearchParams(extra);
  if (callbackUrl) params.set("callbackUrl", callbackUrl);
  const query = params.toString();
  return query ? `${page}?${query}` : page;
}
