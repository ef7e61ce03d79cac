import { handleApiItemStatus } from "@/server/intake/http/api-items";

/** An item's status for API clients (scope intake:read). */
export async function GET(request: Request, { params }: RouteContext<"/api/intake/v1/items/[itemId]">) {
  return handleApiItemStatus(request, (await params).itemId);
}
