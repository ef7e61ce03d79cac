"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies `text`; where the clipboard is unavailable (insecure origin) it says how to copy by hand. */
export function CopyButton({ text, label = "Copy", testId }: { text: string; label?: string; testId?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
    window.setTimeout(() => setState("idle"), 2500);
  }
  return (
    <Button variant="secondary" size="sm" onClick={() => void copy()} data-testid={testId} aria-live="polite">
      {state === "copied" ? "Copied" : state === "failed" ? "Select and copy" : label}
    </Button>
  );
}
