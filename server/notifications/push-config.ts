import { env } from "../env";

export type VapidDetails = { subject: string; publicKey: string; privateKey: string };

/** The server's VAPID identity, or null when Web Push is not configured (push is then skipped). */
export function vapidDetails(): VapidDetails | null {
  if (!env.VAPID_PUBLIC_KEY || !env.VAPID_PRIVATE_KEY) return null;
  return { subject: env.VAPID_SUBJECT, publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY };
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Where the server may POST a push message. Browsers' push services are public HTTPS hosts;
 * refusing plain HTTP, IP literals and local names keeps a subscription from pointing the server
 * at the internal network. Tests may allow a loopback fake push service (WEB_PUSH_ALLOW_LOOPBACK).
 */
export function refusePushEndpoint(endpoint: string): string | null {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return "The push endpoint is not a URL.";
  }
  if (LOOPBACK.has(url.hostname) && env.WEB_PUSH_ALLOW_LOOPBACK === "1") return null;
  if (url.protocol !== "https:") return "The push endpoint must use HTTPS.";
  const host = url.hostname;
  if (LOOPBACK.has(host) || host.endsWith(".localhost") || host.endsWith(".local") || !host.includes(".")) {
    return "The push endpoint must be a public push service.";
  }
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith("[")) return "The push endpoint must be a host name.";
  return null;
}
