import { createServer, connect, type AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { takeTurn, turnsWaiting } from "./turn-taking.server";

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe("takeTurn", () => {
  it("lets a socket round trip through while a burst of turns waits (one turn per event-loop iteration)", async () => {
    const server = createServer((socket) => socket.pipe(socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const client = connect((server.address() as AddressInfo).port, "127.0.0.1");
    await new Promise((resolve) => client.once("connect", resolve));

    let done = 0;
    const turns = Array.from({ length: 40 }, () =>
      takeTurn().then(() => {
        busy(2);
        done++;
      }),
    );
    const doneAtEcho = new Promise<number>((resolve) => client.once("data", () => resolve(done)));
    client.write("x");
    const seen = await doneAtEcho;
    await Promise.all(turns);
    client.destroy();
    server.close();

    // All at once, the 40 turns (80 ms) would run before the echo is read.
    expect(seen).toBeLessThan(10);
    expect(done).toBe(40);
    expect(turnsWaiting()).toBe(0);
  });

  it("admits in arrival order", async () => {
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => takeTurn().then(() => order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
  });
});
