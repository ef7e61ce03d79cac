import type { Tx } from "@/server/db/tenancy";
import type { ChannelContext } from "./plan-distribution";
import { readRecords } from "../ap-invoice/ap-records";

/** Past performance figures read per channel (the most recent ones). */
const PERFORMANCE_LIMIT = 2000;

/** Active and inactive channels with their post counts and recent performance. */
export async function loadChannelContexts(tx: Tx, orgId: string): Promise<ChannelContext[]> {
  const channels = await readRecords(tx, orgId, "content.channel");
  const contexts: ChannelContext[] = [];
  for (const channel of channels) {
    const priorPosts = await tx.businessRecord.count({
      where: { orgId, type: "content.post", data: { path: ["channel_id"], equals: channel.id } },
    });
    const figures = await readRecords(tx, orgId, "content.performance", {
      dataPath: ["channel_id"],
      equals: channel.id,
    });
    contexts.push({
      id: channel.id,
      data: channel.data,
      priorPosts,
      performance: figures
        .slice(-PERFORMANCE_LIMIT)
        .map((f) => ({ posted_at: f.data.posted_at, engagements: f.data.engagements })),
    });
  }
  return contexts;
}

/** An article already recorded under the same URL is reused, not recorded twice. */
export async function findArticleByUrl(tx: Tx, orgId: string, url: string | null | undefined) {
  if (!url) return null;
  const rows = await readRecords(tx, orgId, "content.article", { dataPath: ["url"], equals: url });
  return rows[0] ?? null;
}
