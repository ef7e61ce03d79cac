import { db } from "../db/client";

/**
 * Marks a TOTP time step as used. A conditional update, so a replayed code (same or older step)
 * matches no row, even when two requests race with the same code.
 */
export async function claimTotpStep(userId: string, step: number): Promise<boolean> {
  const used = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastUsedStep: null }, { totpLastUsedStep: { lt: step } }] },
    data: { totpLastUsedStep: step },
  });
  return used.count === 1;
}
