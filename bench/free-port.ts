// For the benchmarks that start `aanwezig serve` themselves.
import { type AddressInfo, createServer } from "node:net";

/** A port nobody listens on now (the machine is shared: never assume a fixed one is free). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
