import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { z, ZodError } from "zod";
import type { Permission } from "../auth/permissions";

/** How a procedure may be called; every procedure declares one (a test enumerates them). */
export type Access =
  { kind: "public" } | { kind: "authed" } | { kind: "org"; permission: Permission } | { kind: "platformAdmin" };

export type Meta = { access: Access };

export type SessionUser = { id: string };

export type Context = {
  sessionUser: SessionUser | null;
  headers: Headers;
  ip: string;
};

export const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      return {
        ...shape,
        // Stack traces, SQL and driver messages never reach the browser.
        message: internal ? "Something went wrong on our side. Please try again." : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          path: shape.data.path,
          zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
        },
      };
    },
  });

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;
export { TRPCError };
