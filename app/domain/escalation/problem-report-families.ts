// The families of problem a public post at a company reports (issue 26, sixth to eighth passes; decisions 0087–0089):
// each is one pattern over normalized English text, kept by kind in problem-families/. The reading of them (how many,
// the score, the gates) is in public-problem-report.ts.
import { PURCHASE_FAMILIES } from "./problem-families/purchase";
import { SERVICE_FAMILIES } from "./problem-families/service";
import { VOICE_FAMILIES } from "./problem-families/voice";

/** Families of problem report: a post that matches one reports a problem; several are more evidence. */
export const PROBLEM_FAMILIES: Record<string, RegExp> = { ...SERVICE_FAMILIES, ...PURCHASE_FAMILIES, ...VOICE_FAMILIES };
