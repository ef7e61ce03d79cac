import { handleInvoiceUpload } from "@/server/intake/http/invoice-upload";

/** In-app PDF invoice upload (session + record.write, checked by the intake procedure). */
export async function POST(request: Request, { params }: RouteContext<"/api/intake/upload/[workflowId]">) {
  return handleInvoiceUpload(request, (await params).workflowId);
}
