import { z } from "zod";
import { ZPassword } from "../auth/password-policy";

export const ZSignUpRequest = z.object({
  name: z.string().trim().min(1, "Enter your name.").max(120),
  email: z.string().trim().toLowerCase().email("Enter a valid email address.").max(254),
  password: ZPassword,
});

export const ZTotpCode = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app."),
});

export const ZBeginTwoFactorResponse = z.object({
  otpauthUri: z.string(),
  manualKey: z.string(),
  qrDataUrl: z.string(),
});

export const ZRecoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });

export const ZAccountResponse = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  twoFactorEnabled: z.boolean(),
  recoveryCodesLeft: z.number(),
  isPlatformAdmin: z.boolean(),
});
