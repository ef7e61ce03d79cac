import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { withAdminClient } from "../testing/callers";
import { rotateEndpointSecret } from "./intake-endpoint";
import { BODY_LIMITS } from "./intake.schemas";
import { makeEmail, makeInvoicePdf } from "./testing/documents";
import { captureIntakeEvents } from "./testing/engine-double";
import { createIntakeOrg, postSigned, serveIntake, type IntakeOrg } from "./testing/intake-fixtures";
import { REPLAY_WINDOW_SECONDS, signatureHeader } from "./webhook-signature";

let server: Awaited<ReturnType<typeof serveIntake>>;
let leads: IntakeOrg;
let support: IntakeOrg;
let invoices: IntakeOrg;
const endpoints = new Map<string, { endpointId: string; secret: string }>();
let engine: ReturnType<typeof captureIntakeEvents>;
const sent = () => engine.sent;

async function endpointFor(org: IntakeOrg) {
  const actor = { type: "human" as const, id: org.owner.id, label: org.owner.email };
  const endpoint = await rotateEndpointSecret({ orgId: org.orgId, userId: org.owner.id, actor }, org.workflowId);
  endpoints.set(org.workflowId, endpoint);
  return endpoint;
}

/** Rows as the superuser sees them: proves what was (not) stored, whatever RLS would show. */
async function storedItems(workflowId: string) {
  return withAdminClient(async (client) => {
    const { rows } = await client.query<{
      id: string;
      status: string;
      channel: string;
      payload: Record<string, unknown>;
    }>(`SELECT "id", "status", "channel", "payload" FROM "IntakeItem" WHERE "workflowId" = $1 ORDER BY "receivedAt"`, [
      workflowId,
    ]);
    return rows;
  });
}

const webhookUrl = (endpointId: string) => `${server.url}/api/intake/${endpointId}/webhook`;
const emailUrl = (endpointId: string) => `${server.url}/api/intake/${endpointId}/email`;

beforeAll(async () => {
  engine = captureIntakeEvents();
  server = await serveIntake();
  leads = await createIntakeOrg("lead_routing", "Signed Leads");
  support = await createIntakeOrg("support_triage", "Signed Support");
  invoices = await createIntakeOrg("ap_invoice_matching", "Signed AP");
  for (const org of [leads, support, invoices]) await endpointFor(org);
});

afterAll(async () => {
  await server.close();
  engine.restore();
});

afterEach(() => {
  engine.sent.length = 0;
});

