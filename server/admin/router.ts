import { z } from "zod";
import { db } from "../db/client";
import { router } from "../trpc/init";
import { platformAdminProcedure } from "../trpc/procedures";

export const adminRouter = router({
  listOrganizations: platformAdminProcedure
    .output(z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), createdAt: z.date() })))
    .query(() =>
      db.organization.findMany({
        select: { id: true, slug: true, name: true, createdAt: true },
        orderBy: { createdAt: "desc" },
        take: 500,
      }),
    ),
});
