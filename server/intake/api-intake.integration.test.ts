import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { withAdminClient } from "../testing/callers";
import { callerFor } from "../testing/callers";
import { auditEntries } from "../testing/integration";
import { captureIntakeEvents } from "./testing/engine-double";
import { addWorkflow, createIntakeOrg, serveIntake, type IntakeOrg } from "./testing/intake-fixtures";

let server: Awaited<ReturnType<typeof serveIntake>>;
let engine: ReturnType<typeof captureIntakeEvents>;
let org: IntakeOrg;
let other: IntakeOrg;
let secondWorkflowId: string;

const itemsUrl = () => `${server.url}/api/intake/v1/items`;

function post(key: string, body: unknown) {
  return fetch(itemsUrl(), {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

async function createKey(
  at: IntakeOrg,
  input: { workflowId: string | null; scopes?: ("intake:write" | "intake:read")[]; expiresInDays?: number | null },
) {
  return callerFor(at.owner, at.slug).intake.createApiKey({
    name: "CRM sync",
    workflowId: input.workflowId,
    scopes: input.scopes ?? ["intake:write"],
    expiresInDays: input.expiresInDays ?? null,
  });
}

async function itemCount(workflowId: string, status?: string) {
  return withAdminClient(async (c) => {
    const { rows } = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "IntakeItem" WHERE "workflowId" = $1 AND ($2::text IS NULL OR "status" = $2)`,
      [workflowId, status ?? null],
    );
    return rows[0]!.n;
  });
}

beforeAll(async () => {
  engine = captureIntakeEvents();
  server = await serveIntake();
  org = await createIntakeOrg("lead_routing", "API Leads");
  secondWorkflowId = await addWorkflow(org, "content_distribution");
  other = await createIntakeOrg("lead_routing", "API Other");
});

afterAll(async () => {
  await server.close();
  engine.restore();
});

afterEach(() => {
  engine.sent.length = 0;
});

describe("API keys", () => {
  it("shows a key once, stores only its hash, lists it with prefix and scopes, and audits it", async () => {
    const { key, apiKey } = await createKey(org, { workflowId: org.workflowId, expiresInDays: 30 });
    expect(key).toMatch(/^hrk_[A-Za-z0-9_-]{43}$/);
    expect(apiKey.prefix).toBe(key.slice(0, 12));
    const stored = await withAdminClient(async (c) => {
      const { rows } = await c.query<{ keyHash: string }>(`SELECT "keyHash" FROM "ApiKey" WHERE "id" = $1`, [
        apiKey.id,
      ]);
      return rows[0]!.keyHash;
    });
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(key.slice(4));

    const listed = await callerFor(org.owner, org.slug).intake.apiKeys({ workflowId: org.workflowId });
    const row = listed.find((k) => k.id === apiKey.id);
    expect(row).toMatchObject({ name: "CRM sync", prefix: apiKey.prefix, scopes: ["intake:write"], revokedAt: null });
    expect(row?.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
    expect(JSON.stringify(listed)).not.toContain(key);
    const audit = await auditEntries({ chainKey: org.orgId, action: "intake.api_key_created" });
    expect(audit.at(-1)?.data).toMatchObject({ prefix: apiKey.prefix, scopes: ["intake:write"] });
    expect(JSON.stringify(audit)).not.toContain(key);
  });

  it("accepts items with a workflow key and records when it was last used", async () => {
    const { key, apiKey } = await createKey(org, { workflowId: org.workflowId });
    const res = await post(key, { email: "ann@example.com", company: "Acme", source_id: "api-1" });
    expect(res.status).toBe(202);
    expect(engine.sent.map((e) => e.name)).toEqual(["lead/received"]);
    const listed = await callerFor(org.owner, org.slug).intake.apiKeys({ workflowId: org.workflowId });
    expect(listed.find((k) => k.id === apiKey.id)?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("lets a workflow key send only to its workflow", async () => {
    const { key } = await createKey(org, { workflowId: org.workflowId });
    const res = await post(key, { workflowId: secondWorkflowId, title: "Launch", body: "We launched." });
    expect([res.status, ((await res.json()) as { error: string }).error]).toEqual([403, "wrong_workflow"]);
    expect(await itemCount(secondWorkflowId)).toBe(0);
  });

  it("makes an organisation-wide key name the workflow, and picks the kind from the template", async () => {
    const { key } = await createKey(org, { workflowId: null });
    const unnamed = await post(key, { title: "Launch", body: "We launched." });
    expect([unnamed.status, ((await unnamed.json()) as { error: string }).error]).toEqual([400, "workflow_required"]);

    const article = await post(key, { workflowId: secondWorkflowId, title: "Launch", body: "We launched." });
    expect(article.status).toBe(202);
    const mention = await post(key, {
      workflowId: secondWorkflowId,
      kind: "mention",
      channel: "@handrail",
      author: "@dana",
      body: "Love it",
    });
    expect(mention.status).toBe(202);
    expect(engine.sent.map((e) => e.name)).toEqual(["article/published", "mention/received"]);

    const items = await callerFor(org.owner, org.slug).intake.items({ workflowId: secondWorkflowId });
    expect(items.map((i) => [i.kind, i.channel, i.status])).toEqual([
      ["mention", "api", "queued"],
      ["article", "api", "queued"],
    ]);
  });

  it("refuses a key without the intake:write scope (403), and reads status with intake:read", async () => {
    const writer = await createKey(org, { workflowId: org.workflowId });
    const accepted = (await (await post(writer.key, { email: "scope@example.com" })).json()) as { itemId: string };
    const { key } = await createKey(org, { workflowId: org.workflowId, scopes: ["intake:read"] });
    const res = await post(key, { email: "reader@example.com" });
    expect([res.status, ((await res.json()) as { message: string }).message]).toEqual([
      403,
      "This API key lacks the intake:write scope.",
    ]);
    const status = await fetch(`${itemsUrl()}/${accepted.itemId}`, { headers: { authorization: `Bearer ${key}` } });
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ itemId: accepted.itemId, status: "queued", runId: null });
    const writeOnly = await fetch(`${itemsUrl()}/${accepted.itemId}`, {
      headers: { authorization: `Bearer ${writer.key}` },
    });
    expect(writeOnly.status).toBe(403);
  });

  it("refuses revoked, expired, unknown and missing keys with 401", async () => {
    const revoked = await createKey(org, { workflowId: org.workflowId });
    await callerFor(org.owner, org.slug).intake.revokeApiKey({ apiKeyId: revoked.apiKey.id });
    const expired = await createKey(org, { workflowId: org.workflowId, expiresInDays: 1 });
    await withAdminClient((c) =>
      c.query(`UPDATE "ApiKey" SET "expiresAt" = now() - interval '1 second' WHERE "id" = $1`, [expired.apiKey.id]),
    );
    const before = await itemCount(org.workflowId);
    const answers = await Promise.all(
      [revoked.key, expired.key, `hrk_${"A".repeat(43)}`, "nonsense"].map(async (key) => {
        const res = await post(key, { email: "nobody@example.com" });
        return [res.status, ((await res.json()) as { message: string }).message];
      }),
    );
    expect(answers).toEqual([
      [401, "This API key was revoked."],
      [401, "This API key has expired."],
      [401, "Unknown API key."],
      [401, "Unknown API key."],
    ]);
    const missing = await fetch(itemsUrl(), { method: "POST", body: "{}" });
    expect(missing.status).toBe(401);
    expect(await itemCount(org.workflowId)).toBe(before);
  });

  it("keeps organisations apart: a key never reaches another organisation's workflow or items", async () => {
    const { key } = await createKey(org, { workflowId: null, scopes: ["intake:write", "intake:read"] });
    const res = await post(key, { workflowId: other.workflowId, email: "cross@example.com" });
    expect([res.status, ((await res.json()) as { error: string }).error]).toEqual([404, "not_found"]);
    expect(await itemCount(other.workflowId)).toBe(0);

    const theirs = await createKey(other, { workflowId: other.workflowId });
    const theirItem = (await (await post(theirs.key, { email: "theirs@example.com" })).json()) as { itemId: string };
    const peek = await fetch(`${itemsUrl()}/${theirItem.itemId}`, { headers: { authorization: `Bearer ${key}` } });
    expect(peek.status).toBe(404);

    // Through the app: another organisation's member sees neither its items nor its keys.
    const outsider = callerFor(other.owner, other.slug);
    await expect(outsider.intake.items({ workflowId: org.workflowId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outsider.intake.apiKeys({ workflowId: org.workflowId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      outsider.intake.revokeApiKey({ apiKeyId: (await createKey(org, { workflowId: null })).apiKey.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("duplicates", () => {
  it("turns 20 concurrent copies into one item, one event and 19 duplicates pointing at it", async () => {
    const { key } = await createKey(org, { workflowId: org.workflowId });
    const body = { email: "race@example.com", company: "Race Ltd", source_id: "race-1" };
    const answers = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const res = await post(key, body);
        return { status: res.status, body: (await res.json()) as { itemId: string; duplicate: boolean } };
      }),
    );
    const created = answers.filter((a) => a.status === 202);
    expect(created).toHaveLength(1);
    const itemId = created[0]!.body.itemId;
    expect(answers.filter((a) => a.status === 200).map((a) => a.body)).toEqual(
      Array.from({ length: 19 }, () => ({ itemId, duplicate: true })),
    );
    expect(engine.sent.filter((e) => e.data.intakeItemId === itemId)).toHaveLength(1);
    expect(engine.sent).toHaveLength(1);
    const rows = await withAdminClient(async (c) => {
      const { rows } = await c.query<{ status: string; n: number }>(
        `SELECT "status", count(*)::int AS n FROM "IntakeItem"
          WHERE "workflowId" = $1 AND ("sourceId" = 'race-1' OR "payload"->>'duplicate_of' = $2) GROUP BY "status"`,
        [org.workflowId, itemId],
      );
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    });
    expect(rows).toEqual({ sent: 1, duplicate: 19 });
  });

  it("treats the same content without a source id as the same item", async () => {
    const { key } = await createKey(org, { workflowId: org.workflowId });
    const first = (await (await post(key, { email: "Hash@Example.com", company: "Hash Co" })).json()) as {
      itemId: string;
    };
    // Same lead once normalised (case, spacing): a duplicate.
    const again = await post(key, { company: " Hash Co ", email: "hash@example.com" });
    expect([again.status, await again.json()]).toEqual([200, { itemId: first.itemId, duplicate: true }]);
  });
});
