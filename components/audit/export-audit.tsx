"use client";

import { useMutation } from "@tanstack/react-query";
import { errorMessage } from "@/components/lib/trpc-errors";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

function download(filename: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: "application/x-ndjson" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** Downloads the whole chain as JSON Lines, hashes included, for verification elsewhere. */
export function ExportAudit() {
  const trpc = useTRPC();
  const exportLog = useMutation(
    trpc.audit.export.mutationOptions({ onSuccess: (file) => download(file.filename, file.content) }),
  );
  return (
    <div className="space-y-3">
      <Button
        variant="secondary"
        onClick={() => exportLog.mutate()}
        loading={exportLog.isPending}
        data-testid="audit-export"
      >
        Export (JSON Lines)
      </Button>
      {exportLog.error ? <Alert tone="error">{errorMessage(exportLog.error)}</Alert> : null}
      {exportLog.data ? (
        <p className="text-sm text-slate-600" data-testid="audit-export-result">
          Exported {exportLog.data.entries} entries.
        </p>
      ) : null}
    </div>
  );
}
