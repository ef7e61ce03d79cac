import { z } from "zod";

/** The password rule, shared by the server and the sign-up form (no server imports here). */
export const ZPassword = z.string().min(10, "Use at least 10 characters.").max(200, "Use at most 200 characters.");
