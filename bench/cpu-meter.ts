import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time (user + system) of groups of processes over a stretch of the bench, and the write
 * system calls they made (each Kafka request, SQL round trip, HTTP message and log line is one:
 * on a VM the call, and the reader it wakes, is much of a message's cost), read from /proc.
 */
export class CpuMeter {
  private constructor(
    private readonly groups: Record<string, () => number[]>,
    private readonly startTicks: Map<number, number>,
    private readonly startWrites: Map<number, number>,
    private readonly startMachine: { busy: number; total: number },
  ) {}

  /**
   * Starts measuring: each service by its pid, plus the Kafka broker (java processes running
   * kafka), Postgres (every postgres process, including backends that start meanwhile, as a
   * connection pool opens them on demand) and the load generator (this process).
   */
  static start(servicePids: Record<string, number>): CpuMeter {
    const groups: Record<string, () => number[]> = Object.fromEntries(Object.entries(servicePids).map(([name, pid]) => [name, () => [pid]]));
    groups['kafka'] = () => processesWhere((comm, cmdline) => comm === 'java' && cmdline.includes('kafka'));
    groups['postgres'] = () => processesWhere((comm) => comm === 'postgres');
    groups['load generator'] = () => [process.pid];
    const pids = Object.values(groups).flatMap((group) => group());
    const startTicks = new Map(pids.map((pid) => [pid, ticksOf(pid)] as const));
    const startWrites = new Map(pids.map((pid) => [pid, writeCallsOf(pid)] as const));
    return new CpuMeter(groups, startTicks, startWrites, machineTicks());
  }

  /** CPU milliseconds and write system calls per unit of work (an order) for each group, and how busy the machine was. */
  perUnit(units: number): { cpuMsPerOrder: Record<string, number>; writesPerOrder: Record<string, number>; machineBusyPercent: number } {
    const msPerTick = 1_000 / 100; // USER_HZ is 100 on Linux
    const cpuMsPerOrder: Record<string, number> = {};
    for (const [name, pids] of Object.entries(this.groups)) {
      // A process started meanwhile counts from zero; one gone meanwhile is missed (rare here).
      const ticks = pids().reduce((sum, pid) => sum + ticksOf(pid) - (this.startTicks.get(pid) ?? 0), 0);
      cpuMsPerOrder[name] = Math.round(((ticks * msPerTick) / units) * 10) / 10;
    }
    cpuMsPerOrder['total'] = Math.round(Object.values(cpuMsPerOrder).reduce((sum, value) => sum + value, 0) * 10) / 10;
    const writesPerOrder: Record<string, number> = {};
    for (const [name, pids] of Object.entries(this.groups)) {
      const writes = pids().reduce((sum, pid) => sum + writeCallsOf(pid) - (this.startWrites.get(pid) ?? 0), 0);
      writesPerOrder[name] = Math.round((writes / units) * 10) / 10;
    }
    writesPerOrder['total'] = Math.round(Object.values(writesPerOrder).reduce((sum, value) => sum + value, 0) * 10) / 10;
    const machine = machineTicks();
    const machineBusyPercent = Math.round(((machine.busy - this.startMachine.busy) / (machine.total - this.startMachine.total)) * 100);
    return { cpuMsPerOrder, writesPerOrder, machineBusyPercent };
  }
}

function processesWhere(matches: (comm: string, cmdline: string) => boolean): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => {
      try {
        return matches(readFileSync(`/proc/${pid}/comm`, 'utf8').trim(), readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
      } catch {
        return false; // gone meanwhile
      }
    });
}

/** utime + stime of a process, in clock ticks; 0 for a process that is gone. */
function ticksOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** The write system calls a process has made (`syscw` of /proc/<pid>/io, every thread's); 0 for a process that is gone or not ours to read. */
function writeCallsOf(pid: number): number {
  try {
    return Number(/syscw:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function machineTicks(): { busy: number; total: number } {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/);
  const numbers = values.map(Number);
  const total = numbers.reduce((sum, value) => sum + value, 0);
  const idle = numbers[3]! + numbers[4]!;
  return { busy: total - idle, total };
}
