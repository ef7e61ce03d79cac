import "server-only";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ORG_HEADER } from "../../trpc/procedures";
import { serverCaller } from "../../trpc/server-caller";
import { BODY_LIMITS } from "../intake.schemas";
import { accepted, fail, tooLarge } from "./respond";
import { declaredTooLarge, readLimitedBody } from "./read-body";

/**
 * POST /api/intake/upload/<workflowId>: a signed-in person uploads a PDF invoice (raw bytes,
 * `x-filename`, org in `x-handrail-org`). The bytes go to the `intake.submitInvoicePdf` procedure,
 * so the session, membership, `record.write` and two-factor checks are the ones every call gets.
 */
export async function handleInvoiceUpload(request: Request, workflowId: string) {
  if (declaredTooLarge(request, BODY_LIMITS.pdf)) return tooLarge(BODY_LIMITS.pdf);
  const slug = request.headers.get(ORG_HEADER);
  if (!slug) return fail(400, "no_org", "No organisation was selected.");
  const bytes = await readLimitedBody(request, BODY_LIMITS.pdf);
  if (!bytes) return tooLarge(BODY_LIMITS.pdf);
  const filename = fileNameOf(request.headers.get("x-filename"));
  try {
    const caller = await serverCaller(slug);
    return accepted(await caller.intake.submitInvoicePdf({ workflowId, filename, pdf: bytes }));
  } catch (error) {
    if (error instanceof TRPCError) {
      const status = getHTTPStatusCodeFromError(error);
      const message = status >= 500 ? "Something went wrong on our side. Please try again." : error.message;
      return fail(status, error.code.toLowerCase(), message);
    }
    throw error;
  }
}

function fileNameOf(header: string | null): string {
  try {
    return (
      decodeURIComponent(header ?? "")
        .trim()
        .slice(0, 300) || "invoice.pdf"
    );
  } catch {
    return "invoice.pdf";
  }
}
