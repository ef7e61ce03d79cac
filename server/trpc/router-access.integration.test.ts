import type { AnyProcedure } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, createOrgWithOwner, createUser, uniqueEmail } from "../../prisma/factories";
import { can, ROLES, type Role } from "../auth/permissions";
import { callerFor } from "../testing/callers";
import type { Meta } from "./init";
import { appRouter } from "./root";

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>).map(
  ([path, proc]) => ({
    path,
    access: (proc._def.meta as Meta | undefined)?.access,
  }),
);

/** Anything reachable without signing in is listed here on purpose. */
const PUBLIC_PROCEDURES = ["account.signUp", "invitation.preview", "devMail.list"];

type Callable = (input?: unknown) => Promise<unknown>;
function call(caller: ReturnType<typeof callerFor>, path: string, input?: unknown): Promise<unknown> {
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as Callable;
  return fn(input);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return (error as { code?: string }).code ?? "UNKNOWN";
  }
}

describe("every procedure declares who may call it", () => {
  it("has access metadata on each procedure", () => {
    expect(procedures.length).toBeGreaterThan(10);
    for (const { path, access } of procedures) expect(access, path).toBeDefined();
  });

  it("exposes only the listed public procedures", () => {
    const publicOnes = procedures.filter((p) => p.access?.kind === "public").map((p) => p.path);
    expect(publicOnes.sort()).toEqual([...PUBLIC_PROCEDURES].sort());
  });
});

describe("allowed and denied, per role, against the permission matrix", () => {
  const members = {} as Record<Role, { id: string }>;
  let slug = "";
  let otherSlug = "";

  beforeAll(async () => {
    const owner = await createUser({ email: uniqueEmail("owner") });
    const org = await createOrgWithOwner(owner, "Matrix Org");
    slug = org.slug;
    members.owner = owner;
    for (const role of ROLES.filter((r) => r !== "owner")) {
      const user = await createUser({ email: uniqueEmail(role) });
      await addMember({ orgId: org.id, user, role });
      members[role] = user;
    }
    const stranger = await createUser({ email: uniqueEmail("stranger") });
    otherSlug = (await createOrgWithOwner(stranger, "Other Org")).slug;
  });

  const orgProcedures = procedures.filter((p) => p.access?.kind === "org");

  it.each(ROLES)("role %s gets exactly what the matrix grants", async (role) => {
    for (const { path, access } of orgProcedures) {
      if (access?.kind !== "org") continue;
      const code = await codeOf(call(callerFor(members[role], slug), path));
      // Allowed calls get past the guard: at worst their (absent) input is refused.
      if (can(role, access.permission))
        expect(["OK", "BAD_REQUEST", "CONFLICT", "PRECONDITION_FAILED"], path).toContain(code);
      else expect([path, code]).toEqual([path, "FORBIDDEN"]);
    }
  });

  it("answers NOT_FOUND for every organisation procedure aimed at another organisation", async () => {
    for (const { path } of orgProcedures) {
      expect([path, await codeOf(call(callerFor(members.owner, otherSlug), path))]).toEqual([path, "NOT_FOUND"]);
    }
  });

  it("answers UNAUTHORIZED for every non-public procedure without a session", async () => {
    for (const { path, access } of procedures) {
      if (access?.kind === "public") continue;
      expect([path, await codeOf(call(callerFor(null, slug), path))]).toEqual([path, "UNAUTHORIZED"]);
    }
  });

  it("keeps platform administration to platform administrators", async () => {
    for (const { path, access } of procedures) {
      if (access?.kind !== "platformAdmin") continue;
      expect(await codeOf(call(callerFor(members.owner), path))).toBe("FORBIDDEN");
    }
  });
});
