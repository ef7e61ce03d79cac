import { handleSignedDelivery } from "@/server/intake/http/signed-delivery";

/** Signed JSON intake for one workflow (docs/intake.md). */
export async function POST(request: Request, { params }: RouteContext<"/api/intake/[endpointId]/webhook">) {
  return handleSignedDelivery(request, (await params).endpointId, "webhook");
}
