import { z } from "zod";
import { publicProcedure } from "../trpc/procedures";
import { router } from "../trpc/init";
import { listDevMail } from "./dev-outbox";

export const devMailRouter = router({
  list: publicProcedure
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }))
    .output(
      z.array(
        z.object({
          id: z.string(),
          to: z.string(),
          subject: z.string(),
          text: z.string(),
          html: z.string().nullable(),
          createdAt: z.date(),
        }),
      ),
    )
    .query(({ input }) => listDevMail(input.limit)),
});
