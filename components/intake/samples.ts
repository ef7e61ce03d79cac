import type { IntakeKind } from "@/inngest/events";

/** An example body per intake kind, for the signing instructions (docs/intake.md has the contracts). */
export const SAMPLE_PAYLOADS: Record<IntakeKind, Record<string, unknown>> = {
  lead: { source_id: "crm-10492", email: "ann@acme.example", first_name: "Ann", company: "Acme", source: "api" },
  ticket: {
    source_id: "ticket-5531",
    from: "sam@customer.example",
    subject: "Cannot export my invoices",
    body: "The export button does nothing since yesterday.",
  },
  invoice: {
    source_id: "inv-2026-0042",
    text: "INVOICE INV-2026-0042\nVendor: Northwind\nPO: PO-7781\nTotal: 1,250.00 EUR",
  },
  article: {
    source_id: "post-88",
    title: "Our spring release",
    body: "Today we ship …",
    url: "https://example.com/blog/spring",
  },
  mention: {
    source_id: "m-901",
    kind: "mention",
    channel: "@handrail",
    author: "@dana",
    body: "Love the new release!",
  },
};

export function curlExample(url: string, body: string): string {
  return [
    `SECRET='whsec_…'   # shown once when you create or rotate it`,
    `BODY='${body.replace(/'/g, "'\\''")}'`,
    `T=$(date +%s)`,
    `SIG=$(printf '%s' "$T.$BODY" | openssl dgst -sha256 -hmac "$SECRET" | sed 's/^.* //')`,
    `curl -sS -X POST '${url}' \\`,
    `  -H 'content-type: application/json' \\`,
    `  -H "Handrail-Signature: t=$T,v1=$SIG" \\`,
    `  --data "$BODY"`,
  ].join("\n");
}

export function curlEmailExample(url: string): string {
  return [
    `SECRET='whsec_…'`,
    `T=$(date +%s)`,
    `SIG=$( (printf '%s.' "$T"; cat message.eml) | openssl dgst -sha256 -hmac "$SECRET" | sed 's/^.* //')`,
    `curl -sS -X POST '${url}' \\`,
    `  -H 'content-type: message/rfc822' \\`,
    `  -H "Handrail-Signature: t=$T,v1=$SIG" \\`,
    `  --data-binary @message.eml`,
  ].join("\n");
}

export function apiKeyExample(url: string, body: string): string {
  return [
    `curl -sS -X POST '${url}' \\`,
    `  -H 'authorization: Bearer hrk_…' \\`,
    `  -H 'content-type: application/json' \\`,
    `  --data '${body.replace(/'/g, "'\\''")}'`,
  ].join("\n");
}
