package ru.civic.platform.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntSupplier;

/**
 * CPU used during a phase, in cores, from {@code /proc}: this JVM; the PostgreSQL server (the postmaster and its
 * children, found from our own backend's parent; only for a local server); the kernel's interrupt work (loopback
 * networking is mostly softirq, charged to no process); every other process on the machine (another build shows
 * here); and idle.
 */
public final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux
    private final Integer postmaster;
    private final long self = ProcessHandle.current().pid();

    private CpuMeter(Integer postmaster) {
        this.postmaster = postmaster;
    }

    /** @param backendPid the process id of one of the server's backends ({@code select pg_backend_pid()}) */
    public static CpuMeter forServer(IntSupplier backendPid) {
        Integer postmaster = null;
        try {
            int backend = backendPid.getAsInt();
            String[] stat = procStat(backend);
            if (stat != null) {
                postmaster = Integer.parseInt(stat[1]);
            }
        } catch (RuntimeException e) {
            // not a local server: no PostgreSQL column
        }
        return new CpuMeter(postmaster);
    }

    public record Sample(long nanos, double jvm, double pg, double others, double irq, double idle) {
        public Usage until(Sample later) {
            double wall = (later.nanos - nanos) / 1e9;
            return new Usage((later.jvm - jvm) / wall, postmasterKnown() ? (later.pg - pg) / wall : Double.NaN,
                    (later.irq - irq) / wall, (later.others - others) / wall, (later.idle - idle) / wall);
        }

        private boolean postmasterKnown() {
            return !Double.isNaN(pg);
        }
    }

    public record Usage(double jvm, double pg, double irq, double others, double idle) {
        @Override
        public String toString() {
            return "%.2f / %s / %.2f / %.2f / %.2f".formatted(jvm, Double.isNaN(pg) ? "?" : "%.2f".formatted(pg),
                    irq, others, idle);
        }
    }

    public Sample sample() {
        long now = System.nanoTime();
        double jvm = 0, pg = 0, others = 0, irq = 0, idle = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path dir : (Iterable<Path>) dirs::iterator) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                int pid = Integer.parseInt(name);
                String[] stat = procStat(pid);
                if (stat == null) {
                    continue;
                }
                double seconds = (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) / TICKS_PER_SECOND;
                if (pid == self) {
                    jvm += seconds;
                } else if (postmaster != null && (pid == postmaster || Integer.parseInt(stat[1]) == postmaster)) {
                    pg += seconds;
                } else {
                    others += seconds;
                }
            }
            // cpu user nice system idle iowait irq softirq steal
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            idle = (Long.parseLong(f[4]) + Long.parseLong(f[5])) / TICKS_PER_SECOND;
            irq = (Long.parseLong(f[6]) + Long.parseLong(f[7])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return new Sample(now, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return new Sample(now, jvm, postmaster == null ? Double.NaN : pg, others, irq, idle);
    }

    /** The fields of /proc/pid/stat after the command name: [0] state, [1] ppid, ..., [11] utime, [12] stime. */
    private static String[] procStat(int pid) {
        try {
            String s = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            return s.substring(s.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}

