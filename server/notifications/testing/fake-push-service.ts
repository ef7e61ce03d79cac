import { createECDH, createDecipheriv, createPublicKey, hkdfSync, randomBytes, verify } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A push service on loopback for tests (and the e2e suite): it answers like a browser's push
 * service (201, or 410 for a dropped subscription, or 500), checks the VAPID signature, and can
 * decrypt what the server sent, as the browser would (RFC 8291, aes128gcm). Never used by the app.
 */
export type Received = { path: string; headers: http.IncomingHttpHeaders; body: Buffer };

const b64u = (b: Buffer) => b.toString("base64url");

/** A browser-side subscription key pair: what PushManager.subscribe() creates on a device. */
export function newDeviceKeys() {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16);
  return { ecdh, auth, keys: { p256dh: b64u(ecdh.getPublicKey()), auth: b64u(auth) } };
}

export type DeviceKeys = ReturnType<typeof newDeviceKeys>;

/** Decrypts one aes128gcm message (a single record) with the device's keys. */
export function decryptPush(device: DeviceKeys, body: Buffer): unknown {
  const salt = body.subarray(0, 16);
  const idlen = body.readUInt8(20);
  const serverKey = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const secret = device.ecdh.computeSecret(serverKey);
  const info = Buffer.concat([Buffer.from("WebPush: info\0"), device.ecdh.getPublicKey(), serverKey]);
  const ikm = Buffer.from(hkdfSync("sha256", secret, device.auth, info, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end > 0 && padded[end] === 0) end -= 1; // trailing zero padding, then the 0x02 delimiter
  return JSON.parse(padded.subarray(0, end).toString("utf8"));
}

/** Checks the `vapid t=<jwt>, k=<key>` header: an ES256 JWT for this origin, signed by `k`. */
export function vapidIsValid(headers: http.IncomingHttpHeaders, origin: string, publicKey: string): boolean {
  const match = /^vapid t=([^,]+),\s*k=(.+)$/.exec(String(headers.authorization ?? ""));
  if (!match || match[2] !== publicKey) return false;
  const [head, payload, signature] = match[1]!.split(".");
  if (!head || !payload || !signature) return false;
  const raw = Buffer.from(publicKey, "base64url");
  const key = createPublicKey({
    key: { kty: "EC", crv: "P-256", x: b64u(raw.subarray(1, 33)), y: b64u(raw.subarray(33, 65)) },
    format: "jwk",
  });
  const ok = verify(
    "sha256",
    Buffer.from(`${head}.${payload}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString()) as { aud?: string; exp?: number };
  return ok && claims.aud === origin && (claims.exp ?? 0) * 1000 > Date.now();
}

/** Paths starting /gone answer 410, /fail 500, anything else 201. */
export async function startFakePushService() {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
      res.statusCode = path.startsWith("/gone") ? 410 : path.startsWith("/fail") ? 500 : 201;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    endpoint: (kind: "ok" | "gone" | "fail" = "ok") => `${origin}/${kind}/${b64u(randomBytes(9))}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
