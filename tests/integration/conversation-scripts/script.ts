// The shape of a scripted conversation (see ../conversations.test.ts), and the demo shop's fixture ids.

export type Match = string | RegExp;
export interface Step {
  say?: string;
  /** The widget's "Talk to a person" button. */
  press?: true;
  /** The signed customer for this turn (default: the script's). */
  as?: string | null;
  state?: "open" | "awaiting_email" | "escalated" | "closed";
  has?: Match[];
  lacks?: Match[];
}
export interface ExpectedCase {
  status: "queued" | "abandoned" | "limited";
  /** The proven order the case carries (its facts stored), or null for none. */
  order: string | null;
  subject?: Match[];
  email?: Match[];
  emailLacks?: Match[];
}
export interface Script {
  name: string;
  customer?: string;
  locale?: string;
  steps: Step[];
  /** The case the conversation ends with; "none" = no case at all. */
  case: ExpectedCase | "none";
}

export const SARAH = "7001";
export const MIKE = "7002";
export const OLIVIA = "7006";
export const TRACK = "9400111899223847563";
