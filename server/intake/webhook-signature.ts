import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed intake (webhook and raw email), Stripe-style:
 *   Handrail-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
 * The timestamp is inside the signed string, so an old body cannot be re-sent with a new time;
 * a delivery is accepted within REPLAY_WINDOW_SECONDS of its timestamp, once.
 */
export const SIGNATURE_HEADER = "handrail-signature";
export const REPLAY_WINDOW_SECONDS = 5 * 60;

export function signatureFor(secret: string, timestamp: number, body: Uint8Array | string): string {
  const hmac = createHmac("sha256", secret);
  hmac.update(`${timestamp}.`);
  hmac.update(typeof body === "string" ? Buffer.from(body, "utf8") : body);
  return hmac.digest("hex");
}

/** The header value a sender sets: `t=…,v1=…`. */
export function signatureHeader(secret: string, body: Uint8Array | string, now = Date.now()): string {
  const t = Math.floor(now / 1000);
  return `t=${t},v1=${signatureFor(secret, t, body)}`;
}

export type SignatureCheck =
  | { ok: true; timestamp: number; signature: string }
  | { ok: false; reason: "missing" | "malformed" | "expired" | "mismatch"; message: string };

type Parsed = { timestamp: number; signatures: string[] };

function parseHeader(header: string): Parsed | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const [key, value] = part.trim().split("=", 2);
    if (key === "t" && value && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === "v1" && value && /^[0-9a-f]{64}$/i.test(value)) signatures.push(value.toLowerCase());
  }
  return timestamp === null || signatures.length === 0 ? null : { timestamp, signatures: signatures.slice(0, 5) };
}

/** Checks the header against the raw body in constant time; the caller then rejects replays. */
export function verifySignature(args: {
  header: string | null;
  body: Uint8Array;
  secret: string;
  now?: number;
}): SignatureCheck {
  if (!args.header) return { ok: false, reason: "missing", message: `Sign the request: ${SIGNATURE_HEADER} header.` };
  const parsed = parseHeader(args.header);
  if (!parsed) {
    return { ok: false, reason: "malformed", message: `${SIGNATURE_HEADER} must look like t=<unix seconds>,v1=<hex>.` };
  }
  const nowSeconds = Math.floor((args.now ?? Date.now()) / 1000);
  if (Math.abs(nowSeconds - parsed.timestamp) > REPLAY_WINDOW_SECONDS) {
    return {
      ok: false,
      reason: "expired",
      message: `The signature's timestamp is more than ${REPLAY_WINDOW_SECONDS} seconds from now; sign each delivery when sending it.`,
    };
  }
  const expected = Buffer.from(signatureFor(args.secret, parsed.timestamp, args.body), "hex");
  const match = parsed.signatures.find((candidate) => timingSafeEqual(Buffer.from(candidate, "hex"), expected));
  if (!match) return { ok: false, reason: "mismatch", message: "The signature does not match the body and secret." };
  return { ok: true, timestamp: parsed.timestamp, signature: match };
}
