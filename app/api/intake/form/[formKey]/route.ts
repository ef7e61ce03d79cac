import { formPreflight, handleLeadForm } from "@/server/intake/http/lead-form";

/** The embeddable lead form's target: public, so CORS is open on this route only. */
export async function POST(request: Request, { params }: RouteContext<"/api/intake/form/[formKey]">) {
  return handleLeadForm(request, (await params).formKey);
}

export function OPTIONS() {
  return formPreflight();
}
