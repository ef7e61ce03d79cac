"use client";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { usePushSubscription, type PushState } from "./use-push-subscription";

const EXPLAIN: Record<PushState, string> = {
  checking: "Checking this device…",
  unsupported:
    "This browser cannot receive push notifications here. On an iPhone, add Handrail to the home screen first, then open it from there.",
  not_configured: "Push notifications are not set up on this server. You still get an email.",
  blocked: "Notifications are blocked for this site. Allow them in the browser's site settings, then come back.",
  off: "Get a notification on this device when an approval is assigned to you, is about to expire or escalates.",
  on: "This device gets a notification when an approval is assigned to you, is about to expire or escalates.",
};

/** The subscribe / unsubscribe control for this device (settings page, full; inbox, compact). */
export function PushToggle({ compact = false }: { compact?: boolean }) {
  const push = usePushSubscription();
  if (compact) {
    // In the inbox only the one useful nudge shows: turning it on.
    if (push.state !== "off") return null;
    return (
      <div
        className="mb-3 flex items-center justify-between gap-3 rounded-lg border border-brand-100 bg-brand-50 px-3 py-2 text-sm text-brand-800"
        data-testid="push-nudge"
      >
        <span>Get a push notification when something needs you.</span>
        <Button size="sm" onClick={() => void push.enable()} loading={push.busy} data-testid="push-enable">
          Turn on
        </Button>
      </div>
    );
  }
  return (
    <div className="space-y-3" data-testid="push-toggle" data-state={push.state}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="flex items-center gap-2 text-sm font-medium text-slate-800">
          Push on this device
          <Badge tone={push.state === "on" ? "success" : "neutral"} data-testid="push-state">
            {push.state === "on" ? "On" : push.state === "checking" ? "…" : "Off"}
          </Badge>
        </p>
        {push.state === "off" ? (
          <Button onClick={() => void push.enable()} loading={push.busy} data-testid="push-enable">
            Turn on
          </Button>
        ) : null}
        {push.state === "on" ? (
          <Button
            variant="secondary"
            onClick={() => void push.disable()}
            loading={push.busy}
            data-testid="push-disable"
          >
            Turn off
          </Button>
        ) : null}
      </div>
      <p className="text-sm text-slate-600" data-testid="push-explain">
        {EXPLAIN[push.state]}
      </p>
      {push.devices > 0 ? (
        <p className="text-xs text-slate-500" data-testid="push-devices">
          {push.devices} device{push.devices === 1 ? "" : "s"} of yours receive{push.devices === 1 ? "s" : ""} push
          notifications.
        </p>
      ) : null}
      {push.error ? (
        <Alert tone="error" data-testid="push-error">
          {push.error}
        </Alert>
      ) : null}
    </div>
  );
}
