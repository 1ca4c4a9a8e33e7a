import { db } from "~/db.server";

// Liveness + database reachability for load balancers and the demo launcher.
export async function loader() {
  await db().$queryRawUnsafe("SELECT 1");
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
