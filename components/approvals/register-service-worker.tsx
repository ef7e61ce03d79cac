"use client";

import { useEffect } from "react";

/** Installs the offline shell (public/sw.js). Decisions are never cached or queued offline. */
export function RegisterServiceWorker() {
  useEffect(() => {
    if ("serviceWorker" in navigator && window.isSecureContext) {
      navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => undefined);
    }
  }, []);
  return null;
}
