import { TRPCError } from "@trpc/server";
import { appendAudit } from "../audit/append-audit";
import { can, PRIVILEGED_ROLES, type Permission } from "../auth/permissions";
import { db } from "../db/client";
import { withScope, type Tx } from "../db/tenancy";
import { AppError } from "../errors";
import { Prisma } from "../db/generated/client";
import { t } from "./init";
import { resolveMembership } from "../orgs/resolve-membership";

export const ORG_HEADER = "x-handrail-org";

/** Turns domain errors and known database errors into tRPC errors at the edge. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof AppError) throw new TRPCError({ code: cause.code, message: cause.message, cause });
  if (cause instanceof Prisma.PrismaClientKnownRequestError && cause.code === "P2002") {
    throw new TRPCError({ code: "CONFLICT", message: "That already exists.", cause });
  }
  if (result.error.code === "INTERNAL_SERVER_ERROR") {
    // Log the id of the failing path only: error causes may carry PII from the input.
    console.error(`[trpc] ${result.error.message.slice(0, 200)}`);
  }
  return result;
});

const base = t.procedure.use(mapErrors);

export const publicProcedure = base.meta({ access: { kind: "public" } });

const requireUser = t.middleware(async ({ ctx, next }) => {
  if (!ctx.sessionUser) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  const user = await db.user.findUnique({
    where: { id: ctx.sessionUser.id },
    select: { id: true, email: true, name: true, totpEnabledAt: true, isPlatformAdmin: true },
  });
  if (!user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Your session has ended. Please sign in again." });
  return next({
    ctx: {
      user,
      actor: { type: "human" as const, id: user.id, label: user.email },
    },
  });
});

export const authedProcedure = base.meta({ access: { kind: "authed" } }).use(requireUser);

export const platformAdminProcedure = base
  .meta({ access: { kind: "platformAdmin" } })
  .use(requireUser)
  .use(({ ctx, next }) => {
    if (!ctx.user.isPlatformAdmin) throw new TRPCError({ code: "FORBIDDEN", message: "Platform administrators only." });
    return next();
  });

type OrgOptions = { allowWithoutTwoFactor?: boolean };

/**
 * A procedure acting inside one organisation. The organisation named by the client (header
 * `x-handrail-org`, a slug) is trusted only once a membership lookup confirms it; the caller's
 * role must carry `permission`. Denials are audited.
 */
export function orgProcedure(permission: Permission, options: OrgOptions = {}) {
  return base
    .meta({ access: { kind: "org", permission } })
    .use(requireUser)
    .use(async ({ ctx, next, path }) => {
      const slug = ctx.headers.get(ORG_HEADER);
      if (!slug) throw new TRPCError({ code: "BAD_REQUEST", message: "No organisation was selected." });
      const membership = await resolveMembership(ctx.user.id, slug);
      if (!membership) throw new TRPCError({ code: "NOT_FOUND", message: "Organisation not found." });
      const { org } = membership;
      const scope = <T>(fn: (tx: Tx) => Promise<T>) => withScope({ orgId: org.id, userId: ctx.user.id }, fn);

      if (!can(membership.role, permission)) {
        await scope((tx) =>
          appendAudit(tx, {
            orgId: org.id,
            actor: ctx.actor,
            action: "access.denied",
            outcome: "denied",
            data: { procedure: path, permission },
            ip: ctx.ip,
          }),
        );
        throw new TRPCError({ code: "FORBIDDEN", message: "Your role does not allow this." });
      }
      const needsTwoFactor =
        org.requireTwoFactorForPrivileged && PRIVILEGED_ROLES.includes(membership.role) && !ctx.user.totpEnabledAt;
      if (needsTwoFactor && !options.allowWithoutTwoFactor) {
        throw new TRPCError({
          code: "FORBIDDEN",
          message:
            "This organisation requires two-factor authentication for your role. Enrol it under Account security.",
        });
      }
      return next({ ctx: { org, membership, scope } });
    });
}
