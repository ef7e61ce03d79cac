import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { callerFor, withAdminClient } from "../testing/callers";
import { uniqueIp } from "../testing/integration";
import { FORM_LIMIT } from "./intake-limiters";
import { HONEYPOT_FIELD } from "./http/lead-form";
import { captureIntakeEvents } from "./testing/engine-double";
import { createIntakeOrg, serveIntake, type IntakeOrg } from "./testing/intake-fixtures";

let server: Awaited<ReturnType<typeof serveIntake>>;
let engine: ReturnType<typeof captureIntakeEvents>;
let leads: IntakeOrg;
let formKey = "";

const formUrl = (key = formKey) => `${server.url}/api/intake/form/${key}`;

function postForm(body: string, options: { type: string; ip?: string; accept?: string }) {
  return fetch(formUrl(), {
    method: "POST",
    headers: {
      "content-type": options.type,
      "x-forwarded-for": options.ip ?? uniqueIp(),
      ...(options.accept ? { accept: options.accept } : {}),
    },
    body,
  });
}

async function storedLeads() {
  return withAdminClient(async (c) => {
    const { rows } = await c.query<{ payload: Record<string, unknown>; channel: string }>(
      `SELECT "payload", "channel" FROM "IntakeItem" WHERE "workflowId" = $1 AND "status" <> 'duplicate'`,
      [leads.workflowId],
    );
    return rows;
  });
}

beforeAll(async () => {
  engine = captureIntakeEvents();
  server = await serveIntake();
  leads = await createIntakeOrg("lead_routing", "Form Leads");
  formKey = (await callerFor(leads.owner, leads.slug).intake.rotateSecret({ workflowId: leads.workflowId })).formKey;
});

afterAll(async () => {
  await server.close();
  engine.restore();
});

afterEach(() => {
  engine.sent.length = 0;
});

describe("lead form", () => {
  it("answers the CORS preflight for any site, on this route only", async () => {
    const res = await fetch(formUrl(), {
      method: "OPTIONS",
      headers: { origin: "https://www.customer.example", "access-control-request-method": "POST" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
  });

  it("accepts a JSON submission from the snippet's script, as a web_form lead", async () => {
    const res = await postForm(JSON.stringify({ email: "Fran@Example.com", first_name: "Fran", company: "Fjord" }), {
      type: "application/json",
    });
    expect(res.status).toBe(202);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(await res.json()).toMatchObject({ duplicate: false });
    expect(engine.sent.map((e) => e.name)).toEqual(["lead/received"]);
    expect((await storedLeads()).find((l) => l.payload.email === "fran@example.com")).toMatchObject({
      channel: "form",
      payload: { first_name: "Fran", company: "Fjord", source: "web_form" },
    });
  });

  it("accepts a plain HTML form post and answers with a page", async () => {
    const body = new URLSearchParams({ email: "gus@example.com", company: "Gus & Co", [HONEYPOT_FIELD]: "" });
    const res = await postForm(body.toString(), { type: "application/x-www-form-urlencoded" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(await res.text()).toContain("Thank you");
    expect((await storedLeads()).some((l) => l.payload.email === "gus@example.com")).toBe(true);
  });

  it("quietly drops a submission whose honeypot is filled", async () => {
    const before = (await storedLeads()).length;
    const res = await postForm(JSON.stringify({ email: "bot@example.com", [HONEYPOT_FIELD]: "http://spam.example" }), {
      type: "application/json",
    });
    expect([res.status, await res.json()]).toEqual([202, { ok: true }]);
    expect((await storedLeads()).length).toBe(before);
    expect(engine.sent).toEqual([]);
  });

  it("explains what is wrong with an invalid submission and stores nothing", async () => {
    const before = (await storedLeads()).length;
    const res = await postForm(JSON.stringify({ email: "not an email" }), { type: "application/json" });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { message: string }).message).toContain("email: a valid email address");
    expect((await storedLeads()).length).toBe(before);
  });

  it("limits submissions per address", async () => {
    const ip = uniqueIp();
    const statuses: number[] = [];
    for (let i = 0; i <= FORM_LIMIT.points; i += 1) {
      const res = await postForm(JSON.stringify({ email: `rate-${i}@example.com` }), { type: "application/json", ip });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, FORM_LIMIT.points).every((s) => s === 202)).toBe(true);
    const last = await postForm(JSON.stringify({ email: "late@example.com" }), { type: "application/json", ip });
    expect(last.status).toBe(429);
    expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another address is unaffected.
    expect((await postForm(JSON.stringify({ email: "other@example.com" }), { type: "application/json" })).status).toBe(
      202,
    );
  });

  it("has no form for unknown keys or for workflows that do not take leads", async () => {
    const support = await createIntakeOrg("support_triage", "Form Support");
    const supportKey = (
      await callerFor(support.owner, support.slug).intake.rotateSecret({ workflowId: support.workflowId })
    ).formKey;
    for (const key of [supportKey, "x".repeat(32)]) {
      const res = await fetch(formUrl(key), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "a@example.com" }),
      });
      expect(res.status).toBe(404);
    }
  });
});
