// `npm run bench:realtime`: how fast does a facilitator's move reach a whole meeting room?
//
// For rooms of 10, 50 and 200 participants, one facilitator acts 20 times a second on each of
// three servers, each alone in its own process on loopback: a bare `ws` relay (the floor),
// Hocuspocus broadcasting stateless messages (what we run for notes), and Plit itself (the
// real app on a fresh PGlite folder). One JSON line per case on stdout, then one summary line
// per room size; progress goes to stderr.
//
// The three rooms are open at once and measured in turns of one second (in a rotating order),
// so a hiccup of the machine lands on all three alike instead of spoiling one server's figures.
//
//   node scripts/bench/realtime.ts [--seconds=15] [--warmup=1] [--slice=1] [--rate=20]
//                                  [--sizes=10,50,200] [--servers=ws-relay,hocuspocus,plit] [--quick]
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { joinRoom, type Listener, type Room } from './clients.ts';
import { Deliveries, percentile } from './deliveries.ts';
import { markerOf, type ServerKind, seqOf, serverKinds } from './protocol.ts';
import { cleanUp, type Probe, ServerProcess } from './serverProcess.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    slice: { type: 'string' },
    rate: { type: 'string' },
    sizes: { type: 'string' },
    servers: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});
const settings = {
  seconds: Number(args.seconds ?? (args.quick ? 3 : 15)),
  warmup: Number(args.warmup ?? (args.quick ? 0.5 : 1)),
  slice: Number(args.slice ?? 1),
  rate: Number(args.rate ?? 20),
  sizes: (args.sizes ?? (args.quick ? '10,50' : '10,50,200')).split(',').map(Number),
  servers: [...new Set(args.servers?.split(',') ?? serverKinds)] as ServerKind[],
};
for (const kind of settings.servers)
  if (!serverKinds.includes(kind)) throw new Error(`unknown server "${kind}" (${serverKinds.join(', ')})`);

// Quiet for this long after the last presence/awareness/sync frame: the room has settled.
const SETTLED_AFTER_MS = 500;
// Events still missing this long after the last send are lost.
const DRAIN_MS = 3000;
const PRIMER_EVENTS = 10;

