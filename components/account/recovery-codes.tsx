"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

/** Shown once, right after the codes are made: the server keeps only their hashes. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <Card
      title="Save your recovery codes"
      description="Each code signs you in once if you lose your authenticator. They will not be shown again."
      data-testid="recovery-codes-card"
    >
      <ol
        className="grid grid-cols-1 gap-x-6 gap-y-1.5 rounded-md bg-slate-50 px-4 py-3 font-mono text-sm text-slate-900 select-all sm:grid-cols-2"
        data-testid="recovery-codes"
      >
        {codes.map((code) => (
          <li key={code} data-testid="recovery-code">
            {code}
          </li>
        ))}
      </ol>
      {copied === "failed" ? (
        <Alert tone="warning" className="mt-3">
          Copying is blocked in this browser. Select the codes and copy them by hand.
        </Alert>
      ) : null}
      <div className="mt-4 flex flex-wrap gap-2">
        <Button variant="secondary" onClick={copy} data-testid="recovery-codes-copy">
          {copied === "copied" ? "Copied" : "Copy codes"}
        </Button>
        <Button onClick={onDone} data-testid="recovery-codes-done">
          I have saved them
        </Button>
      </div>
    </Card>
  );
}
