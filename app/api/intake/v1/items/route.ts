import { handleApiItem } from "@/server/intake/http/api-items";

/** API-key intake: `Authorization: Bearer <key>` with scope intake:write (docs/intake.md). */
export function POST(request: Request) {
  return handleApiItem(request);
}
