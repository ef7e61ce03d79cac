import type { InngestFunction } from "inngest";
import { governedRun } from "./governed-run";

/** Every function the app serves at /api/inngest. */
export const functions: InngestFunction.Any[] = [governedRun];