describe("signed webhook", () => {
  it("accepts a signed lead, stores it normalised and sends lead/received", async () => {
    const { endpointId, secret } = endpoints.get(leads.workflowId)!;
    const body = JSON.stringify({ email: " Ann@Example.COM ", company: "Acme", source_id: "crm-1" });
    const res = await postSigned(webhookUrl(endpointId), secret, body);
    expect(res.status).toBe(202);
    const answer = (await res.json()) as { itemId: string; duplicate: boolean; status: string };
    expect(answer).toMatchObject({ duplicate: false, status: "sent" });

    const [item] = (await storedItems(leads.workflowId)).filter((i) => i.id === answer.itemId);
    expect(item).toMatchObject({ status: "sent", channel: "webhook" });
    expect(item?.payload).toMatchObject({ email: "ann@example.com", company: "Acme", source_id: "crm-1" });
    expect(sent()).toEqual([
      expect.objectContaining({
        id: `intake-${answer.itemId}`,
        name: "lead/received",
        data: {
          orgId: leads.orgId,
          workflowId: leads.workflowId,
          intakeItemId: answer.itemId,
          triggerKey: "crm-1",
          requesterId: null,
        },
      }),
    ]);
  });

  it("refuses a bad signature, an old timestamp and a missing header with 401, storing nothing", async () => {
    const { endpointId, secret } = endpoints.get(leads.workflowId)!;
    const before = (await storedItems(leads.workflowId)).length;
    const body = JSON.stringify({ email: "bob@example.com", source_id: "sig-bad" });

    const wrongSecret = await postSigned(webhookUrl(endpointId), "whsec_wrong", body);
    expect([wrongSecret.status, ((await wrongSecret.json()) as { error: string }).error]).toEqual([
      401,
      "signature_mismatch",
    ]);
    const old = await postSigned(webhookUrl(endpointId), secret, body, {
      now: Date.now() - (REPLAY_WINDOW_SECONDS + 30) * 1000,
    });
    expect([old.status, ((await old.json()) as { error: string }).error]).toEqual([401, "signature_expired"]);
    const unsigned = await fetch(webhookUrl(endpointId), { method: "POST", body });
    expect([unsigned.status, ((await unsigned.json()) as { error: string }).error]).toEqual([401, "signature_missing"]);

    expect((await storedItems(leads.workflowId)).length).toBe(before);
    expect(sent()).toEqual([]);
  });

  it("refuses a replayed delivery (same signature) even inside the window", async () => {
    const { endpointId, secret } = endpoints.get(leads.workflowId)!;
    const body = JSON.stringify({ email: "carol@example.com", source_id: "replay-1" });
    const header = signatureHeader(secret, body);
    const first = await postSigned(webhookUrl(endpointId), secret, body, { header });
    expect(first.status).toBe(202);
    const replay = await postSigned(webhookUrl(endpointId), secret, body, { header });
    expect([replay.status, ((await replay.json()) as { error: string }).error]).toEqual([401, "signature_replayed"]);
    // Signed anew, the same item is recognised as a duplicate: no second run.
    const resent = await postSigned(webhookUrl(endpointId), secret, body, { now: Date.now() - 1000 });
    expect(resent.status).toBe(200);
    expect(await resent.json()).toEqual({
      itemId: ((await first.json()) as { itemId: string }).itemId,
      duplicate: true,
    });
    expect(sent()).toHaveLength(1);
  });

  it("stops accepting the old secret once rotated", async () => {
    const old = endpoints.get(support.workflowId)!;
    const rotated = await endpointFor(support);
    expect(rotated.endpointId).toBe(old.endpointId);
    const body = JSON.stringify({ from: "dan@example.com", subject: "Help", body: "Broken", source_id: "rot-1" });
    expect((await postSigned(webhookUrl(old.endpointId), old.secret, body)).status).toBe(401);
    expect((await postSigned(webhookUrl(old.endpointId), rotated.secret, body)).status).toBe(202);
  });

  it("answers 404 for an unknown endpoint, and for a form key used as an endpoint id", async () => {
    const body = JSON.stringify({ email: "x@example.com" });
    expect((await postSigned(webhookUrl("c000000000000000000000000"), "whsec_x", body)).status).toBe(404);
    const formKey = await withAdminClient(async (c) => {
      const { rows } = await c.query<{ formKey: string }>(
        `SELECT "formKey" FROM "IntakeEndpoint" WHERE "workflowId" = $1`,
        [leads.workflowId],
      );
      return rows[0]!.formKey;
    });
    expect((await postSigned(webhookUrl(formKey), endpoints.get(leads.workflowId)!.secret, body)).status).toBe(404);
  });

  it("answers 422 with the flattened issues for a bad payload and stores nothing", async () => {
    const { endpointId, secret } = endpoints.get(support.workflowId)!;
    const before = (await storedItems(support.workflowId)).length;
    const res = await postSigned(webhookUrl(endpointId), secret, JSON.stringify({ from: "not-an-email", subject: "" }));
    expect(res.status).toBe(422);
    const answer = (await res.json()) as {
      error: string;
      message: string;
      issues: { fieldErrors: Record<string, string[]> };
    };
    expect(answer.error).toBe("invalid_payload");
    expect(answer.message).toContain("from: a valid sender email address");
    expect(Object.keys(answer.issues.fieldErrors).sort()).toEqual(["body", "from", "subject"]);

    const notJson = await postSigned(webhookUrl(endpointId), secret, "{not json");
    expect([notJson.status, ((await notJson.json()) as { error: string }).error]).toEqual([400, "invalid_json"]);
    const wrongKind = await postSigned(
      webhookUrl(endpointId),
      secret,
      JSON.stringify({ kind: "lead", email: "a@b.co" }),
    );
    expect([wrongKind.status, ((await wrongKind.json()) as { error: string }).error]).toEqual([
      422,
      "unsupported_kind",
    ]);
    expect((await storedItems(support.workflowId)).length).toBe(before);
  });

  it("refuses bodies over the limit with 413 before parsing them, declared or streamed", async () => {
    const { endpointId, secret } = endpoints.get(leads.workflowId)!;
    const before = (await storedItems(leads.workflowId)).length;
    const big = JSON.stringify({ email: "big@example.com", message: "x".repeat(BODY_LIMITS.json) });
    const declared = await postSigned(webhookUrl(endpointId), secret, big);
    expect(declared.status).toBe(413);

    // Without Content-Length (chunked), the limit applies while reading.
    const chunks = [new TextEncoder().encode(big.slice(0, 600_000)), new TextEncoder().encode(big.slice(600_000))];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const streamed = await fetch(webhookUrl(endpointId), {
      method: "POST",
      headers: { "handrail-signature": "t=1,v1=" + "0".repeat(64) },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await storedItems(leads.workflowId)).length).toBe(before);
  });

  it("accepts items for a paused workflow (the governed run holds the trigger)", async () => {
    await withAdminClient((c) =>
      c.query(`UPDATE "Workflow" SET "pausedAt" = now() WHERE "id" = $1`, [leads.workflowId]),
    );
    try {
      const { endpointId, secret } = endpoints.get(leads.workflowId)!;
      const res = await postSigned(webhookUrl(endpointId), secret, JSON.stringify({ email: "paused@example.com" }));
      expect(res.status).toBe(202);
      expect(sent().map((e) => e.name)).toEqual(["lead/received"]);
    } finally {
      await withAdminClient((c) =>
        c.query(`UPDATE "Workflow" SET "pausedAt" = NULL WHERE "id" = $1`, [leads.workflowId]),
      );
    }
  });
});

