import webpush from "web-push";

/**
 * A fresh VAPID key pair (P-256, base64url), as the env vars the app reads. No env import here:
 * `npm start` calls it before the environment is complete, to write the pair into .env.local.
 */
export function generateVapidKeys(): { VAPID_PUBLIC_KEY: string; VAPID_PRIVATE_KEY: string } {
  const { publicKey, privateKey } = webpush.generateVAPIDKeys();
  return { VAPID_PUBLIC_KEY: publicKey, VAPID_PRIVATE_KEY: privateKey };
}
