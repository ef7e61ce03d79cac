import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { addMember, createOrgWithOwner, createUser, uniqueEmail } from "../../../prisma/factories";
import { financePolicy } from "../../../prisma/factories/governance";
import type { Role } from "../../auth/permissions";
import { createWorkflow } from "../../workflows/workflow-service";
import { signatureHeader } from "../webhook-signature";

/**
 * Test fixtures for intake: an organisation with a template workflow, and the intake route
 * handlers served over real HTTP (bodies stream through, so size limits are exercised as in
 * production). Never used by the product.
 */
export type IntakeOrg = {
  orgId: string;
  slug: string;
  owner: { id: string; email: string };
  workflowId: string;
};

export async function createIntakeOrg(templateKey: string, name = "Intake Org"): Promise<IntakeOrg> {
  const owner = await createUser({ email: uniqueEmail("intake-owner") });
  const org = await createOrgWithOwner(owner, name);
  const actor = { type: "human" as const, id: owner.id, label: owner.email };
  const { workflowId } = await createWorkflow(
    { orgId: org.id, userId: owner.id, actor },
    { name: `${templateKey} workflow`, templateKey, policy: financePolicy() },
  );
  return { orgId: org.id, slug: org.slug, owner, workflowId };
}

export async function addIntakeMember(orgId: string, role: Role) {
  const user = await createUser({ email: uniqueEmail(role) });
  await addMember({ orgId, user, role });
  return user;
}

export async function addWorkflow(org: IntakeOrg, templateKey: string): Promise<string> {
  const actor = { type: "human" as const, id: org.owner.id, label: org.owner.email };
  const { workflowId } = await createWorkflow(
    { orgId: org.orgId, userId: org.owner.id, actor },
    { name: `${templateKey} workflow`, templateKey, policy: financePolicy() },
  );
  return workflowId;
}

type Handler = (request: Request) => Promise<Response> | Response;
type Route = { method: string; pattern: RegExp; handler: (request: Request, match: string[]) => Promise<Response> };

/** The app's intake route handlers behind a local HTTP server, routed as Next routes them. */
export async function serveIntake() {
  const webhook = await import("@/app/api/intake/[endpointId]/webhook/route");
  const email = await import("@/app/api/intake/[endpointId]/email/route");
  const form = await import("@/app/api/intake/form/[formKey]/route");
  const items = await import("@/app/api/intake/v1/items/route");
  const item = await import("@/app/api/intake/v1/items/[itemId]/route");
  const params = <T>(value: T) => ({ params: Promise.resolve(value) });
  const routes: Route[] = [
    { method: "POST", pattern: /^\/api\/intake\/v1\/items$/, handler: (r) => items.POST(r) },
    {
      method: "GET",
      pattern: /^\/api\/intake\/v1\/items\/([^/]+)$/,
      handler: (r, m) => item.GET(r, params({ itemId: m[1]! })),
    },
    {
      method: "POST",
      pattern: /^\/api\/intake\/form\/([^/]+)$/,
      handler: (r, m) => form.POST(r, params({ formKey: m[1]! })),
    },
    { method: "OPTIONS", pattern: /^\/api\/intake\/form\/([^/]+)$/, handler: () => Promise.resolve(form.OPTIONS()) },
    {
      method: "POST",
      pattern: /^\/api\/intake\/([^/]+)\/webhook$/,
      handler: (r, m) => webhook.POST(r, params({ endpointId: m[1]! })),
    },
    {
      method: "POST",
      pattern: /^\/api\/intake\/([^/]+)\/email$/,
      handler: (r, m) => email.POST(r, params({ endpointId: m[1]! })),
    },
  ];
  const dispatch: Handler = async (request) => {
    const path = new URL(request.url).pathname;
    for (const route of routes) {
      const match = route.method === request.method ? route.pattern.exec(path) : null;
      if (match) return route.handler(request, [...match]);
    }
    return new Response("not found", { status: 404 });
  };
  const server = http.createServer((req, res) => {
    void (async () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
      const method = req.method ?? "GET";
      const hasBody = method !== "GET" && method !== "HEAD" && method !== "OPTIONS";
      const request = new Request(`http://${req.headers.host}${req.url}`, {
        method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
        duplex: "half",
      } as RequestInit);
      const response = await dispatch(request);
      // A refused body may be left unread: never reuse that connection.
      res.writeHead(response.status, { ...Object.fromEntries(response.headers.entries()), connection: "close" });
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** POSTs a body signed with `secret` (at `now`, default the current time). */
export function postSigned(
  url: string,
  secret: string,
  body: string | Uint8Array<ArrayBuffer>,
  options: { now?: number; contentType?: string; header?: string } = {},
) {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": options.contentType ?? "application/json",
      "handrail-signature": options.header ?? signatureHeader(secret, body, options.now),
    },
    body,
  });
}
