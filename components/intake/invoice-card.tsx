"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/components/lib/trpc-errors";
import { useOrg } from "@/components/shell/org-context";
import { useTRPC } from "@/components/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field } from "@/components/ui/field";

type Outcome = { itemId: string; duplicate: boolean };
const MAX_PDF_BYTES = 10 * 1024 * 1024;

/** Sends the file's bytes to the upload route (the same procedure and permission checks as every call). */
async function uploadPdf(slug: string, workflowId: string, file: File): Promise<Outcome> {
  const res = await fetch(`/api/intake/upload/${encodeURIComponent(workflowId)}`, {
    method: "POST",
    headers: {
      "content-type": "application/pdf",
      "x-handrail-org": slug,
      "x-filename": encodeURIComponent(file.name),
    },
    body: file,
  });
  const body = (await res.json().catch(() => ({}))) as Partial<Outcome> & { message?: string };
  if (!res.ok || !body.itemId) throw new Error(body.message ?? "The upload failed. Please try again.");
  return { itemId: body.itemId, duplicate: Boolean(body.duplicate) };
}

function OutcomeAlert({ outcome }: { outcome: Outcome }) {
  return outcome.duplicate ? (
    <Alert tone="info" data-testid="invoice-outcome">
      This invoice was already received; no second run starts.
    </Alert>
  ) : (
    <Alert tone="success" data-testid="invoice-outcome">
      Invoice received. It appears in the list below.
    </Alert>
  );
}

export function InvoiceCard({ workflowId }: { workflowId: string }) {
  const org = useOrg();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState("");
  const refresh = () => queryClient.invalidateQueries(trpc.intake.items.queryFilter());
  const upload = useMutation({
    mutationFn: (f: File) => uploadPdf(org.slug, workflowId, f),
    onSuccess: refresh,
  });
  const paste = useMutation(
    trpc.intake.submitInvoiceText.mutationOptions({
      onSuccess: async () => {
        setText("");
        await refresh();
      },
    }),
  );

  function submitFile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (file) upload.mutate(file);
  }
  function submitText(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    paste.mutate({ workflowId, text });
  }
  const tooBig = file !== null && file.size > MAX_PDF_BYTES;

  return (
    <Card
      title="Add an invoice"
      description="Upload a PDF (its text is read; the file is kept) or paste the invoice text."
      data-testid="invoice-card"
    >
      <div className="grid gap-6 md:grid-cols-2">
        <form onSubmit={submitFile} className="space-y-3" data-testid="invoice-upload-form">
          <Field
            id="invoice-file"
            label="PDF invoice"
            hint="Up to 10 MB. Scanned PDFs without text cannot be read."
            error={tooBig ? "The PDF is larger than 10 MB." : null}
          >
            <input
              type="file"
              accept="application/pdf,.pdf"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              className="block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
              data-testid="invoice-file"
            />
          </Field>
          {upload.error ? <Alert tone="error">{upload.error.message}</Alert> : null}
          {upload.data ? <OutcomeAlert outcome={upload.data} /> : null}
          <Button type="submit" disabled={!file || tooBig} loading={upload.isPending} data-testid="invoice-upload">
            Upload PDF
          </Button>
        </form>
        <form onSubmit={submitText} className="space-y-3" data-testid="invoice-paste-form">
          <Field id="invoice-text" label="Invoice text">
            <textarea
              rows={6}
              value={text}
              onChange={(e) => setText(e.target.value)}
              className="block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm"
              placeholder={"INVOICE INV-1042\nVendor: …\nTotal: …"}
              data-testid="invoice-text"
            />
          </Field>
          {paste.error ? <Alert tone="error">{errorMessage(paste.error)}</Alert> : null}
          {paste.data ? <OutcomeAlert outcome={paste.data} /> : null}
          <Button type="submit" disabled={!text.trim()} loading={paste.isPending} data-testid="invoice-paste">
            Submit text
          </Button>
        </form>
      </div>
    </Card>
  );
}
