import { z } from "zod";
import { router } from "../trpc/init";
import { authedProcedure, publicProcedure } from "../trpc/procedures";
import {
  ZAccountResponse,
  ZBeginTwoFactorResponse,
  ZRecoveryCodesResponse,
  ZSignUpRequest,
  ZTotpCode,
} from "./account.schemas";
import { signUp } from "./sign-up";
import { beginTwoFactor, confirmTwoFactor, disableTwoFactor, getAccount, regenerateRecoveryCodes } from "./two-factor";

export const accountRouter = router({
  signUp: publicProcedure
    .input(ZSignUpRequest)
    .output(z.object({ id: z.string() }))
    .mutation(({ input, ctx }) => signUp(input, ctx.ip)),
  me: authedProcedure.output(ZAccountResponse).query(({ ctx }) => getAccount(ctx.user.id)),
  beginTwoFactor: authedProcedure.output(ZBeginTwoFactorResponse).mutation(({ ctx }) => beginTwoFactor(ctx.user)),
  confirmTwoFactor: authedProcedure
    .input(ZTotpCode)
    .output(ZRecoveryCodesResponse)
    .mutation(({ ctx, input }) => confirmTwoFactor(ctx.user, input.code)),
  disableTwoFactor: authedProcedure
    .input(ZTotpCode)
    .mutation(({ ctx, input }) => disableTwoFactor(ctx.user, input.code)),
  regenerateRecoveryCodes: authedProcedure
    .input(ZTotpCode)
    .output(ZRecoveryCodesResponse)
    .mutation(({ ctx, input }) => regenerateRecoveryCodes(ctx.user, input.code)),
});
