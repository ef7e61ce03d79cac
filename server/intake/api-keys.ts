import type { z } from "zod";
import { appendAudit } from "../audit/append-audit";
import { hashToken, randomToken } from "../auth/crypto";
import { withScope, type Tx } from "../db/tenancy";
import { AppError } from "../errors";
import { requireWorkflow, type IntakeActor } from "./intake-endpoint";
import type { ApiKeyScope, ApiKeyView, ZCreateApiKeyRequest } from "./intake.schemas";

/** Keys look like `hrk_<43 characters>`; only their SHA-256 is stored (high entropy: no salt needed). */
const KEY_PATTERN = /^hrk_[A-Za-z0-9_-]{43}$/;
const PREFIX_LENGTH = 12;
const DAY_MS = 24 * 60 * 60 * 1000;

const VIEW = {
  id: true,
  name: true,
  prefix: true,
  workflowId: true,
  scopes: true,
  expiresAt: true,
  revokedAt: true,
  lastUsedAt: true,
  createdAt: true,
} as const;

export async function createApiKey(ctx: IntakeActor, input: z.infer<typeof ZCreateApiKeyRequest>) {
  const key = `hrk_${randomToken(32)}`;
  return withScope({ orgId: ctx.orgId, userId: ctx.userId }, async (tx) => {
    if (input.workflowId) await requireWorkflow(tx, ctx.orgId, input.workflowId);
    const scopes = [...new Set(input.scopes)];
    const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null;
    const row = await tx.apiKey.create({
      data: {
        orgId: ctx.orgId,
        workflowId: input.workflowId,
        name: input.name,
        prefix: key.slice(0, PREFIX_LENGTH),
        keyHash: hashToken(key),
        scopes,
        expiresAt,
        createdById: ctx.userId,
      },
      select: VIEW,
    });
    await appendAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "intake.api_key_created",
      targetType: "api_key",
      targetId: row.id,
      data: {
        name: row.name,
        prefix: row.prefix,
        workflowId: row.workflowId,
        scopes,
        expiresAt: expiresAt?.toISOString() ?? null,
      },
    });
    return { apiKey: row satisfies ApiKeyView, key };
  });
}

/** Keys that can send to this workflow: its own and the organisation-wide ones. */
export async function listApiKeys(tx: Tx, orgId: string, workflowId: string): Promise<ApiKeyView[]> {
  await requireWorkflow(tx, orgId, workflowId);
  return tx.apiKey.findMany({
    where: { orgId, OR: [{ workflowId }, { workflowId: null }] },
    select: VIEW,
    orderBy: { createdAt: "desc" },
    take: 100,
  });
}

export async function revokeApiKey(ctx: IntakeActor, apiKeyId: string) {
  return withScope({ orgId: ctx.orgId, userId: ctx.userId }, async (tx) => {
    const row = await tx.apiKey.findFirst({ where: { id: apiKeyId, orgId: ctx.orgId }, select: VIEW });
    if (!row) throw new AppError("NOT_FOUND", "That API key was not found.");
    if (row.revokedAt) return row;
    const revoked = await tx.apiKey.update({ where: { id: row.id }, data: { revokedAt: new Date() }, select: VIEW });
    await appendAudit(tx, {
      orgId: ctx.orgId,
      actor: ctx.actor,
      action: "intake.api_key_revoked",
      targetType: "api_key",
      targetId: row.id,
      data: { name: row.name, prefix: row.prefix },
    });
    return revoked;
  });
}

export type AuthenticatedKey = {
  id: string;
  orgId: string;
  workflowId: string | null;
  prefix: string;
  scopes: string[];
};

export type KeyCheck = { ok: true; key: AuthenticatedKey } | { ok: false; status: 401 | 403; message: string };

/** Reads `Authorization: Bearer <key>` and checks the key is live and carries `scope`. */
export async function authenticateApiKey(authorization: string | null, scope: ApiKeyScope): Promise<KeyCheck> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!token) return { ok: false, status: 401, message: "Send the API key as `Authorization: Bearer <key>`." };
  if (!KEY_PATTERN.test(token)) return { ok: false, status: 401, message: "Unknown API key." };
  const keyHash = hashToken(token);
  const row = await withScope({ apiKeyHash: keyHash }, (tx) => tx.apiKey.findUnique({ where: { keyHash } }));
  if (!row) return { ok: false, status: 401, message: "Unknown API key." };
  if (row.revokedAt) return { ok: false, status: 401, message: "This API key was revoked." };
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) {
    return { ok: false, status: 401, message: "This API key has expired." };
  }
  if (!row.scopes.includes(scope)) {
    return { ok: false, status: 403, message: `This API key lacks the ${scope} scope.` };
  }
  const key = { id: row.id, orgId: row.orgId, workflowId: row.workflowId, prefix: row.prefix, scopes: row.scopes };
  await markUsed(key, row.lastUsedAt);
  return { ok: true, key };
}

/** At most one write a minute per key: "last used" is for people, not an access log. */
async function markUsed(key: AuthenticatedKey, lastUsedAt: Date | null) {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() < 60_000) return;
  await withScope({ orgId: key.orgId }, (tx) =>
    tx.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } }),
  );
}