const progress = (text: string) => process.stderr.write(`${text}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round2 = (x: number) => Math.round(x * 100) / 100;

async function until(done: () => boolean, ms: number, every = 5): Promise<boolean> {
  const deadline = performance.now() + ms;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await sleep(every);
  }
  return true;
}

/** Hands each received event to the phase it belongs to, and notes when the room last stirred. */
class Ears implements Listener {
  phase: Deliveries | null = null;
  lastOther = performance.now();

  event(index: number, marker: string): void {
    const at = performance.now();
    // A late copy of an earlier phase's event does not match this phase's markers.
    const seq = this.phase && seqOf(this.phase.runId, marker);
    if (seq !== null && seq !== undefined) this.phase!.received(index, seq, at);
  }

  other(): void {
    this.lastOther = performance.now();
  }

  settled(): Promise<boolean> {
    return until(() => performance.now() - this.lastOther > SETTLED_AFTER_MS, 30_000, 20);
  }
}

/** The facilitator acts `events` times at the set rate, on a fixed schedule (no drift). */
async function act(room: Room, ears: Ears, participants: number, events: number): Promise<Deliveries> {
  const phase = new Deliveries(events, participants);
  ears.phase = phase;
  const gap = 1000 / settings.rate;
  const start = performance.now();
  for (let seq = 0; seq < events; seq++) {
    const wait = start + seq * gap - performance.now();
    if (wait > 0) await sleep(wait);
    phase.sent(seq, performance.now());
    room.act(markerOf(phase.runId, seq));
  }
  await until(() => phase.complete(), DRAIN_MS);
  return phase;
}

/** One server with its room open, and what has been measured of it so far. */
class Contender {
  readonly kind: ServerKind;
  readonly server: ServerProcess;
  readonly participants: number;
  readonly ears = new Ears();
  room: Room | null = null;
  /** Memory after a collection, before and after the room joined. */
  memory: { before: Probe; joined: Probe } | null = null;
  readonly slices: Deliveries[] = [];
  cpuUs = 0;

  constructor(server: ServerProcess, participants: number) {
    this.kind = server.kind;
    this.server = server;
    this.participants = participants;
  }

  get target() {
    return { kind: this.kind, port: this.server.port, meeting: this.server.meeting };
  }

  act(events: number): Promise<Deliveries> {
    return act(this.room!, this.ears, this.participants, events);
  }

  async join(): Promise<void> {
    // A first small room wakes every code path (and the database's caches), so the memory
    // measured next is what connections cost, not what the first one happened to load.
    const primerEars = new Ears();
    const primer = await joinRoom(this.target, 2, primerEars);
    await act(primer, primerEars, 2, PRIMER_EVENTS);
    await primer.close();
    await sleep(300);

    const before = await this.server.probe(true);
    this.room = await joinRoom(this.target, this.participants, this.ears);
    if (!(await this.ears.settled())) progress(`  ${this.kind}: the room never went quiet; measuring anyway`);
    this.memory = { before, joined: await this.server.probe(true) };
  }

  async measure(events: number): Promise<void> {
    const start = await this.server.probe(false);
    this.slices.push(await this.act(events));
    const end = await this.server.probe(false);
    this.cpuUs += end.cpuUs - start.cpuUs;
  }

  report() {
    const latencies = this.slices.flatMap((s) => s.latencies()).sort((a, b) => a - b);
    const sum = (pick: (s: Deliveries) => number) => this.slices.reduce((total, s) => total + pick(s), 0);
    const delivered = sum((s) => s.delivered);
    const { before, joined } = this.memory!;
    return {
      server: this.kind,
      participants: this.participants,
      events: sum((s) => s.events),
      p50Ms: round2(percentile(latencies, 50)),
      p99Ms: round2(percentile(latencies, 99)),
      maxMs: round2(latencies.at(-1) ?? Number.NaN),
      lost: sum((s) => s.expected - s.delivered),
      cpuUsPerDelivered: round2(this.cpuUs / Math.max(1, delivered)),
      memPerConnKB: round2((joined.rss - before.rss) / this.participants / 1024),
      heapPerConnKB: round2((joined.heap - before.heap) / this.participants / 1024),
      duplicates: sum((s) => s.duplicates),
    };
  }
}

async function runSize(participants: number): Promise<void> {
  const started = performance.now();
  const loadBefore = loadavg()[0]!;
  const servers = await Promise.all(settings.servers.map((kind) => ServerProcess.start(kind)));
  const contenders = servers.map((server) => new Contender(server, participants));
  try {
    // One room at a time: a room joining is a burst no other room should be measured through.
    for (const c of contenders) await c.join();
    for (const c of contenders) await c.act(Math.round(settings.warmup * settings.rate));
    const slices = Math.max(1, Math.round(settings.seconds / settings.slice));
    const perSlice = Math.round(settings.slice * settings.rate);
    for (let slice = 0; slice < slices; slice++) {
      // Rotate the order, so no server always goes first or always right after another.
      for (let i = 0; i < contenders.length; i++)
        await contenders[(i + slice) % contenders.length]!.measure(perSlice);
    }
  } finally {
    await Promise.all(contenders.map((c) => c.room?.close()));
    await Promise.all(servers.map((server) => server.stop()));
  }

  const lines = new Map(contenders.map((c) => [c.kind, c.report()]));
  for (const line of lines.values()) console.log(JSON.stringify(line));
  progress(`  ${participants} participants: ${Math.round((performance.now() - started) / 1000)} s`);
  const load = Math.max(loadBefore, loadavg()[0]!);
  if (load > availableParallelism())
    progress(
      `  note: load average ${round2(load)} on ${availableParallelism()} cores; the tails are unreliable`,
    );
  const plit = lines.get('plit');
  const relay = lines.get('ws-relay');
  const hocuspocus = lines.get('hocuspocus');
  if (!plit || !relay || !hocuspocus) return;
  const vsRelay = plit.p99Ms / relay.p99Ms;
  const vsHocuspocus = plit.p99Ms / hocuspocus.p99Ms;
  console.log(
    JSON.stringify({
      summary: 'plit vs baselines',
      participants,
      plitP99Ms: plit.p99Ms,
      relayP99Ms: relay.p99Ms,
      hocuspocusP99Ms: hocuspocus.p99Ms,
      p99VsRelay: round2(vsRelay),
      p99VsHocuspocus: round2(vsHocuspocus),
      lost: plit.lost,
      targetMet: plit.lost === 0 && vsRelay <= 1.5 && vsHocuspocus <= 1,
      // The machine's 1-minute load average before and after: above its core count, other
      // processes were competing with the servers and the tails say more about them.
      hostLoad: [round2(loadBefore), round2(loadavg()[0]!)],
    }),
  );
}

async function main(): Promise<void> {
  progress(
    `bench:realtime: ${settings.sizes.join('/')} participants, ${settings.rate} events/s, ` +
      `${settings.warmup} s warm-up + ${settings.seconds} s measured in ${settings.slice} s turns, ` +
      `servers: ${settings.servers.join(', ')}`,
  );
  for (const participants of settings.sizes) await runSize(participants);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });

main()
  .then(() => {
    cleanUp();
    process.exit(0);
  })
  .catch((err: unknown) => {
    console.error(err);
    cleanUp();
    process.exit(1);
  });
