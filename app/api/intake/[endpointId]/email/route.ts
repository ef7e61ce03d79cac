import { handleSignedDelivery } from "@/server/intake/http/signed-delivery";

/** Signed raw email (RFC 822) intake for one workflow (docs/intake.md). */
export async function POST(request: Request, { params }: RouteContext<"/api/intake/[endpointId]/email">) {
  return handleSignedDelivery(request, (await params).endpointId, "email");
}
