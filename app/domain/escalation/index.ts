// Public surface of the escalation detector. Import from "~/domain/escalation".
export { detectEscalation, type DetectOptions } from "./detect-escalation";
export {
  escalationSettingsSchema,
  escalationSettingsInputSchema,
  ESCALATION_INPUT_LIMITS,
  defaultEscalationSettings,
  parseEscalationSettings,
  DETECTOR_LANGUAGES,
  type DetectorLanguage,
  type EscalationSettings,
} from "./settings";
export { SENSITIVITY_PRESETS, sensitivityOf, type SensitivityPreset, type SensitivityThresholds } from "./sensitivity";
export {
  ESCALATION_REASONS,
  ESCALATION_TOPICS,
  PRIORITIES,
  labelReason,
  type DetectorConversation,
  type DetectorMessage,
  type EscalationContext,
  type EscalationDecision,
  type EscalationTopic,
  type Priority,
  type ReasonCode,
  type Signal,
} from "./types";
export { SHOPPER_REQUESTS, readShopperRequest, type ShopperRequest } from "./request";
