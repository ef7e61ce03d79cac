/** Domain errors thrown by services; the tRPC layer maps `code` to a TRPCError code. */
export const APP_ERROR_CODES = [
  "NOT_FOUND",
  "FORBIDDEN",
  "CONFLICT",
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "TOO_MANY_REQUESTS",
  "PRECONDITION_FAILED",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}