describe("signed raw email", () => {
  it("turns a support email into a ticket, keeping its attachment; the Message-ID makes repeats duplicates", async () => {
    const { endpointId, secret } = endpoints.get(support.workflowId)!;
    const raw = await makeEmail({
      from: "Erin Example <Erin@Example.com>",
      subject: "Printer on fire",
      html: "<p>The printer is <b>on fire</b>.</p>",
      messageId: "<ticket-1@mail.example.com>",
      attachments: [{ filename: "photo.txt", content: new TextEncoder().encode("smoke"), contentType: "text/plain" }],
    });
    const res = await postSigned(emailUrl(endpointId), secret, raw, { contentType: "message/rfc822" });
    expect(res.status).toBe(202);
    const { itemId } = (await res.json()) as { itemId: string };
    const [item] = (await storedItems(support.workflowId)).filter((i) => i.id === itemId);
    expect(item?.payload).toMatchObject({
      from: "erin@example.com",
      from_name: "Erin Example",
      subject: "Printer on fire",
      channel: "email",
      source_id: "<ticket-1@mail.example.com>",
    });
    expect(String(item?.payload.body)).toContain("The printer is on fire.");
    const attachments = await withAdminClient(async (c) => {
      const { rows } = await c.query<{ filename: string; content: Buffer; size: number }>(
        `SELECT "filename", "content", "size" FROM "IntakeAttachment" WHERE "intakeItemId" = $1`,
        [itemId],
      );
      return rows;
    });
    expect(attachments.map((a) => [a.filename, a.content.toString(), a.size])).toEqual([["photo.txt", "smoke", 5]]);
    expect(sent().map((e) => e.name)).toEqual(["ticket/received"]);

    const again = await postSigned(emailUrl(endpointId), secret, raw, {
      contentType: "message/rfc822",
      now: Date.now() - 2000,
    });
    expect(await again.json()).toEqual({ itemId, duplicate: true });
  });

  it("turns an emailed PDF invoice into the invoice payload with the PDF's text", async () => {
    const { endpointId, secret } = endpoints.get(invoices.workflowId)!;
    const pdf = await makeInvoicePdf([
      "INVOICE INV-2041",
      "Vendor: Northwind Supplies",
      "PO: PO-7781",
      "Total: 1,250.00 EUR",
    ]);
    const raw = await makeEmail({
      from: "billing@northwind.example",
      subject: "Invoice INV-2041",
      text: "Please find our invoice attached.",
      messageId: "<inv-2041@northwind.example>",
      attachments: [{ filename: "INV-2041.pdf", content: pdf, contentType: "application/pdf" }],
    });
    const res = await postSigned(emailUrl(endpointId), secret, raw, { contentType: "message/rfc822" });
    expect(res.status).toBe(202);
    const { itemId } = (await res.json()) as { itemId: string };
    const [item] = (await storedItems(invoices.workflowId)).filter((i) => i.id === itemId);
    const [attachment] = await withAdminClient(async (c) => {
      const { rows } = await c.query<{ id: string; extractedText: string; content: Buffer }>(
        `SELECT "id", "extractedText", "content" FROM "IntakeAttachment" WHERE "intakeItemId" = $1`,
        [itemId],
      );
      return rows;
    });
    expect(item?.payload).toMatchObject({ filename: "INV-2041.pdf", attachment_id: attachment?.id });
    for (const line of ["INVOICE INV-2041", "PO: PO-7781", "Total: 1,250.00 EUR"]) {
      expect(String(item?.payload.text)).toContain(line);
    }
    expect(attachment?.extractedText).toBe(item?.payload.text);
    expect(Buffer.compare(attachment!.content, Buffer.from(pdf))).toBe(0);
    expect(sent().map((e) => e.name)).toEqual(["invoice/received"]);
  });

  it("refuses an email that is not a message, or an invoice email without an invoice, storing nothing", async () => {
    const { endpointId, secret } = endpoints.get(invoices.workflowId)!;
    const before = (await storedItems(invoices.workflowId)).length;
    const empty = await makeEmail({ from: "x@example.com", subject: "Hello" });
    const res = await postSigned(emailUrl(endpointId), secret, empty, { contentType: "message/rfc822" });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { message: string }).message).toContain("neither a PDF invoice");
    expect((await storedItems(invoices.workflowId)).length).toBe(before);
  });
});
