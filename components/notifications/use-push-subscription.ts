"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc";

/** What this device can do about push right now. */
export type PushState =
  | "checking"
  | "unsupported" // no service worker / Push API, or not a secure context (iOS: only once installed)
  | "not_configured" // the server has no VAPID keys
  | "blocked" // the person said no in the browser
  | "off"
  | "on";

function base64UrlToBytes(value: string): Uint8Array<ArrayBuffer> {
  const padded = `${value}${"=".repeat((4 - (value.length % 4)) % 4)}`.replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(padded);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

const supported = () =>
  typeof window !== "undefined" &&
  window.isSecureContext &&
  "serviceWorker" in navigator &&
  "PushManager" in window &&
  "Notification" in window;

async function registration(): Promise<ServiceWorkerRegistration> {
  await navigator.serviceWorker.register("/sw.js", { scope: "/" });
  return navigator.serviceWorker.ready;
}

/**
 * This device's push subscription, kept in step with the server: turning it on asks the
 * browser's permission, subscribes with the server's VAPID key and saves the subscription;
 * turning it off unsubscribes in the browser and forgets it on the server.
 */
export function usePushSubscription() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.approval.notifications.pushStatus.queryOptions(undefined, { staleTime: 60_000 }));
  const [local, setLocal] = useState<"checking" | "unsupported" | "blocked" | "off" | "on">("checking");
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.approval.notifications.pushStatus.queryKey() });
  const save = useMutation(trpc.approval.notifications.subscribe.mutationOptions({ onSuccess: refresh }));
  const forget = useMutation(trpc.approval.notifications.unsubscribe.mutationOptions({ onSuccess: refresh }));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    const check = async (): Promise<typeof local> => {
      if (!supported()) return "unsupported";
      if (Notification.permission === "denied") return "blocked";
      const sub = await (await registration()).pushManager.getSubscription();
      return sub ? "on" : "off";
    };
    void check()
      .catch(() => "unsupported" as const)
      .then((state) => {
        if (live) setLocal(state);
      });
    return () => {
      live = false;
    };
  }, []);

  const enable = useCallback(async () => {
    const key = status.data?.publicKey;
    if (!key) return;
    setBusy(true);
    setError(null);
    try {
      const permission = await Notification.requestPermission();
      if (permission !== "granted") {
        setLocal(permission === "denied" ? "blocked" : "off");
        return;
      }
      const reg = await registration();
      const sub =
        (await reg.pushManager.getSubscription()) ??
        (await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(key) }));
      const json = sub.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } };
      await save.mutateAsync({ endpoint: json.endpoint, keys: json.keys });
      setLocal("on");
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : "This browser could not subscribe to push.");
    } finally {
      setBusy(false);
    }
  }, [save, status.data?.publicKey]);

  const disable = useCallback(async () => {
    setBusy(true);
    setError(null);
    try {
      const sub = await (await registration()).pushManager.getSubscription();
      if (sub) {
        await forget.mutateAsync({ endpoint: sub.endpoint });
        await sub.unsubscribe();
      }
      setLocal("off");
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : "Could not turn push off.");
    } finally {
      setBusy(false);
    }
  }, [forget]);

  const state: PushState =
    local === "checking" || local === "unsupported" || local === "blocked"
      ? local
      : status.isPending
        ? "checking"
        : !status.data?.publicKey
          ? "not_configured"
          : local;
  return { state, devices: status.data?.devices ?? 0, busy, error, enable, disable };
}
