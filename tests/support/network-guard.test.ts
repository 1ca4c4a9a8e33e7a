import net from "node:net";
import { describe, expect, it } from "vitest";

describe("network guard", () => {
  it("refuses a connection to a host no test server fakes", () => {
    expect(() => net.connect({ host: "api.openai.com", port: 443 })).toThrow(/no test server fakes/);
  });
  it("lets loopback through", async () => {
    const server = net.createServer().listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const port = (server.address() as net.AddressInfo).port;
    const socket = net.connect({ host: "127.0.0.1", port });
    await new Promise((r) => socket.once("connect", r));
    socket.destroy();
    server.close();
  });
});
