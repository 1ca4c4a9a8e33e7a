// Public surface of the escalation matrix. Import from "~/domain/routing".
export {
  defaultRoutingSettings,
  parseRoutingSettings,
  routeEscalation,
  routeMatches,
  routingSettingsSchema,
  type RoutableDecision,
  type RouteResult,
  type RoutingRoute,
  type RoutingSettings,
} from "./routing";
